import type { CompareOptions, HeldOutRow } from '../allocation/compare';
import { evaluateHeldOut, evaluateInstances } from '../allocation/compare';
import type { MtspInstance } from '../instances/instance';
import type { AllocationNetwork } from '../learning/model';

/** The held-out grid: N = 200, 500, 1 000 with M = 5, 10, 15, uniform and clustered cities. */
export const GRID_CITIES = [200, 500, 1000] as const;
export const GRID_AGENTS = [5, 10, 15] as const;
export const GRID_DISTRIBUTIONS = ['uniform', 'clustered'] as const;
/** The TSPLIB files of ../shared/data/tsplib and the agent counts of the public min-max mTSP benchmarks. */
export const TSPLIB_AGENTS = [3, 5] as const;

export interface GridCell {
  family: string;
  cities: number;
  agents: number;
  rows: HeldOutRow[];
}

export interface GridOptions {
  count: number;
  seed: number;
  localSearchMs: number;
  localSearchBudget?: CompareOptions['localSearchBudget'];
  /** Only these N of GRID_CITIES (default all). */
  cities?: readonly number[];
  log: (line: string) => void;
}

/** Every (distribution, N, M) cell of the grid, on instances no training step drew. */
export async function evaluateGrid(network: AllocationNetwork, options: GridOptions): Promise<GridCell[]> {
  const cells: GridCell[] = [];
  for (const distribution of GRID_DISTRIBUTIONS)
    for (const cities of GRID_CITIES.filter((n) => options.cities?.includes(n) ?? true))
      for (const agents of GRID_AGENTS) {
        options.log(
          `imtsp: held-out ${distribution} N = ${cities}, M = ${agents} (${options.count} instances)`,
        );
        const rows = await evaluateHeldOut(network, {
          cities,
          agents,
          count: options.count,
          distribution,
          seed: options.seed,
          localSearchMs: options.localSearchMs,
          localSearchBudget: options.localSearchBudget,
        });
        cells.push({ family: distribution, cities, agents, rows });
      }
  return cells;
}

/** The TSPLIB instances (all of them per M), one cell per M. */
export async function evaluateTsplib(
  network: AllocationNetwork,
  instances: readonly MtspInstance[],
  localSearchMs: number,
  localSearchBudget?: CompareOptions['localSearchBudget'],
): Promise<GridCell[]> {
  if (instances.length === 0) return [];
  const cells: GridCell[] = [];
  for (const agents of TSPLIB_AGENTS) {
    const rows = await evaluateInstances(network, instances, agents, { localSearchMs, localSearchBudget });
    const cities = Math.round(instances.reduce((a, i) => a + i.x.length, 0) / instances.length);
    cells.push({ family: `tsplib (${instances.map((i) => i.name).join(', ')})`, cities, agents, rows });
  }
  return cells;
}

/** What the issue asks of one cell: learned beats both clusterings; learned + LS beats LS in less time. */
export function cellVerdict(cell: GridCell): {
  learnedBeatsKmeans: boolean;
  learnedBeatsSweep: boolean;
  learnedRatio: number;
  speedupOverLocalSearch: number;
  warmStartBetterAndFaster: boolean;
} {
  const row = (m: HeldOutRow['method']) => cell.rows.find((r) => r.method === m)!;
  const learned = row('learned');
  const ls = row('local-search');
  const warm = row('learned-local-search');
  return {
    learnedBeatsKmeans: learned.meanMaxTour < row('kmeans').meanMaxTour,
    learnedBeatsSweep: learned.meanMaxTour < row('sweep').meanMaxTour,
    learnedRatio: learned.meanRatio,
    speedupOverLocalSearch: ls.meanMs / learned.meanMs,
    warmStartBetterAndFaster: warm.meanMaxTour < ls.meanMaxTour && warm.meanMs < ls.meanMs,
  };
}
