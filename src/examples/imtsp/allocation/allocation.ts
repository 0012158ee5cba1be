import { localDistanceMatrix } from '../tsp/distance';
import { DEPOT, type MtspInstance } from '../instances/instance';
import { solveLocalTsp, type TspOptions } from '../tsp/tsp-solve';

/** M closed tours from the depot: `tours[a]` starts at the depot (global indices), closing edge implied. */
export interface MtspSolution {
  tours: Int32Array[];
  lengths: Float64Array;
  /** The min-max objective (the UL cost U of iMTSP): the longest tour. */
  maxTour: number;
  /** Total length of all tours (the sum of the engine's LL costs). */
  sumTour: number;
}

/** Collect the max and the sum of per-agent tour lengths. */
export function summariseTours(tours: Int32Array[], lengths: Float64Array): MtspSolution {
  let maxTour = 0;
  let sumTour = 0;
  for (let a = 0; a < lengths.length; a++) {
    maxTour = Math.max(maxTour, lengths[a]);
    sumTour += lengths[a];
  }
  return { tours, lengths, maxTour, sumTour };
}

/** True when a is a better min-max solution than b: a shorter longest tour, then a shorter total. */
export function isBetterSolution(
  a: Pick<MtspSolution, 'maxTour' | 'sumTour'>,
  b: Pick<MtspSolution, 'maxTour' | 'sumTour'>,
): boolean {
  const eps = 1e-9 * Math.max(1, b.maxTour);
  if (a.maxTour < b.maxTour - eps) return true;
  return a.maxTour <= b.maxTour + eps && a.sumTour < b.sumTour - eps;
}

export function checkAgents(agents: number): void {
  if (!Number.isInteger(agents) || agents < 1)
    throw new RangeError(`agents must be a whole number ≥ 1, got ${agents}`);
}

/**
 * Solve each agent's TSP for an allocation (city → agent; the depot's entry is ignored) and return the
 * tours. This is the LL engine g that the learned allocation calls many times per training step, so it
 * groups cities with one counting pass and hands each group to the engine on a small local matrix.
 */
export function evaluateAllocation(
  instance: MtspInstance,
  assignment: ArrayLike<number>,
  agents: number,
  options: TspOptions = {},
): MtspSolution {
  checkAgents(agents);
  const n = instance.x.length;
  if (assignment.length !== n) {
    throw new RangeError(
      `assignment has ${assignment.length} entries but instance "${instance.name}" has ${n} cities`,
    );
  }
  const counts = new Int32Array(agents + 1);
  for (let c = 1; c < n; c++) {
    const a = assignment[c];
    if (!Number.isInteger(a) || a < 0 || a >= agents) {
      throw new RangeError(`city ${c} is assigned to agent ${a}, outside 0..${agents - 1}`);
    }
    counts[a + 1]++;
  }
  // Counting sort: agent a's cities land in grouped[start[a] .. start[a+1]).
  for (let a = 0; a < agents; a++) counts[a + 1] += counts[a];
  const grouped = new Int32Array(Math.max(0, n - 1));
  const fill = counts.slice(0, agents);
  for (let c = 1; c < n; c++) grouped[fill[assignment[c]]++] = c;
  const metric = options.metric ?? 'euclidean';
  const tours: Int32Array[] = [];
  const lengths = new Float64Array(agents);
  for (let a = 0; a < agents; a++) {
    const size = counts[a + 1] - counts[a];
    const cities = new Int32Array(size + 1);
    cities[0] = DEPOT;
    cities.set(grouped.subarray(counts[a], counts[a + 1]), 1);
    if (size === 0) {
      tours.push(cities);
      continue;
    }
    const local = solveLocalTsp(localDistanceMatrix(instance, cities, metric), size + 1, options);
    const tour = new Int32Array(size + 1);
    for (let i = 0; i <= size; i++) tour[i] = cities[local.tour[i]];
    tours.push(tour);
    lengths[a] = local.length;
  }
  return summariseTours(tours, lengths);
}

/** The allocation (city → agent, depot → 0) that a set of tours implies. */
export function assignmentFromTours(n: number, tours: ArrayLike<number>[]): Int32Array {
  const assignment = new Int32Array(n);
  for (let a = 0; a < tours.length; a++) {
    const tour = tours[a];
    for (let i = 0; i < tour.length; i++) if (tour[i] !== DEPOT) assignment[tour[i]] = a;
  }
  return assignment;
}
