import { contract, type CommandSpec } from '../../il/example/contract.ts';
import type { WeightsFiles } from '../../il/weights-format.ts';
import type { Split } from './learning/data.ts';
import type { PlannerSummary } from './learning/evaluate.ts';
import type { IaStarParams } from './params.ts';

/** What the view draws after every few steps: the learned guidance on a held-out showcase map. */
export interface IaStarSnapshot {
  mode: IaStarParams['mode'];
  /** Which map this is: the held-out validation map, or the one in the editor (command 'setShowcase'). */
  showcase: 'validation' | 'editor';
  width: number;
  height: number;
  blocked: Uint8Array;
  start: number;
  goal: number;
  /** c ∈ (0, 1) per cell. */
  guidance: Float32Array;
  /** ∂U/∂c on this map: where the UL cost pushes the guidance up (> 0 means "raise c here") or down. */
  push: Float32Array;
  learned: { expansionOrder: Int32Array; path: Int32Array; pathLength: number; success: boolean };
  astar: { expanded: number; pathLength: number };
}

/** A map in the editor, sent by the view. */
export interface MapPayload {
  width: number;
  height: number;
  blocked: Uint8Array;
  start: number;
  goal: number;
}

export interface GuideResult {
  guidance: Float32Array;
  kappa: number;
  learned: {
    expansionOrder: Int32Array;
    path: Int32Array;
    pathLength: number;
    expanded: number;
    success: boolean;
    ms: number;
  };
  comparison?: GuideResult['learned'] & { guidance: Float32Array };
}

export interface EvaluateRequest {
  split: Split;
  count: number;
  size: number;
  /** Also plan the held-out class suite (random, rooms, mazes at 32, 64, 128): this many maps per class and side. */
  classMapsPerSide?: number;
}

/** One map class of the held-out suite: the learned planners against A* and the weighted-A* front. */
export interface ClassRow {
  id: string;
  label: string;
  count: number;
  learned: PlannerSummary;
  /** Weighted A*'s expansion ratio at the learned planner's path ratio (its front, interpolated). */
  wastarExpandedAtLearnedPath: number;
  belowWastarCurve: boolean;
  comparison?: PlannerSummary;
}

export interface EvaluateResult {
  /** The mode of the model being trained (the `learned` row). */
  mode: IaStarParams['mode'];
  split: Split;
  size: number;
  learned: PlannerSummary;
  comparison?: PlannerSummary;
  comparisonMode?: IaStarParams['mode'];
  astar: PlannerSummary;
  wastar: ({ weight: number } & PlannerSummary)[];
  /** By map class on the held-out class suite, when the request asked for it. */
  byClass?: ClassRow[];
}

/** The editor's map to show the learning on, or null for the held-out validation map. */
export type ShowcaseRequest = MapPayload | null;

export interface ShowcaseResult {
  showcase: IaStarSnapshot['showcase'];
}

/** The other mode's frozen weights, for the side-by-side planner and the comparison rows. */
export interface ComparisonRequest {
  files: WeightsFiles;
  mode: IaStarParams['mode'];
}

export interface ComparisonResult {
  ok: true;
}

/**
 * iA*'s commands: the learned guidance (and the search it leads) on the editor's map, an evaluation over a
 * seeded split, the map the snapshot shows, and the other mode's weights to compare with.
 */
export type IaStarCommands = {
  guide: CommandSpec<MapPayload, GuideResult>;
  evaluate: CommandSpec<EvaluateRequest, EvaluateResult>;
  setShowcase: CommandSpec<ShowcaseRequest, ShowcaseResult>;
  setComparison: CommandSpec<ComparisonRequest, ComparisonResult>;
};

export const iaStarContract = contract<IaStarSnapshot, IaStarCommands>();
