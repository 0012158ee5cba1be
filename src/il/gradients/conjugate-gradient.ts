import { axpy, dot, type Vector } from '../linalg';

export interface CgResult {
  x: Vector;
  iterations: number;
  /** ‖b − A x‖ / ‖b‖ at the end. */
  relativeResidual: number;
}

/**
 * Conjugate gradient for A x = b with A symmetric positive definite, given only x ↦ A x
 * (a Hessian–vector product). Runs exactly `maxIterations` steps unless the residual reaches `tolerance`
 * first, so the explorer can show how the implicit hypergradient improves with n.
 */
export function conjugateGradient(
  applyA: (v: Vector) => Vector,
  b: Vector,
  maxIterations: number,
  tolerance = 0,
  x0?: Vector,
): CgResult {
  const n = b.length;
  const x = x0 ? Float64Array.from(x0) : new Float64Array(n);
  const r = Float64Array.from(b);
  if (x0) axpy(-1, applyA(x), r);
  const p = Float64Array.from(r);
  const bNorm = Math.sqrt(dot(b, b)) || 1;
  let rr = dot(r, r);
  let k = 0;
  while (k < maxIterations && Math.sqrt(rr) / bNorm > tolerance) {
    const ap = applyA(p);
    const pap = dot(p, ap);
    if (!(pap > 0)) break; // A not positive definite along p: stop rather than diverge
    const alpha = rr / pap;
    axpy(alpha, p, x);
    axpy(-alpha, ap, r);
    const rrNext = dot(r, r);
    const beta = rrNext / rr;
    for (let i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
    rr = rrNext;
    k++;
  }
  return { x, iterations: k, relativeResidual: Math.sqrt(rr) / bNorm };
}
