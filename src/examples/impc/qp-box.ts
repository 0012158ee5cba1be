/**
 * Box-constrained convex QP:  min ½ uᵀ H u + qᵀ u  s.t.  lo ≤ u ≤ hi  (H symmetric positive definite).
 * Solved by a primal active-set method: keep a working set W of variables fixed at a bound; minimise
 * exactly over the others (a Cholesky solve); step towards that minimiser until a bound blocks (add it
 * to W); at the minimiser drop the bound with the most negative multiplier, or stop when all are ≥ 0.
 * Every iterate is feasible, the cost never rises, and the answer is exact to rounding (KKT residual
 * reported). A warm start (the previous solution, shifted) leaves only a few changes of the active set.
 */
import { dot, solveOnSubset, symMatVec } from './dense';

export interface BoxQp {
  n: number;
  H: Float64Array;
  q: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

export interface BoxQpSolution {
  u: Float64Array;
  /** −1 at the lower bound, +1 at the upper bound, 0 free. */
  active: Int8Array;
  /** KKT multipliers of the bounds (≥ 0 at the optimum; 0 for free variables). */
  multipliers: Float64Array;
  /** max_i |u_i − clip(u_i − ∇_i)|: zero exactly at a KKT point. */
  kktResidual: number;
  iterations: number;
  converged: boolean;
}

const clip = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

function gradient(qp: BoxQp, u: Float64Array, out: Float64Array): Float64Array {
  symMatVec(qp.H, qp.n, u, out);
  for (let i = 0; i < qp.n; i++) out[i] += qp.q[i];
  return out;
}

/** Multiplier of a variable held at a bound (negative: the cost would fall by releasing it). */
const multiplierOf = (side: number, g: number): number => (side < 0 ? g : -g);

export function solveBoxQp(qp: BoxQp, warmStart?: ArrayLike<number>, maxIterations = 0): BoxQpSolution {
  const { n, H, q, lo, hi } = qp;
  const limit = maxIterations > 0 ? maxIterations : 10 * n + 20;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = clip(warmStart ? warmStart[i] : 0, lo[i], hi[i]);
  const g = gradient(qp, u, new Float64Array(n));
  const scale = 1 + Math.max(dot(q, q), 1) ** 0.5;
  // Start from the bounds the warm start sits on and is pushed against.
  const side = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    if (u[i] <= lo[i] && g[i] > 0) side[i] = -1;
    else if (u[i] >= hi[i] && g[i] < 0) side[i] = 1;
  }
  let iterations = 0;
  let converged = false;
  let atSubspaceMinimum = false;
  const rhs = new Float64Array(n);
  for (; iterations < limit; iterations++) {
    if (atSubspaceMinimum) {
      gradient(qp, u, g);
      let worst = -1;
      let worstValue = -1e-12 * scale;
      for (let i = 0; i < n; i++) {
        if (side[i] === 0) continue;
        const lambda = multiplierOf(side[i], g[i]);
        if (lambda < worstValue) {
          worstValue = lambda;
          worst = i;
        }
      }
      if (worst < 0) {
        converged = true;
        break;
      }
      side[worst] = 0;
      atSubspaceMinimum = false;
      continue;
    }
    // Minimiser over the free variables with the working set held: H_FF u_F = −(q_F + H_FW u_W).
    const free: number[] = [];
    for (let i = 0; i < n; i++) if (side[i] === 0) free.push(i);
    for (const i of free) {
      let s = q[i];
      for (let j = 0; j < n; j++) if (side[j] !== 0) s += H[i * n + j] * u[j];
      rhs[i] = -s;
    }
    const target = free.length > 0 ? solveOnSubset(H, n, free, rhs) : new Float64Array(n);
    let alpha = 1;
    let blocking = -1;
    for (const i of free) {
      const p = target[i] - u[i];
      const room = p < 0 ? lo[i] - u[i] : p > 0 ? hi[i] - u[i] : 0;
      if (p !== 0 && room / p < alpha) {
        alpha = Math.max(0, room / p);
        blocking = i;
      }
    }
    for (const i of free) u[i] = blocking < 0 ? target[i] : u[i] + alpha * (target[i] - u[i]);
    if (blocking >= 0) {
      side[blocking] = target[blocking] < u[blocking] || u[blocking] <= lo[blocking] ? -1 : 1;
      u[blocking] = side[blocking] < 0 ? lo[blocking] : hi[blocking];
    } else atSubspaceMinimum = true;
  }
  gradient(qp, u, g);
  let residual = 0;
  const active = new Int8Array(n);
  const multipliers = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    residual = Math.max(residual, Math.abs(u[i] - clip(u[i] - g[i], lo[i], hi[i])));
    if (side[i] !== 0) {
      active[i] = side[i];
      multipliers[i] = Math.max(0, multiplierOf(side[i], g[i]));
    }
  }
  return { u, active, multipliers, kktResidual: residual, iterations, converged };
}
