/** Extreme eigenvalues of a small SPD matrix: power iteration (largest), inverse iteration (smallest). */
import { choleskyInPlace, choleskySolveInPlace, dot, symMatVec } from '../mpc/dense';

function normalise(v: Float64Array): number {
  const s = Math.sqrt(dot(v, v));
  for (let i = 0; i < v.length; i++) v[i] /= s;
  return s;
}

/** Deterministic start vector (not an eigenvector of the structured MPC matrices in practice). */
function startVector(n: number): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = 1 + 0.37 * Math.sin(1.7 * i + 0.3);
  normalise(v);
  return v;
}

export function extremeEigenvalues(
  M: Float64Array,
  n: number,
  iterations = 200,
): { min: number; max: number } {
  let v = startVector(n);
  let max = 0;
  for (let it = 0; it < iterations; it++) {
    const w = symMatVec(M, n, v);
    max = dot(v, w);
    normalise(w);
    v = w;
  }
  const chol = Float64Array.from(M);
  if (!choleskyInPlace(chol, n)) throw new Error('extremeEigenvalues: matrix is not positive definite');
  v = startVector(n);
  let min = 0;
  for (let it = 0; it < iterations; it++) {
    const w = choleskySolveInPlace(chol, n, Float64Array.from(v));
    min = 1 / dot(v, w);
    normalise(w);
    v = w;
  }
  return { min, max };
}
