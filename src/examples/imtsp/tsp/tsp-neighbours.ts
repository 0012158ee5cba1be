/**
 * Candidate lists: for each of k cities, its `count` nearest others, nearest first, stored flat
 * (row a is `list[a*count .. a*count+count-1]`). 2-opt and Or-opt only try edges to these candidates,
 * which is what makes a 500-city local search take milliseconds instead of seconds.
 */
export interface NeighbourLists {
  readonly count: number;
  readonly list: Int32Array;
}

/**
 * The `count` nearest candidates of each of n items, nearest first, where `distance(a, b)` is only asked for the
 * candidates `allowed(a, b)` admits: one top-k insertion per row, no n×n sort.
 */
export function topNearest(
  n: number,
  count: number,
  distance: (a: number, b: number) => number,
  allowed: (a: number, b: number) => boolean,
): NeighbourLists {
  const list = new Int32Array(n * count);
  const best = new Float64Array(count);
  for (let a = 0; a < n; a++) {
    const out = a * count;
    let filled = 0;
    for (let b = 0; b < n; b++) {
      if (!allowed(a, b)) continue;
      const d = distance(a, b);
      if (filled === count && d >= best[count - 1]) continue;
      // Insertion into the sorted top-`count` list (short, so a linear shift is cheapest).
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

/** Candidate lists from a k×k distance matrix (the cities of one tour). */
export function nearestNeighbourLists(dist: Float64Array, k: number, wanted: number): NeighbourLists {
  const count = Math.max(0, Math.min(wanted, k - 1));
  return topNearest(
    k,
    count,
    (a, b) => dist[a * k + b],
    (a, b) => a !== b,
  );
}
