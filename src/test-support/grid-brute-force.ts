/**
 * A deliberately plain shortest-path reference for grid tests: O(n²) Dijkstra (scan every cell for the
 * smallest tentative distance), written separately from the engine so the two can check each other.
 * blocked[y·width + x] = 1 for walls. Returns the distance to every cell (Infinity when unreachable).
 */
export interface BruteForceOptions {
  /** Allow a diagonal step past a blocked orthogonal neighbour (default false, the Moving AI rule). */
  cornerCutting?: boolean;
  /** Added to the cost of every step into the cell. */
  cellCost?: ArrayLike<number>;
  /** Every step costs 1 (instead of 1 / √2). */
  unitCost?: boolean;
}

export function bruteForceDistances(
  width: number,
  height: number,
  blocked: ArrayLike<number>,
  source: { x: number; y: number },
  options: BruteForceOptions = {},
): Float64Array {
  const n = width * height;
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const done = new Uint8Array(n);
  const free = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < width && y < height && !blocked[y * width + x];
  if (!free(source.x, source.y)) return dist;
  dist[source.y * width + source.x] = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < n; i++)
      if (!done[i] && dist[i] < Number.POSITIVE_INFINITY && (best < 0 || dist[i] < dist[best])) best = i;
    if (best < 0) return dist;
    done[best] = 1;
    const x = best % width;
    const y = (best - x) / width;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (dx === 0 && dy === 0) continue;
        if (!free(x + dx, y + dy)) continue;
        const diagonal = dx !== 0 && dy !== 0;
        if (diagonal && !options.cornerCutting && (!free(x + dx, y) || !free(x, y + dy))) continue;
        const to = (y + dy) * width + x + dx;
        const step =
          (options.unitCost ? 1 : diagonal ? Math.SQRT2 : 1) + (options.cellCost ? options.cellCost[to] : 0);
        if (dist[best] + step < dist[to]) dist[to] = dist[best] + step;
      }
    }
  }
}
