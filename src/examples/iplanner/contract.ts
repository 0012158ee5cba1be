import { contract, type CommandSpec } from '../../il/example/contract.ts';
import type { DepthNoise } from './sensing/depth-noise.ts';
import type { DriveState } from './planning/drive.ts';
import type { Comparison } from './evaluation/evaluation.ts';
import type { GradientCheck } from './learning/gradcheck.ts';
import type { Pose2, World, WorldKind } from './worlds/types.ts';
import type { TermMeans } from './learning/ul-batch.ts';

/** What the view reads after each step. */
export interface IPlannerSnapshot {
  /** Training steps taken so far: the view replans whenever it changes. */
  version: number;
  /** The world kinds training draws from. */
  kinds: WorldKind[];
  /** The last batch's unweighted U terms, its share of colliding plans and the fear head's accuracy. */
  terms: TermMeans | null;
  collisionShare: number | null;
  fearAccuracy: number | null;
}

/** Sensor noise of the live depth camera (view sliders), seeded per request. */
export interface SensorSettings {
  noise: DepthNoise;
  seed: number;
}

export interface PlanRequest {
  world: World;
  /** Plan from here (default: the world's start). */
  pose?: Pose2;
  sensor: SensorSettings;
}

export interface PlanResponse {
  /** The depth image the network saw (m, H×W row-major, 0 = no return). */
  depth: Float32Array;
  /** World frame, interleaved. */
  keypoints: number[];
  path: number[];
  fear: number;
  /** iPlanner's fear label of this plan on the world's cost map. */
  fearLabel: 0 | 1;
  /** The learned path hits an obstacle (robot radius). */
  collides: boolean;
  learnedMs: number;
  upper: number;
  lower: number;
  terms: { obstacle: number; motion: number; goal: number; fear: number };
  classical: { path: number[]; length: number; success: boolean; ms: number };
}

export interface DriveRequest {
  world: World;
  state: DriveState;
  /** Replanning rounds to advance; each round plans once and drives `replanEvery` time steps. */
  rounds: number;
  replanEvery: number;
  sensor: SensorSettings;
}

export interface DriveResponse {
  state: DriveState;
  /** The latest plan (world frame). */
  path: number[];
  fear: number;
  depth: Float32Array;
  /** Robot positions visited in this call (world, interleaved). */
  trace: number[];
}

export type EvaluateRequest =
  { set: 'held-out'; kinds: WorldKind[]; worlds: number; perWorld: number } | { set: 'editor'; world: World };

export interface EvaluateResponse {
  set: 'held-out' | 'editor';
  rows: { label: string; comparison: Comparison }[];
  /** For the editor's world: the learned drive's trace and the classical path. */
  learnedTrace?: number[];
  learnedStatus?: string;
  classicalPath?: number[];
}

export interface GradcheckRequest {
  world?: World;
  pose?: Pose2;
}

/**
 * iPlanner's on-demand work for the view (commands.ts answers it in the worker): plan on the editor's world,
 * advance drive mode, evaluate learned vs classical, and the live gradient check.
 */
export type IPlannerCommands = {
  plan: CommandSpec<PlanRequest, PlanResponse>;
  drive: CommandSpec<DriveRequest, DriveResponse>;
  evaluate: CommandSpec<EvaluateRequest, EvaluateResponse>;
  gradcheck: CommandSpec<GradcheckRequest, GradientCheck>;
};

export const iplannerContract = contract<IPlannerSnapshot, IPlannerCommands>();
