import { cityDistance, type DistanceMetric } from './distance';
import { DEPOT, type MtspInstance } from './instance';
import type { NeighbourLists } from './tsp-neighbours';

/**
 * For every city, its `wanted` nearest other cities excluding the depot (which never moves between
 * agents), computed row by row without an n×n matrix. Row of the depot is filled like the others.
 */
export function cityNeighbourLists(
  instance: MtspInstance,
  wanted: number,
  metric: DistanceMetric,
): NeighbourLists {
  const n = instance.x.length;
  const count = Math.max(0, Math.min(wanted, n - 2));
  const list = new Int32Array(n * count);
  const best = new Float64Array(count);
  for (let a = 0; a < n; a++) {
    const out = a * count;
    let filled = 0;
    for (let b = 0; b < n; b++) {
      if (b === a || b === DEPOT) continue;
      const d = cityDistance(instance, a, b, metric);
      if (filled === count && d >= best[count - 1]) continue;
      let p = filled < count ? filled++ : count - 1;
      while (p > 0 && best[p - 1] > d) {
        best[p] = best[p - 1];
        list[out + p] = list[out + p - 1];
        p--;
      }
      best[p] = d;
      list[out + p] = b;
    }
  }
  return { count, list };
}
