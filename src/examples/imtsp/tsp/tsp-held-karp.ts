/** Largest tour (depot included) the exact solver accepts: 2^(k-1)·(k-1) table entries. */
export const HELD_KARP_MAX_CITIES = 16;

/**
 * Held–Karp dynamic programme: the optimal closed tour through all k cities of a local matrix,
 * starting at local city 0. O(2^k · k²) time, so only for very small tours.
 */
export function heldKarp(dist: Float64Array, k: number): { tour: Int32Array; length: number } {
  if (k > HELD_KARP_MAX_CITIES)
    throw new RangeError(`Held–Karp is limited to ${HELD_KARP_MAX_CITIES} cities, got ${k}`);
  if (k <= 3) {
    const tour = Int32Array.from({ length: k }, (_, i) => i);
    let length = 0;
    for (let i = 0; i < k; i++) length += dist[tour[i] * k + tour[(i + 1) % k]];
    return { tour, length };
  }
  // Cities 1..k-1 are bits 0..m-1; cost[mask*m + j] = shortest path from 0 through mask ending at j.
  const m = k - 1;
  const full = (1 << m) - 1;
  const cost = new Float64Array((full + 1) * m).fill(Infinity);
  const parent = new Int8Array((full + 1) * m).fill(-1);
  for (let j = 0; j < m; j++) cost[(1 << j) * m + j] = dist[j + 1];
  for (let mask = 1; mask <= full; mask++) {
    const base = mask * m;
    for (let j = 0; j < m; j++) {
      if ((mask & (1 << j)) === 0) continue;
      const here = cost[base + j];
      if (here === Infinity) continue;
      const row = (j + 1) * k + 1;
      for (let t = 0; t < m; t++) {
        if ((mask & (1 << t)) !== 0) continue;
        const idx = (mask | (1 << t)) * m + t;
        const c = here + dist[row + t];
        if (c < cost[idx]) {
          cost[idx] = c;
          parent[idx] = j;
        }
      }
    }
  }
  let length = Infinity;
  let last = 0;
  for (let j = 0; j < m; j++) {
    const c = cost[full * m + j] + dist[(j + 1) * k];
    if (c < length) {
      length = c;
      last = j;
    }
  }
  const tour = new Int32Array(k);
  let mask = full;
  for (let pos = k - 1; pos >= 1; pos--) {
    tour[pos] = last + 1;
    const prev = parent[mask * m + last];
    mask &= ~(1 << last);
    last = prev;
  }
  return { tour, length };
}
