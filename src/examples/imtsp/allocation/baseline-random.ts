import { createRng } from '../../../il/rng';
import { evaluateAllocation, type MtspSolution } from './allocation';
import type { MtspInstance } from '../instances/instance';
import type { TspOptions } from '../tsp/tsp-solve';

/** Each city (not the depot) goes to an agent drawn uniformly at random. */
export function randomAssignment(n: number, agents: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const assignment = new Int32Array(n);
  for (let c = 1; c < n; c++) assignment[c] = rng.int(0, agents - 1);
  return assignment;
}

/** Baseline: random allocation, then the TSP engine per agent. */
export function solveRandomAllocation(
  instance: MtspInstance,
  agents: number,
  seed: number,
  tsp: TspOptions = {},
): MtspSolution {
  return evaluateAllocation(instance, randomAssignment(instance.x.length, agents, seed), agents, tsp);
}
