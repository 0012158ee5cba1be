import type { MtspSolution } from './allocation';
import { assignmentFromTours } from './allocation';
import { solveClusterAllocation } from './baseline-cluster';
import { solveRandomAllocation } from './baseline-random';
import type { MtspInstance } from '../instances/instance';
import { solveLearned, type LearnedOptions } from '../learning/learned';
import { solveMinMaxLocalSearch, type MinMaxLocalSearchOptions } from './minmax-local-search';
import type { AllocationNetwork } from '../learning/model';
import type { Distribution } from '../params';
import { heldOutInstances } from '../learning/training-data';

/**
 * Every method the comparisons know. `learned-local-search` is the min-max local search started from the learned
 * allocation (its time includes the learned solve); `local-search` starts from the clustering baseline.
 */
export type ComparedMethod =
  'learned' | 'learned-local-search' | 'random' | 'cluster' | 'kmeans' | 'sweep' | 'local-search';

/** The page's per-instance table. */
export const COMPARED_METHODS: readonly ComparedMethod[] = ['learned', 'random', 'cluster', 'local-search'];
/** The held-out comparison (bench and the page's held-out panel): the learned allocation against each baseline. */
export const HELD_OUT_METHODS: readonly ComparedMethod[] = [
  'learned',
  'learned-local-search',
  'kmeans',
  'sweep',
  'local-search',
];

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
  /**
   * Wall-clock budget of the local search. `learned-local-search` gets the same total: the budget less the
   * learned solve it starts from.
   */
  localSearchMs?: number;
  /** Rounds and stall budget of both local searches (default: 100 rounds, no stall budget). */
  localSearchBudget?: Pick<MinMaxLocalSearchOptions, 'rounds' | 'stallRounds'>;
  learned?: LearnedOptions;
  /** Which methods, in this order; default COMPARED_METHODS. Ratios need `local-search` among them. */
  methods?: readonly ComparedMethod[];
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
  const timeLimitMs = options.localSearchMs;
  const budget = options.localSearchBudget ?? {};
  // The learned solve is shared by `learned` and `learned-local-search` (whose time then includes it).
  let learned: { solution: MtspSolution; ms: number } | null = null;
  const learnedRun = async () => {
    learned ??= await timed(() => solveLearned(network, instance, agents, { seed, ...options.learned }));
    return learned;
  };
  const runs: Record<ComparedMethod, () => Promise<{ solution: MtspSolution; ms: number }>> = {
    learned: learnedRun,
    'learned-local-search': async () => {
      const first = await learnedRun();
      const start = assignmentFromTours(instance.x.length, first.solution.tours);
      const remainingMs = timeLimitMs === undefined ? undefined : Math.max(0, timeLimitMs - first.ms);
      const search = await timed(() =>
        solveMinMaxLocalSearch(instance, agents, { ...budget, seed, timeLimitMs: remainingMs, start }),
      );
      return { solution: search.solution, ms: first.ms + search.ms };
    },
    random: () => timed(() => solveRandomAllocation(instance, agents, seed)),
    cluster: () => timed(() => solveClusterAllocation(instance, agents, { seed })),
    kmeans: () => timed(() => solveClusterAllocation(instance, agents, { seed, variant: 'kmeans' })),
    sweep: () => timed(() => solveClusterAllocation(instance, agents, { seed, variant: 'sweep' })),
    'local-search': () =>
      timed(() => solveMinMaxLocalSearch(instance, agents, { ...budget, seed, timeLimitMs })),
  };
  const rows: CompareRow[] = [];
  for (const method of options.methods ?? COMPARED_METHODS) {
    const { solution, ms } = await runs[method]();
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
  localSearchBudget?: CompareOptions['localSearchBudget'];
  learned?: LearnedOptions;
}

/** Every held-out method on the given instances, as mean ratios to the local search from clustering. */
export async function evaluateInstances(
  network: AllocationNetwork,
  instances: readonly MtspInstance[],
  agents: number,
  options: Pick<CompareOptions, 'localSearchMs' | 'localSearchBudget' | 'learned'> = {},
): Promise<HeldOutRow[]> {
  const methods = HELD_OUT_METHODS;
  const sums = new Map(methods.map((m) => [m, { max: 0, ratio: 0, ms: 0 }]));
  for (const [i, instance] of instances.entries()) {
    const rows = await compareMethods(network, instance, agents, { ...options, seed: i, methods });
    const reference = rows.find((r) => r.method === 'local-search')!.maxTour;
    for (const row of rows) {
      const sum = sums.get(row.method)!;
      sum.max += row.maxTour;
      sum.ratio += reference > 0 ? row.maxTour / reference : 1;
      sum.ms += row.ms;
    }
  }
  const count = Math.max(1, instances.length);
  return methods.map((method) => {
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

/** Held-out evaluation: every held-out method on `count` fresh instances, as ratios to the local search. */
export function evaluateHeldOut(network: AllocationNetwork, request: HeldOutRequest): Promise<HeldOutRow[]> {
  const instances = heldOutInstances(request.distribution, request.cities, request.count, request.seed ?? 0);
  return evaluateInstances(network, instances, request.agents, {
    localSearchMs: request.localSearchMs,
    localSearchBudget: request.localSearchBudget,
    learned: request.learned,
  });
}
