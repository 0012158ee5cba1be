/**
 * Path smoothing for the classical baseline: greedy shortcutting against an exact "is this segment free"
 * test, then a natural cubic spline through the remaining vertices (chord-length knots), kept only if it
 * is still free.
 */

export type SegmentFree = (ax: number, ay: number, bx: number, by: number) => boolean;

/**
 * Greedy shortcutting ("string pulling"): from each kept vertex, walk forward while the straight segment
 * to the next vertex is still free, and keep the last vertex reached (the next vertex is always taken if
 * nothing farther is free). Linear in the number of segment tests.
 */
export function shortcutPath(path: ArrayLike<number>, isFree: SegmentFree): Float64Array {
  const m = path.length / 2;
  if (m <= 2) return Float64Array.from(path);
  const keep: number[] = [0];
  let i = 0;
  while (i < m - 1) {
    let j = i + 1;
    while (j + 1 < m && isFree(path[2 * i], path[2 * i + 1], path[2 * j + 2], path[2 * j + 3])) j++;
    keep.push(j);
    i = j;
  }
  const out = new Float64Array(2 * keep.length);
  keep.forEach((v, r) => {
    out[2 * r] = path[2 * v];
    out[2 * r + 1] = path[2 * v + 1];
  });
  return out;
}

/** Second derivatives of the natural cubic spline through (t_i, y_i) (Thomas algorithm). */
function naturalSecondDerivatives(t: Float64Array, y: Float64Array): Float64Array {
  const m = t.length;
  const M = new Float64Array(m);
  if (m < 3) return M;
  const c = new Float64Array(m);
  const d = new Float64Array(m);
  // Rows i = 1..m−2: h_{i−1} M_{i−1} + 2(h_{i−1} + h_i) M_i + h_i M_{i+1} = 6(Δ_i − Δ_{i−1}).
  for (let i = 1; i < m - 1; i++) {
    const h0 = t[i] - t[i - 1];
    const h1 = t[i + 1] - t[i];
    const rhs = 6 * ((y[i + 1] - y[i]) / h1 - (y[i] - y[i - 1]) / h0);
    const diag = 2 * (h0 + h1) - (i > 1 ? h0 * c[i - 1] : 0);
    c[i] = h1 / diag;
    d[i] = (rhs - (i > 1 ? h0 * d[i - 1] : 0)) / diag;
  }
  for (let i = m - 2; i >= 1; i--) M[i] = d[i] - c[i] * M[i + 1];
  return M;
}

/** A polyline with extra vertices so that no edge is longer than maxEdge. */
export function densify(path: ArrayLike<number>, maxEdge: number): Float64Array {
  const out: number[] = [path[0], path[1]];
  for (let i = 2; i + 1 < path.length; i += 2) {
    const ax = path[i - 2];
    const ay = path[i - 1];
    const steps = Math.max(1, Math.ceil(Math.hypot(path[i] - ax, path[i + 1] - ay) / maxEdge));
    for (let s = 1; s <= steps; s++)
      out.push(ax + ((path[i] - ax) * s) / steps, ay + ((path[i + 1] - ay) * s) / steps);
  }
  return Float64Array.from(out);
}

/**
 * The natural cubic spline through the vertices of a polyline, parameterised by chord length and sampled
 * every `spacing` metres of parameter (the vertices themselves are always samples).
 */
export function splineThrough(path: ArrayLike<number>, spacing: number): Float64Array {
  const m = path.length / 2;
  if (m <= 2) return Float64Array.from(path);
  const t = new Float64Array(m);
  const xs = new Float64Array(m);
  const ys = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    xs[i] = path[2 * i];
    ys[i] = path[2 * i + 1];
    if (i > 0) t[i] = t[i - 1] + Math.max(1e-9, Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]));
  }
  const Mx = naturalSecondDerivatives(t, xs);
  const My = naturalSecondDerivatives(t, ys);
  const out: number[] = [xs[0], ys[0]];
  for (let i = 0; i + 1 < m; i++) {
    const h = t[i + 1] - t[i];
    const steps = Math.max(1, Math.ceil(h / spacing));
    for (let s = 1; s <= steps; s++) {
      const u = s / steps;
      const a = (((1 - u) ** 3 - (1 - u)) * (h * h)) / 6;
      const b = ((u ** 3 - u) * (h * h)) / 6;
      out.push(
        (1 - u) * xs[i] + u * xs[i + 1] + a * Mx[i] + b * Mx[i + 1],
        (1 - u) * ys[i] + u * ys[i + 1] + a * My[i] + b * My[i + 1],
      );
    }
  }
  return Float64Array.from(out);
}
