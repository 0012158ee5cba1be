import type { MtspSolution } from './allocation';
import { solveClusterAllocation } from './baseline-cluster';
import { solveRandomAllocation } from './baseline-random';
import type { MtspInstance } from '../instances/instance';
import { solveLearned, type LearnedOptions } from '../learning/learned';
import { solveMinMaxLocalSearch } from './minmax-local-search';
import type { AllocationNetwork } from '../learning/model';
import type { Distribution } from '../params';
import { heldOutInstances } from '../learning/training-data';

export const COMPARED_METHODS = ['learned', 'random', 'cluster', 'local-search'] as const;
export type ComparedMethod = (typeof COMPARED_METHODS)[number];

export interface CompareRow {
  method: ComparedMethod;
  maxTour: number;
  sumTour: number;
  ms: number;
  /** Per agent, global city indices from the depot. */
  tours: number[][];
  lengths: number[];
}

export interface CompareOptions {
  seed?: number;
  /** Wall-clock cap of the local search. */
  localSearchMs?: number;
  learned?: LearnedOptions;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

async function timed(
  run: () => MtspSolution | Promise<MtspSolution>,
): Promise<{ solution: MtspSolution; ms: number }> {
  const start = now();
  const solution = await run();
  return { solution, ms: now() - start };
}

/** Every method on one instance: the learned allocation and the classical baselines, each + the TSP engine. */
export async function compareMethods(
  network: AllocationNetwork,
  instance: MtspInstance,
  agents: number,
  options: CompareOptions = {},
): Promise<CompareRow[]> {
  const seed = options.seed ?? 0;
  const runs: Record<ComparedMethod, () => MtspSolution | Promise<MtspSolution>> = {
    learned: () => solveLearned(network, instance, agents, { seed, ...options.learned }),
    random: () => solveRandomAllocation(instance, agents, seed),
    cluster: () => solveClusterAllocation(instance, agents, { seed }),
    'local-search': () =>
      solveMinMaxLocalSearch(instance, agents, { seed, timeLimitMs: options.localSearchMs }),
  };
  const rows: CompareRow[] = [];
  for (const method of COMPARED_METHODS) {
    const { solution, ms } = await timed(runs[method]);
    rows.push({
      method,
      maxTour: solution.maxTour,
      sumTour: solution.sumTour,
      ms,
      tours: solution.tours.map((t) => Array.from(t)),
      lengths: Array.from(solution.lengths),
    });
  }
  return rows;
}

export interface HeldOutRow {
  method: ComparedMethod;
  instances: number;
  meanMaxTour: number;
  /** Mean over instances of (method's longest tour) / (local search's longest tour). */
  meanRatio: number;
  meanMs: number;
}

export interface HeldOutRequest {
  cities: number;
  agents: number;
  count: number;
  distribution: Distribution;
  seed?: number;
  localSearchMs?: number;
  learned?: LearnedOptions;
}

/** Held-out evaluation: every method on `count` fresh instances, as ratios to the local search. */
export async function evaluateHeldOut(
  network: AllocationNetwork,
  request: HeldOutRequest,
): Promise<HeldOutRow[]> {
  const instances = heldOutInstances(request.distribution, request.cities, request.count, request.seed ?? 0);
  const sums = new Map(COMPARED_METHODS.map((m) => [m, { max: 0, ratio: 0, ms: 0 }]));
  for (const [i, instance] of instances.entries()) {
    const rows = await compareMethods(network, instance, request.agents, {
      seed: i,
      localSearchMs: request.localSearchMs,
      learned: request.learned,
    });
    const reference = rows.find((r) => r.method === 'local-search')!.maxTour;
    for (const row of rows) {
      const sum = sums.get(row.method)!;
      sum.max += row.maxTour;
      sum.ratio += reference > 0 ? row.maxTour / reference : 1;
      sum.ms += row.ms;
    }
  }
  const count = Math.max(1, instances.length);
  return COMPARED_METHODS.map((method) => {
    const sum = sums.get(method)!;
    return {
      method,
      instances: instances.length,
      meanMaxTour: sum.max / count,
      meanRatio: sum.ratio / count,
      meanMs: sum.ms / count,
    };
  });
}
