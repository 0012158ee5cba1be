/** Small dense linear algebra on row-major Float64Arrays (the MPC's matrices are at most ~100 × 100). */

/** In-place Cholesky factorisation of the n × n SPD matrix `a` (lower triangle holds L). False if not SPD. */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L Lᵀ x = b in place (b becomes x), L from `choleskyInPlace`. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * b[k];
    b[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
  return b;
}

/** Solves H[F,F] x_F = b_F for the index set F of the n × n SPD matrix H; x is zero outside F. */
export function solveOnSubset(
  H: Float64Array,
  n: number,
  free: ArrayLike<number>,
  b: ArrayLike<number>,
): Float64Array {
  const nf = free.length;
  const sub = new Float64Array(nf * nf);
  const rhs = new Float64Array(nf);
  for (let i = 0; i < nf; i++) {
    rhs[i] = b[free[i]];
    for (let j = 0; j < nf; j++) sub[i * nf + j] = H[free[i] * n + free[j]];
  }
  if (!choleskyInPlace(sub, nf)) throw new Error('solveOnSubset: matrix is not positive definite');
  choleskySolveInPlace(sub, nf, rhs);
  const x = new Float64Array(n);
  for (let i = 0; i < nf; i++) x[free[i]] = rhs[i];
  return x;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** y = H x for the n × n matrix H. */
export function symMatVec(
  H: Float64Array,
  n: number,
  x: ArrayLike<number>,
  out: Float64Array = new Float64Array(n),
): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = 0;
    const o = i * n;
    for (let j = 0; j < n; j++) s += H[o + j] * x[j];
    out[i] = s;
  }
  return out;
}
