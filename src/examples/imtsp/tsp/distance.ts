import type { MtspInstance } from '../instances/instance';

/**
 * How the length of an edge is measured.
 * - `euclidean`: the plain, unrounded Euclidean distance. The iMTSP problem always uses this one.
 * - `nint`, `ceil`, `att`: TSPLIB's EUC_2D, CEIL_2D and ATT conventions (integer lengths), used only to
 *   check the engine against published optimal tour lengths.
 */
export type DistanceMetric = 'euclidean' | 'nint' | 'ceil' | 'att';

/** Edge length for a coordinate difference under a metric (TSPLIB's formulas for the integer ones). */
export function metricLength(dx: number, dy: number, metric: DistanceMetric): number {
  switch (metric) {
    case 'euclidean':
      return Math.sqrt(dx * dx + dy * dy);
    case 'nint':
      return Math.floor(Math.sqrt(dx * dx + dy * dy) + 0.5);
    case 'ceil':
      return Math.ceil(Math.sqrt(dx * dx + dy * dy));
    case 'att': {
      const r = Math.sqrt((dx * dx + dy * dy) / 10);
      const t = Math.floor(r + 0.5);
      return t < r ? t + 1 : t;
    }
  }
}

/** Distance between cities i and j of an instance. */
export function cityDistance(instance: MtspInstance, i: number, j: number, metric: DistanceMetric): number {
  return metricLength(instance.x[i] - instance.x[j], instance.y[i] - instance.y[j], metric);
}

/**
 * Dense k×k matrix of the distances among `cities` (row-major, local indices). The engines work on
 * such local matrices: building one costs k² square roots, far less than the search it serves.
 */
export function localDistanceMatrix(
  instance: MtspInstance,
  cities: ArrayLike<number>,
  metric: DistanceMetric,
): Float64Array {
  const k = cities.length;
  const dist = new Float64Array(k * k);
  const { x, y } = instance;
  for (let a = 0; a < k; a++) {
    const ia = cities[a];
    const xa = x[ia];
    const ya = y[ia];
    for (let b = a + 1; b < k; b++) {
      const ib = cities[b];
      const d = metricLength(xa - x[ib], ya - y[ib], metric);
      dist[a * k + b] = d;
      dist[b * k + a] = d;
    }
  }
  return dist;
}

/** Length of the closed tour through `tour` (global city indices) and back to its first city. */
export function closedTourLength(
  instance: MtspInstance,
  tour: ArrayLike<number>,
  metric: DistanceMetric,
): number {
  const k = tour.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += cityDistance(instance, tour[i], tour[(i + 1) % k], metric);
  return total;
}

/** Length of a closed tour given in local indices of a k×k matrix. */
export function localTourLength(tour: ArrayLike<number>, dist: Float64Array, k: number): number {
  const len = tour.length;
  let total = 0;
  for (let i = 0; i < len; i++) total += dist[tour[i] * k + tour[(i + 1) % len]];
  return total;
}

/** Instances up to this many cities get a dense n×n table (8·n² bytes: 32 MiB at 2 048). */
const DENSE_TABLE_MAX_CITIES = 2048;

/**
 * A distance lookup for repeated queries between arbitrary cities (the multi-agent searches): a dense
 * table when it fits, otherwise computed from the coordinates on each call.
 */
export function distanceLookup(
  instance: MtspInstance,
  metric: DistanceMetric,
): (i: number, j: number) => number {
  const n = instance.x.length;
  if (n > DENSE_TABLE_MAX_CITIES) return (i, j) => cityDistance(instance, i, j, metric);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const table = localDistanceMatrix(instance, all, metric);
  return (i, j) => table[i * n + j];
}
