import { createRng } from '../../../il/rng';
import { localDistanceMatrix, type DistanceMetric } from './distance';
import { DEPOT, type MtspInstance } from '../instances/instance';
import { cheapestInsertionTour, nearestNeighbourTour } from './tsp-construct';
import { HELD_KARP_MAX_CITIES, heldKarp } from './tsp-held-karp';
import { TourImprover } from './tsp-improve';
import { nearestNeighbourLists } from './tsp-neighbours';

export type Construction = 'nearest-neighbour' | 'cheapest-insertion';

/** Iterated local search ("quality" setting): Or-3opt kicks, each followed by 2-opt/Or-opt repair. */
export interface QualityOptions {
  /** Number of kicks; default 30·k. */
  kicks?: number;
  /** Stop kicking after this many milliseconds (makes the result depend on the machine); default none. */
  timeLimitMs?: number;
  seed?: number;
}

export interface TspOptions {
  /** Default `euclidean` (unrounded), the iMTSP convention. */
  metric?: DistanceMetric;
  /** Default `nearest-neighbour`. */
  construction?: Construction;
  /** Solve exactly with Held–Karp when the tour has at most this many cities, depot included; default 10, at most 16. */
  exactUpTo?: number;
  /** Candidate-list size for 2-opt / Or-opt; default 10. */
  neighbours?: number;
  /** Run iterated local search after the descent; off by default (the fast setting). */
  quality?: QualityOptions | boolean;
  /**
   * Start from the given order (the depot, then `cityIndices` as listed) instead of constructing a tour:
   * a warm start when re-optimising a tour that only changed a little.
   */
  warmStart?: boolean;
}

export interface LocalTour {
  /** Permutation of 0..k-1 starting at 0 (the depot). */
  tour: Int32Array;
  length: number;
}

export interface SolvedTour {
  /** Global city indices, starting at the depot; the closing edge back to it is implied. */
  tour: Int32Array;
  length: number;
}

/**
 * Held–Karp by default up to 10 cities (depot included): there it costs about what 2-opt/Or-opt does
 * (≈ 0.05 ms). At 11–12 cities it is 10–18× slower than the heuristic for a 0.1–0.2 % mean gain, which
 * matters in training, where this runs for every agent of every sampled allocation.
 */
export const DEFAULT_EXACT_UP_TO = 10;
const DEFAULT_NEIGHBOURS = 10;
const MAX_KICK_SEGMENT = 30;

/** Rotate a closed tour so that it starts at local city 0. */
function rotateToDepot(tour: Int32Array): Int32Array {
  const at = tour.indexOf(0);
  if (at <= 0) return tour;
  const out = new Int32Array(tour.length);
  out.set(tour.subarray(at));
  out.set(tour.subarray(0, at), tour.length - at);
  return out;
}

function iteratedLocalSearch(improver: TourImprover, k: number, quality: QualityOptions): void {
  const rng = createRng(quality.seed ?? 0);
  const kicks = quality.kicks ?? 30 * k;
  const deadline = quality.timeLimitMs === undefined ? Infinity : performance.now() + quality.timeLimitMs;
  const maxSeg = Math.min(MAX_KICK_SEGMENT, Math.floor((k - 1) / 2));
  if (maxSeg < 1 || k < 8) return;
  let bestLength = improver.length();
  const best = Int32Array.from(improver.tour);
  for (let kick = 0; kick < kicks; kick++) {
    if ((kick & 15) === 0 && performance.now() > deadline) break;
    improver.swapSegments(rng.int(0, k - 1), rng.int(1, maxSeg), rng.int(1, maxSeg));
    improver.run();
    const length = improver.length();
    if (length <= bestLength) {
      // Equal lengths are accepted too: a sideways step that helps leave plateaus.
      bestLength = length;
      best.set(improver.tour);
    } else {
      improver.setTour(best);
    }
  }
  improver.setTour(best);
}

/**
 * Solve a TSP on a local k×k distance matrix (local city 0 is the depot): Held–Karp when k is small,
 * else construction (or the identity order, with `warmStart`) + 2-opt/Or-opt, optionally followed by
 * iterated local search.
 */
export function solveLocalTsp(dist: Float64Array, k: number, options: TspOptions = {}): LocalTour {
  const exactUpTo = Math.min(options.exactUpTo ?? DEFAULT_EXACT_UP_TO, HELD_KARP_MAX_CITIES);
  if (k <= 3 || k <= exactUpTo) return heldKarp(dist, k);
  const start = options.warmStart
    ? Int32Array.from({ length: k }, (_, i) => i)
    : options.construction === 'cheapest-insertion'
      ? cheapestInsertionTour(dist, k)
      : nearestNeighbourTour(dist, k);
  const neighbours = nearestNeighbourLists(dist, k, options.neighbours ?? DEFAULT_NEIGHBOURS);
  const improver = new TourImprover(dist, k, neighbours, start);
  improver.activateAll();
  improver.run();
  if (options.quality) iteratedLocalSearch(improver, k, options.quality === true ? {} : options.quality);
  return { tour: rotateToDepot(Int32Array.from(improver.tour)), length: improver.length() };
}

/** The depot first, then the other requested cities once each (validated against the instance). */
export function tourCities(instance: MtspInstance, cityIndices: ArrayLike<number>): Int32Array {
  const n = instance.x.length;
  const seen = new Uint8Array(n);
  const cities = new Int32Array(cityIndices.length + 1);
  cities[0] = DEPOT;
  seen[DEPOT] = 1;
  let k = 1;
  for (let i = 0; i < cityIndices.length; i++) {
    const c = cityIndices[i];
    if (!Number.isInteger(c) || c < 0 || c >= n) {
      throw new RangeError(`city index ${c} is outside 0..${n - 1} for instance "${instance.name}"`);
    }
    if (c === DEPOT) continue;
    if (seen[c] === 1) throw new RangeError(`city ${c} is listed twice`);
    seen[c] = 1;
    cities[k++] = c;
  }
  return cities.subarray(0, k);
}

/**
 * The single-agent engine g: the shortest closed tour found through the depot and `cityIndices`
 * (the depot is added if missing). Returns global indices starting at the depot.
 */
export function solveTour(
  instance: MtspInstance,
  cityIndices: ArrayLike<number>,
  options: TspOptions = {},
): SolvedTour {
  const cities = tourCities(instance, cityIndices);
  const k = cities.length;
  const dist = localDistanceMatrix(instance, cities, options.metric ?? 'euclidean');
  const local = solveLocalTsp(dist, k, options);
  const tour = new Int32Array(k);
  for (let i = 0; i < k; i++) tour[i] = cities[local.tour[i]];
  return { tour, length: local.length };
}
