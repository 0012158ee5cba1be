/** Distance estimates between grid cells, as functions of |dx| and |dy| (in cells). */
export type HeuristicKind = 'octile' | 'chebyshev-euclid' | 'euclidean' | 'manhattan' | 'zero';

const SQRT2_MINUS_1 = Math.SQRT2 - 1;

/** Octile distance: the exact shortest path on an empty 8-connected grid (straight 1, diagonal √2). */
export function octile(dx: number, dy: number): number {
  return dx < dy ? SQRT2_MINUS_1 * dx + dy : SQRT2_MINUS_1 * dy + dx;
}

/** Neural A*'s heuristic: Chebyshev distance plus 0.001 × Euclidean (a tie-breaker toward the straight line). */
export function chebyshevEuclid(dx: number, dy: number): number {
  return Math.max(dx, dy) + 0.001 * Math.sqrt(dx * dx + dy * dy);
}

export function euclidean(dx: number, dy: number): number {
  return Math.sqrt(dx * dx + dy * dy);
}

export function manhattan(dx: number, dy: number): number {
  return dx + dy;
}

export function zeroHeuristic(): number {
  return 0;
}

export function heuristicFunction(kind: HeuristicKind): (dx: number, dy: number) => number {
  switch (kind) {
    case 'octile':
      return octile;
    case 'chebyshev-euclid':
      return chebyshevEuclid;
    case 'euclidean':
      return euclidean;
    case 'manhattan':
      return manhattan;
    case 'zero':
      return zeroHeuristic;
  }
}
