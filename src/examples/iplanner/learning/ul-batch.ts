/**
 * U and L over a batch of plans, in TypeScript (float64): the LL solution W = B·[0; P] per sample, U as in iPlanner
 * (ul-cost.ts) with its analytic ∂U/∂W and ∂U/∂fear, and L = Pᵀ Q P. U is the batch mean, so the gradients are
 * divided by the batch size.
 */
import type { CostMap } from '../sensing/costmap.ts';
import { keypointsToWaypoints, splineEnergy, type SplineOperator } from '../planning/spline.ts';
import type { Point2, Pose2 } from '../worlds/types.ts';
import { upperLevelCost, type UlSettings } from './ul-cost.ts';

export interface PlanContext {
  pose: Pose2;
  /** Robot frame, as given to the network. */
  goal: Point2;
  map: CostMap;
}

export interface TermMeans {
  obstacle: number;
  motion: number;
  goal: number;
  fear: number;
}

export interface BatchCost {
  /** Mean U over the batch. */
  upper: number;
  /** Mean L (spline energy) over the batch. */
  lower: number;
  /** Unweighted term means. */
  terms: TermMeans;
  /** [B, n, 2] ∂(mean U)/∂W. */
  gradWaypoints: Float32Array;
  /** [B] ∂(mean U)/∂fear. */
  gradFear: Float32Array;
  /** Share of plans whose fear label is 1 (the path runs into the inflated obstacles soon). */
  collisionShare: number;
  /** Share of plans whose fear (thresholded at 0.5) matches the label. */
  fearAccuracy: number;
}

/** Key points [B·k·2] and fear [B] (as read back from the network) → U, L and the gradients. */
export function batchCost(
  op: SplineOperator,
  keypoints: ArrayLike<number>,
  fear: ArrayLike<number>,
  contexts: readonly PlanContext[],
  settings: Partial<UlSettings>,
): BatchCost {
  const { n, k } = op.options;
  const size = contexts.length;
  const gradWaypoints = new Float32Array(size * n * 2);
  const gradFear = new Float32Array(size);
  const terms: TermMeans = { obstacle: 0, motion: 0, goal: 0, fear: 0 };
  let upper = 0;
  let lower = 0;
  let collisions = 0;
  let correct = 0;
  for (let b = 0; b < size; b++) {
    const kp = Array.from({ length: 2 * k }, (_, i) => keypoints[b * 2 * k + i]);
    const w = keypointsToWaypoints(op, kp);
    const r = upperLevelCost(w, fear[b], contexts[b], settings);
    upper += r.total;
    lower += splineEnergy(op, kp).value;
    terms.obstacle += r.terms.obstacle;
    terms.motion += r.terms.motion;
    terms.goal += r.terms.goal;
    terms.fear += r.terms.fear;
    collisions += r.fearLabel;
    if ((fear[b] > 0.5 ? 1 : 0) === r.fearLabel) correct++;
    for (let i = 0; i < 2 * n; i++) gradWaypoints[b * 2 * n + i] = r.gradWaypoints[i] / size;
    gradFear[b] = r.gradFear / size;
  }
  return {
    upper: upper / size,
    lower: lower / size,
    terms: {
      obstacle: terms.obstacle / size,
      motion: terms.motion / size,
      goal: terms.goal / size,
      fear: terms.fear / size,
    },
    gradWaypoints,
    gradFear,
    collisionShare: collisions / size,
    fearAccuracy: correct / size,
  };
}
