import { scaledGuidance } from '../learning/guidance-levels.ts';
import type { GridMap, GridPoint } from '../maps/grid-map.ts';
import { createSearchContext } from '../search/search-context.ts';
import { type PlanResult, search } from '../search/search.ts';
import type { TrainingMode } from '../params.ts';
import { PAGE_MAX_EXPANSIONS } from './plan-set.ts';

export interface LearnedPlannerInfo {
  kind: TrainingMode;
  label: string;
  /** f in the papers' letters, as KaTeX. */
  formula: string;
  note: string;
}

export const LEARNED_PLANNERS: readonly LearnedPlannerInfo[] = [
  {
    kind: 'ia-star',
    label: 'iA*',
    formula: 'f = g + h + \\kappa\\,q(c)',
    note: 'guidance trained self-supervised (search area + path length)',
  },
  {
    kind: 'neural-astar',
    label: 'Neural A*',
    formula: 'f = g + h + \\kappa\\,q(c)',
    note: 'guidance trained on optimal paths (L1 to the history)',
  },
];

export const LEARNED_KINDS: readonly TrainingMode[] = LEARNED_PLANNERS.map((p) => p.kind);

export function learnedInfo(kind: TrainingMode): LearnedPlannerInfo {
  return LEARNED_PLANNERS.find((p) => p.kind === kind)!;
}

export function otherMode(mode: TrainingMode): TrainingMode {
  return mode === 'ia-star' ? 'neural-astar' : 'ia-star';
}

/** The learned planners stay off maps larger than this (cells): the U-Net's pass would stall the worker. */
export const LEARNED_MAX_CELLS = 256 * 256;

/**
 * The learned planner's search on the editor's map, rerun on the main thread from the worker's guidance so the
 * card replays it on the shared clock with its open list, like the classic planners (capped like them).
 */
export function learnedPlan(
  map: GridMap,
  start: GridPoint,
  goal: GridPoint,
  c: Float32Array,
  kappa: number,
): PlanResult {
  return search(createSearchContext(map), start, goal, {
    planner: 'astar',
    guidance: scaledGuidance(c, kappa),
    maxExpansions: PAGE_MAX_EXPANSIONS,
  });
}
