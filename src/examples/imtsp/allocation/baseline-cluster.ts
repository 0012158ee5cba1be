import { evaluateAllocation, isBetterSolution, type MtspSolution } from './allocation';
import { kMeansAssignment } from './baseline-kmeans';
import { sweepAssignments } from './baseline-sweep';
import type { MtspInstance } from '../instances/instance';
import type { TspOptions } from '../tsp/tsp-solve';

/** `kmeans`: k-means++ clusters; `sweep`: length-balanced angular sectors; `best`: whichever has the shorter longest tour. */
export type ClusterVariant = 'kmeans' | 'sweep' | 'best';

export interface ClusterOptions {
  variant?: ClusterVariant;
  seed?: number;
  /** Starting cuts tried by the sweep; default 8. */
  rotations?: number;
  tsp?: TspOptions;
}

/** Baseline: cluster the cities into one group per agent, then the TSP engine per agent. */
export function solveClusterAllocation(
  instance: MtspInstance,
  agents: number,
  options: ClusterOptions = {},
): MtspSolution {
  const variant = options.variant ?? 'best';
  const tsp = options.tsp ?? {};
  const candidates: Int32Array[] = [];
  if (variant !== 'sweep') candidates.push(kMeansAssignment(instance, agents, options.seed ?? 0));
  if (variant !== 'kmeans')
    candidates.push(...sweepAssignments(instance, agents, options.rotations, tsp.metric));
  let best: MtspSolution | null = null;
  for (const assignment of candidates) {
    const solution = evaluateAllocation(instance, assignment, agents, tsp);
    if (best === null || isBetterSolution(solution, best)) best = solution;
  }
  return best!;
}
