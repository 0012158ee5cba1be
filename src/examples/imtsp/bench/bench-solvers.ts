/**
 * Timing helpers for the iMTSP bench (`npm run bench -- imtsp` calls these): the TSP engine against
 * published TSPLIB optima, and the allocation baselines against the min-max local search on seeded random
 * instances. No file I/O here: the caller reads the `.tsp` files and passes them in parsed.
 */
import type { MtspSolution } from '../allocation/allocation';
import { solveClusterAllocation } from '../allocation/baseline-cluster';
import { solveRandomAllocation } from '../allocation/baseline-random';
import { uniformInstance } from '../instances/generators';
import type { MtspInstance } from '../instances/instance';
import { solveMinMaxLocalSearch, type MinMaxLocalSearchOptions } from '../allocation/minmax-local-search';
import { solveTour } from '../tsp/tsp-solve';
import { TSPLIB_METRIC, type TsplibFile } from '../tsp/tsplib';

/** Published optimal tour lengths under TSPLIB's rounded (nint) distances (Reinelt 1991). */
export const TSPLIB_OPTIMA: Readonly<Record<string, number>> = { eil51: 426, berlin52: 7542, st70: 675 };

export type TspSetting = 'fast' | 'quality';

export interface TspBenchRow {
  instance: string;
  n: number;
  setting: TspSetting;
  optimum: number;
  /** Tour length under TSPLIB's own metric (comparable with the optimum). */
  length: number;
  gapPercent: number;
  /** Median wall time of one solve over the repeats. */
  ms: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/**
 * Solve each TSPLIB instance (all cities, one agent) with the fast setting (construction + 2-opt/Or-opt)
 * and the quality setting (plus iterated Or-3opt kicks); report the gap to the optimum and the median time.
 */
export function benchTspEngine(
  files: readonly TsplibFile[],
  { repeats = 5, seed = 0 }: { repeats?: number; seed?: number } = {},
): TspBenchRow[] {
  const rows: TspBenchRow[] = [];
  for (const file of files) {
    const { instance } = file;
    const optimum = TSPLIB_OPTIMA[instance.name];
    if (optimum === undefined) continue;
    const all = Int32Array.from({ length: instance.x.length }, (_, i) => i);
    const metric = TSPLIB_METRIC[file.edgeWeightType];
    for (const setting of ['fast', 'quality'] as const) {
      const times: number[] = [];
      let length = 0;
      for (let r = 0; r < repeats; r++) {
        const run = timed(() =>
          solveTour(instance, all, { metric, quality: setting === 'quality' ? { seed } : false }),
        );
        times.push(run.ms);
        length = run.value.length;
      }
      rows.push({
        instance: instance.name,
        n: instance.x.length,
        setting,
        optimum,
        length,
        gapPercent: (100 * (length - optimum)) / optimum,
        ms: median(times),
      });
    }
  }
  return rows;
}

export type BaselineMethod = 'random' | 'kmeans' | 'sweep' | 'cluster' | 'local-search';

export interface BaselineBenchRow {
  n: number;
  agents: number;
  method: BaselineMethod;
  instances: number;
  meanMaxTour: number;
  /** Mean over instances of (this method's longest tour) / (local search's longest tour). */
  meanRatioToLocalSearch: number;
  meanMs: number;
}

export interface BaselineBenchOptions {
  seed?: number;
  sizes?: readonly number[];
  agentCounts?: readonly number[];
  /** Random instances per (n, agents); default 3. */
  instances?: number;
  localSearch?: MinMaxLocalSearchOptions;
  log?: (line: string) => void;
}

/** Every baseline on seeded uniform instances, with its ratio to the min-max local search. */
export function benchBaselines(options: BaselineBenchOptions = {}): BaselineBenchRow[] {
  const { seed = 0, sizes = [100, 200, 500], agentCounts = [5, 10], instances = 3, log } = options;
  const methods: Record<BaselineMethod, (instance: MtspInstance, agents: number, s: number) => MtspSolution> =
    {
      random: (instance, agents, s) => solveRandomAllocation(instance, agents, s),
      kmeans: (instance, agents, s) =>
        solveClusterAllocation(instance, agents, { variant: 'kmeans', seed: s }),
      sweep: (instance, agents) => solveClusterAllocation(instance, agents, { variant: 'sweep' }),
      cluster: (instance, agents, s) => solveClusterAllocation(instance, agents, { seed: s }),
      'local-search': (instance, agents, s) =>
        solveMinMaxLocalSearch(instance, agents, { timeLimitMs: Infinity, ...options.localSearch, seed: s }),
    };
  const ids = Object.keys(methods) as BaselineMethod[];
  const rows: BaselineBenchRow[] = [];
  for (const n of sizes) {
    for (const agents of agentCounts) {
      const sums = new Map(ids.map((id) => [id, { max: 0, ratio: 0, ms: 0 }]));
      for (let i = 0; i < instances; i++) {
        const instanceSeed = seed * 1000 + n * 10 + i;
        const instance = uniformInstance({ n, seed: instanceSeed });
        const results = new Map(
          ids.map((id) => [id, timed(() => methods[id](instance, agents, instanceSeed))]),
        );
        const reference = results.get('local-search')!.value.maxTour;
        for (const id of ids) {
          const run = results.get(id)!;
          const sum = sums.get(id)!;
          sum.max += run.value.maxTour;
          sum.ratio += run.value.maxTour / reference;
          sum.ms += run.ms;
        }
        log?.(`n=${n} M=${agents} instance ${i + 1}/${instances} local search ${reference.toFixed(4)}`);
      }
      for (const id of ids) {
        const sum = sums.get(id)!;
        rows.push({
          n,
          agents,
          method: id,
          instances,
          meanMaxTour: sum.max / instances,
          meanRatioToLocalSearch: sum.ratio / instances,
          meanMs: sum.ms / instances,
        });
      }
    }
  }
  return rows;
}
