import { DEPOT, type MtspInstance } from '../instances/instance';

/**
 * A first-order model of the engine's tour lengths around one allocation A (the network's most likely one):
 * moving city i to agent m changes tour m by ι_im: its cheapest insertion cost if i is not on tour m, minus its
 * removal gain if it is. So for a soft allocation Y (rows sum to one)
 *
 *   L̂_m(Y) = L_m(A) + Σ_i (Y_im − A_im) ι_im = base_m + Σ_i Y_im ι_im,
 *
 * exact at Y = A and linear in Y. All lengths are divided by `scale`.
 */
export interface TourLinearisation {
  /** base_m = L_m(A) − Σ_{i ∈ m} ι_im (M entries). */
  base: Float64Array;
  /** ι (n × M, local city index i = city − 1). */
  slope: Float64Array;
}

export function linearise(
  instance: MtspInstance,
  tours: readonly ArrayLike<number>[],
  lengths: ArrayLike<number>,
  scale: number,
): TourLinearisation {
  const { x, y } = instance;
  const n = x.length - 1;
  const m = tours.length;
  const d = (a: number, b: number) => Math.hypot(x[a] - x[b], y[a] - y[b]);
  const slope = new Float64Array(n * m);
  const base = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const tour = tours[k];
    const len = tour.length;
    const onTour = new Uint8Array(n + 1);
    base[k] = lengths[k] / scale;
    for (let p = 1; p < len; p++) {
      const c = tour[p];
      onTour[c] = 1;
      const prev = tour[p - 1];
      const next = tour[(p + 1) % len];
      const gain = (d(prev, c) + d(c, next) - d(prev, next)) / scale;
      slope[(c - 1) * m + k] = gain;
      base[k] -= gain;
    }
    for (let c = 1; c <= n; c++) {
      if (onTour[c] === 1) continue;
      let best = len <= 1 ? 2 * d(DEPOT, c) : Infinity;
      for (let p = 0; p < len && len > 1; p++) {
        const a = tour[p];
        const b = tour[(p + 1) % len];
        best = Math.min(best, d(a, c) + d(c, b) - d(a, b));
      }
      slope[(c - 1) * m + k] = best / scale;
    }
  }
  return { base, slope };
}
