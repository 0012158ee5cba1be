import { cityNeighbourLists } from '../tsp/city-neighbours';
import { DEPOT, type MtspInstance } from '../instances/instance';

/** Nearest cities whose embeddings a city averages in the graph layer. */
export const GRAPH_NEIGHBOURS = 6;
/** Nearest cities whose mean distance measures the local spacing (the zig-zag a tour pays per city). */
const SPACING_NEIGHBOURS = 4;

/** Scale-free inputs of the graph layer, per city (see `cityFeatures`). */
export const NODE_FEATURES = 5;
/** Workload features, per city, all lengths (see `cityFeatures`). */
export const WORKLOAD_FEATURES = 4;

/**
 * Everything the allocation network and the surrogate read about one instance, for a given number of
 * agents M. Cities are the n = N − 1 non-depot cities, in local index i = city − 1. All lengths are divided
 * by `scale` (the mean depot distance), so the features mean the same at any N and any coordinate range.
 */
export interface CityFeatures {
  n: number;
  agents: number;
  /** Mean distance from the depot to a city (1 when every city sits on the depot). */
  scale: number;
  /** n × NODE_FEATURES: d/s, spacing·√n/s, cos φ, sin φ, angular rank: all distributed alike at any N and M. */
  node: Float32Array;
  /** n × WORKLOAD_FEATURES, in units of s: 2R·M/n (radial share), spacing, d·M/n, M/n (count share). */
  workload: Float32Array;
  /**
   * n × n sweep matrix A: (A w)_i = Σ_{j before i} w_j + w_i / 2 in the angular order around the depot, which
   * starts right after the widest empty angle. (A w)_i / Σ w is city i's position along the sweep, in [0, 1].
   */
  sweep: Float32Array;
  /** n × n neighbour-mean matrix: row i holds 1/k at each of city i's k nearest cities. */
  neighbours: Float32Array;
  /** Depot distance / s and spacing / s per city, for the surrogate ŝ. */
  depotDistance: Float64Array;
  spacing: Float64Array;
  /** Angular order (local indices), starting after the widest gap. */
  order: Int32Array;
}

/** Local city indices sorted by angle around the depot, rotated to begin right after the widest empty angle. */
export function angularOrder(instance: MtspInstance): Int32Array {
  const { x, y } = instance;
  const n = x.length - 1;
  const angle = new Float64Array(n);
  for (let i = 0; i < n; i++) angle[i] = Math.atan2(y[i + 1] - y[DEPOT], x[i + 1] - x[DEPOT]);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => angle[a] - angle[b] || a - b);
  let widest = -1;
  let start = 0;
  for (let p = 0; p < n; p++) {
    const next = p + 1 < n ? angle[order[p + 1]] : angle[order[0]] + 2 * Math.PI;
    if (next - angle[order[p]] > widest) {
      widest = next - angle[order[p]];
      start = (p + 1) % n;
    }
  }
  return Int32Array.from({ length: n }, (_, p) => order[(p + start) % n]);
}

/** Largest depot distance within ±h places of each city along the (circular) angular order. */
function windowMaxRadius(distance: Float64Array, order: Int32Array, h: number): Float64Array {
  const n = order.length;
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let best = 0;
    for (let k = -h; k <= h; k++) best = Math.max(best, distance[order[(((p + k) % n) + n) % n]]);
    out[order[p]] = best;
  }
  return out;
}

/** Builds the features of one instance for M agents. Instances need at least the depot and one city. */
export function cityFeatures(instance: MtspInstance, agents: number): CityFeatures {
  const { x, y } = instance;
  const n = x.length - 1;
  if (n < 1) throw new RangeError(`instance "${instance.name}" has no city besides the depot`);
  const distance = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    distance[i] = Math.hypot(x[i + 1] - x[DEPOT], y[i + 1] - y[DEPOT]);
    total += distance[i];
  }
  const scale = total / n > 1e-12 ? total / n : 1;
  for (let i = 0; i < n; i++) distance[i] /= scale;

  const spacing = new Float64Array(n);
  const near = cityNeighbourLists(instance, Math.max(SPACING_NEIGHBOURS, GRAPH_NEIGHBOURS), 'euclidean');
  const neighbours = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    const c = i + 1;
    const row = near.list.subarray(c * near.count, (c + 1) * near.count);
    const k = Math.min(SPACING_NEIGHBOURS, row.length);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.hypot(x[c] - x[row[j]], y[c] - y[row[j]]);
    spacing[i] = k > 0 ? sum / k / scale : 0;
    const g = Math.min(GRAPH_NEIGHBOURS, row.length);
    if (g === 0) neighbours[i * n + i] = 1;
    for (let j = 0; j < g; j++) neighbours[i * n + row[j] - 1] = 1 / g;
  }

  const order = angularOrder(instance);
  const halfWindow = Math.max(1, Math.floor(n / (2 * agents)));
  const radius = windowMaxRadius(distance, order, halfWindow);
  const rank = new Float64Array(n);
  const sweep = new Float32Array(n * n);
  for (let p = 0; p < n; p++) {
    const i = order[p];
    rank[i] = (p + 0.5) / n;
    sweep[i * n + i] = 0.5;
    for (let q = 0; q < p; q++) sweep[i * n + order[q]] = 1;
  }

  const node = new Float32Array(n * NODE_FEATURES);
  const workload = new Float32Array(n * WORKLOAD_FEATURES);
  const share = agents / n;
  for (let i = 0; i < n; i++) {
    const angle = Math.atan2(y[i + 1] - y[DEPOT], x[i + 1] - x[DEPOT]);
    node.set(
      [distance[i], spacing[i] * Math.sqrt(n), Math.cos(angle), Math.sin(angle), rank[i]],
      i * NODE_FEATURES,
    );
    workload.set([2 * radius[i] * share, spacing[i], distance[i] * share, share], i * WORKLOAD_FEATURES);
  }
  return {
    n,
    agents,
    scale,
    node,
    workload,
    sweep,
    neighbours,
    depotDistance: distance,
    spacing,
    order,
  };
}
