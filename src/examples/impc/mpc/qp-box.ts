/**
 * Box-constrained convex QP:  min ½ uᵀ H u + qᵀ u  s.t.  lo ≤ u ≤ hi  (H symmetric positive definite).
 * Solved by a primal active-set method: keep a working set W of variables fixed at a bound; minimise
 * exactly over the others (a Cholesky solve); step towards that minimiser until a bound blocks (add it
 * to W); at the minimiser drop the bound with the most negative multiplier, or stop when all are ≥ 0.
 * Every iterate is feasible, the cost never rises, and the answer is exact to rounding (KKT residual
 * reported). A warm start (the previous solution, shifted) leaves only a few changes of the active set.
 * Cold starts first guess the active set by a few primal–dual active-set (semismooth Newton) sweeps,
 * which change many bounds at once; the primal method then confirms or repairs that guess.
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

/**
 * Primal–dual active-set sweeps: A_lo = {u − g/H_ii < lo}, A_hi = {u − g/H_ii > hi}, minimise over the
 * rest, repeat until the sets stop changing (or `sweeps` run out; it may cycle on general H). Returns
 * the last point, clipped into the box.
 */
function primalDualGuess(qp: BoxQp, start: Float64Array, sweeps: number): Float64Array {
  const { n, H, q, lo, hi } = qp;
  const u = Float64Array.from(start);
  const g = gradient(qp, u, new Float64Array(n));
  let previous = '';
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const side = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const trial = u[i] - g[i] / H[i * n + i];
      side[i] = trial < lo[i] ? -1 : trial > hi[i] ? 1 : 0;
    }
    const key = side.join('');
    if (key === previous) break;
    previous = key;
    const free: number[] = [];
    for (let i = 0; i < n; i++) {
      if (side[i] === 0) free.push(i);
      else u[i] = side[i] < 0 ? lo[i] : hi[i];
    }
    const rhs = new Float64Array(n);
    for (const i of free) {
      let s = q[i];
      for (let j = 0; j < n; j++) if (side[j] !== 0) s += H[i * n + j] * u[j];
      rhs[i] = -s;
    }
    if (free.length > 0) {
      const x = solveOnSubset(H, n, free, rhs);
      for (const i of free) u[i] = x[i];
    }
    gradient(qp, u, g);
  }
  return u.map((v, i) => clip(v, lo[i], hi[i]));
}

export interface BoxQpOptions {
  /** Refine the start by primal–dual sweeps first (default: only when no start is given). */
  guessActiveSet?: boolean;
  /** Cap on active-set iterations (default 10 n + 20). */
  maxIterations?: number;
}

/** Solves the box QP from `start` (clipped into the box; zeros if absent). */
export function solveBoxQp(qp: BoxQp, start?: ArrayLike<number>, options: BoxQpOptions = {}): BoxQpSolution {
  const { n, H, q, lo, hi } = qp;
  const limit = options.maxIterations ?? 10 * n + 20;
  let u: Float64Array = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = clip(start ? start[i] : 0, lo[i], hi[i]);
  if (options.guessActiveSet ?? !start) u = primalDualGuess(qp, start ? Float64Array.from(start) : u, 12);
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
  // Releasing several bounds at once usually saves many iterations; if a released variable is blocked
  // at once (zero step), fall back to the classical one-at-a-time rule, which cannot cycle.
  let singleRelease = false;
  const released: number[] = [];
  const rhs = new Float64Array(n);
  for (; iterations < limit; iterations++) {
    if (atSubspaceMinimum) {
      gradient(qp, u, g);
      // Release every bound whose multiplier is negative (the most negative alone once that stalled).
      let worst = -1;
      let worstValue = -1e-12 * scale;
      released.length = 0;
      for (let i = 0; i < n; i++) {
        if (side[i] === 0) continue;
        const lambda = multiplierOf(side[i], g[i]);
        if (lambda < -1e-12 * scale) released.push(i);
        if (lambda < worstValue) {
          worstValue = lambda;
          worst = i;
        }
      }
      if (worst < 0) {
        converged = true;
        break;
      }
      if (singleRelease) released.splice(0, released.length, worst);
      for (const i of released) side[i] = 0;
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
    if (blocking >= 0 && alpha === 0 && released.includes(blocking)) singleRelease = true;
    released.length = 0;
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
