import { distanceLookup, type DistanceMetric } from '../tsp/distance';
import { DEPOT, type MtspInstance } from '../instances/instance';

const BISECTION_STEPS = 30;
/** Stop bisecting once the budget is known to 0.1 %: finer balance is lost in the TSP solve anyway. */
const BISECTION_TOLERANCE = 1e-3;

/** Cities other than the depot, sorted by angle around it, rotated to start after the widest angular gap. */
function angularOrder(instance: MtspInstance): Int32Array {
  const { x, y } = instance;
  const n = x.length;
  const angle = new Float64Array(n);
  const order = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
  for (let c = 1; c < n; c++) angle[c] = Math.atan2(y[c] - y[DEPOT], x[c] - x[DEPOT]);
  order.sort((a, b) => angle[a] - angle[b] || a - b);
  let widest = 0;
  let startAt = 0;
  for (let i = 0; i < order.length; i++) {
    const next = i + 1 < order.length ? angle[order[i + 1]] : angle[order[0]] + 2 * Math.PI;
    if (next - angle[order[i]] > widest) {
      widest = next - angle[order[i]];
      startAt = (i + 1) % order.length;
    }
  }
  return Int32Array.from({ length: order.length }, (_, i) => order[(i + startAt) % order.length]);
}

interface Split {
  /** Group of each position of the angular order. */
  group: Int32Array;
  /** Largest estimated tour length among the groups. */
  longest: number;
}

/**
 * Split the angular sequence (starting at `offset`) greedily into consecutive groups whose tour-length
 * estimate stays within `budget`; the estimate grows each group's tour by cheapest insertion (an upper
 * bound on what the engine will find). Returns null when more than `agents` groups would be needed.
 */
function greedySplit(
  d: (a: number, b: number) => number,
  order: Int32Array,
  offset: number,
  agents: number,
  budget: number,
): Split | null {
  const m = order.length;
  const group = new Int32Array(m);
  const tour: number[] = [DEPOT];
  let length = 0;
  let longest = 0;
  let current = 0;
  for (let s = 0; s < m; s++) {
    const c = order[(offset + s) % m];
    let bestCost = Infinity;
    let bestAfter = 0;
    for (let i = 0; i < tour.length; i++) {
      const a = tour[i];
      const b = tour[i + 1 === tour.length ? 0 : i + 1];
      const cost = d(a, c) + d(c, b) - d(a, b);
      if (cost < bestCost) {
        bestCost = cost;
        bestAfter = i;
      }
    }
    if (tour.length > 1 && length + bestCost > budget) {
      current++;
      if (current >= agents) return null;
      tour.length = 1;
      length = 0;
      bestAfter = 0;
      bestCost = 2 * d(DEPOT, c);
    }
    tour.splice(bestAfter + 1, 0, c);
    length += bestCost;
    longest = Math.max(longest, length);
    group[(offset + s) % m] = current;
  }
  return { group, longest };
}

/**
 * Angular sweep around the depot, balanced by tour length: bisection on the largest allowed estimated
 * tour, each budget split greedily into at most `agents` consecutive sectors. Returns one allocation
 * (city → agent) per starting rotation tried (`rotations` evenly spaced cuts, the first right after the
 * widest angular gap), so that the caller can keep the one whose solved tours are best.
 */
export function sweepAssignments(
  instance: MtspInstance,
  agents: number,
  rotations = 8,
  metric: DistanceMetric = 'euclidean',
): Int32Array[] {
  const n = instance.x.length;
  if (n <= 1) return [new Int32Array(n)];
  const d = distanceLookup(instance, metric);
  const order = angularOrder(instance);
  const m = order.length;
  // No split can have a budget below the farthest round trip from the depot.
  let farthest = 0;
  for (let c = 1; c < n; c++) farthest = Math.max(farthest, 2 * d(DEPOT, c));
  const count = Math.max(1, Math.min(rotations, m));
  const results: Int32Array[] = [];
  for (let r = 0; r < count; r++) {
    const offset = Math.floor((r * m) / count);
    let best = greedySplit(d, order, offset, agents, farthest);
    if (best === null) {
      // One group with no limit always fits, and so does any split whose budget is that group's length.
      best = greedySplit(d, order, offset, 1, Infinity)!;
      let lo = farthest;
      let hi = best.longest;
      for (let step = 0; step < BISECTION_STEPS && hi - lo > BISECTION_TOLERANCE * hi; step++) {
        const mid = (lo + hi) / 2;
        const split = greedySplit(d, order, offset, agents, mid);
        if (split === null) lo = mid;
        else {
          hi = mid;
          best = split;
        }
      }
    }
    const assignment = new Int32Array(n);
    for (let s = 0; s < m; s++) assignment[order[s]] = best.group[s];
    results.push(assignment);
  }
  return results;
}
