/**
 * Exact Euclidean distance transform (Felzenszwalb & Huttenlocher, "Distance Transforms of Sampled
 * Functions", Theory of Computing 2012): the lower envelope of parabolas, one pass per axis, O(cells).
 */

/** Stand-in for +∞ that keeps the parabola intersections finite. */
export const EDT_INF = 1e20;

/**
 * 1D squared distance transform: out[q] = min_p ((q - p)² + f[p]) over the n samples read from
 * f[offset + p * stride], written to out[offset + q * stride]. Scratch arrays v (n) and z (n + 1).
 */
function edt1d(
  f: Float64Array,
  out: Float64Array,
  offset: number,
  stride: number,
  n: number,
  v: Int32Array,
  z: Float64Array,
  fv: Float64Array,
): void {
  for (let q = 0; q < n; q++) fv[q] = f[offset + q * stride];
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = (fv[q] + q * q - (fv[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    while (s <= z[k]) {
      k--;
      s = (fv[q] + q * q - (fv[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1] < q) k++;
    const d = q - v[k];
    out[offset + q * stride] = d * d + fv[v[k]];
  }
}

/**
 * 2D squared Euclidean distance transform, in cells², of an nx × ny row-major grid: f is 0 at the seed
 * cells and EDT_INF elsewhere (or any sampled function). Returns a new array.
 */
export function squaredDistanceTransform(f: Float64Array, nx: number, ny: number): Float64Array {
  const n = Math.max(nx, ny);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  const fv = new Float64Array(n);
  const tmp = new Float64Array(nx * ny);
  const out = new Float64Array(nx * ny);
  for (let ix = 0; ix < nx; ix++) edt1d(f, tmp, ix, nx, ny, v, z, fv);
  for (let iy = 0; iy < ny; iy++) edt1d(tmp, out, iy * nx, 1, nx, v, z, fv);
  return out;
}

/**
 * Euclidean distance (in cells) from every cell to the nearest cell where seed[i] is non-zero;
 * seed cells get 0. With no seed at all every cell gets +∞.
 */
export function distanceToSeeds(seed: Uint8Array, nx: number, ny: number): Float64Array {
  const f = new Float64Array(nx * ny);
  let any = false;
  for (let i = 0; i < f.length; i++) {
    if (seed[i]) {
      f[i] = 0;
      any = true;
    } else f[i] = EDT_INF;
  }
  const d2 = squaredDistanceTransform(f, nx, ny);
  for (let i = 0; i < d2.length; i++) d2[i] = any ? Math.sqrt(d2[i]) : Infinity;
  return d2;
}
