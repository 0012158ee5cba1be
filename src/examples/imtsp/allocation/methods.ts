import { evaluateAllocation, type MtspSolution } from './allocation';
import { solveClusterAllocation } from './baseline-cluster';
import { solveRandomAllocation } from './baseline-random';
import type { MtspInstance } from '../instances/instance';
import { solveMinMaxLocalSearch } from './minmax-local-search';
import type { TspOptions } from '../tsp/tsp-solve';

/** What every allocation method receives besides the instance and the number of agents. */
export interface MtspMethodContext {
  seed: number;
  /** Trained weights (a path in Node, a URL in the browser) for methods that need them. */
  weights?: string;
  /** Wall-clock budget for searching methods; undefined means the method's own default. */
  timeLimitMs?: number;
  /** TSP engine settings (metric, exact threshold...) used for every agent's tour. */
  tsp?: TspOptions;
  /** How `weights` files are read: the CLI passes the file system; elsewhere they are fetched. */
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** One way of solving a min-max mTSP instance. */
export interface MtspMethod {
  id: string;
  summary: string;
  needsWeights: boolean;
  /** One-off set-up (a backend, weight files) done before the solve is timed. */
  prepare?(context: MtspMethodContext): Promise<void>;
  solve(
    instance: MtspInstance,
    agents: number,
    context: MtspMethodContext,
  ): MtspSolution | Promise<MtspSolution>;
}

/** Every allocation method, in the order the CLI lists them: a plain list, fixed at build time. */
export const MTSP_METHODS: readonly MtspMethod[] = [
  {
    id: 'random',
    summary: 'random allocation of cities to agents, then the TSP engine per agent',
    needsWeights: false,
    solve: (instance, agents, { seed, tsp }) => solveRandomAllocation(instance, agents, seed, tsp),
  },
  {
    id: 'cluster',
    summary: 'the better of k-means++ clusters and a length-balanced angular sweep, then the TSP engine',
    needsWeights: false,
    solve: (instance, agents, { seed, tsp }) => solveClusterAllocation(instance, agents, { seed, tsp }),
  },
  {
    id: 'local-search',
    summary:
      'min-max local search (relocate / swap from the longest tour, tours re-optimised) from the clustering',
    needsWeights: false,
    solve: (instance, agents, { seed, tsp, timeLimitMs }) =>
      solveMinMaxLocalSearch(instance, agents, { seed, tsp, timeLimitMs }),
  },
  {
    id: 'learned',
    summary:
      'the trained allocation network (greedy: each city to its most likely agent), then the TSP engine; --weights DIR (default: the shipped weights)',
    needsWeights: false,
    // Loaded on demand, so the classical methods never pull in tfjs.
    prepare: async (context) => {
      await (await import('../learning/learned-method')).loadLearnedNetwork(context);
    },
    solve: async (instance, agents, context) =>
      (await import('../learning/learned-method')).solveWithLearnedWeights(instance, agents, context),
  },
];

export function getMtspMethod(id: string): MtspMethod | undefined {
  return MTSP_METHODS.find((m) => m.id === id);
}

export function listMtspMethods(): readonly MtspMethod[] {
  return MTSP_METHODS;
}

/** One agent: no allocation to choose, just the best tour the engine finds (iterated local search). */
export function solveSingleAgent(instance: MtspInstance, context: MtspMethodContext): MtspSolution {
  const all = new Int32Array(instance.x.length);
  const tsp: TspOptions = {
    ...context.tsp,
    quality: { seed: context.seed, timeLimitMs: context.timeLimitMs },
  };
  return evaluateAllocation(instance, all, 1, tsp);
}
