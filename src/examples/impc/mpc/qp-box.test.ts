import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../il/rng';
import { dot, solveOnSubset, symMatVec } from './dense';
import { type BoxQp, solveBoxQp } from './qp-box';

/** A random SPD QP: H = Mᵀ M + δ I with an ill-conditioned scaling, bounds around the origin. */
function randomQp(rng: Rng, n: number): BoxQp {
  const M = Float64Array.from({ length: n * n }, () => rng.normal());
  const scale = Float64Array.from({ length: n }, () => 10 ** rng.uniform(-1, 1));
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += M[k * n + i] * M[k * n + j];
      H[i * n + j] = scale[i] * scale[j] * s + (i === j ? 0.01 : 0);
    }
  return {
    n,
    H,
    q: Float64Array.from({ length: n }, () => 3 * rng.normal()),
    lo: Float64Array.from({ length: n }, () => -rng.uniform(0.1, 1)),
    hi: Float64Array.from({ length: n }, () => rng.uniform(0.1, 1)),
  };
}

const objective = (qp: BoxQp, u: Float64Array): number =>
  0.5 * dot(u, symMatVec(qp.H, qp.n, u)) + dot(qp.q, u);

/** Exhaustive search over the 3ⁿ choices (lower / free / upper) of which bounds hold: the exact optimum. */
function bruteForce(qp: BoxQp): number {
  let best = Infinity;
  const n = qp.n;
  for (let code = 0; code < 3 ** n; code++) {
    const side: number[] = [];
    for (let i = 0, c = code; i < n; i++, c = Math.floor(c / 3)) side.push((c % 3) - 1);
    const u = new Float64Array(n);
    side.forEach((s, i) => (u[i] = s < 0 ? qp.lo[i] : s > 0 ? qp.hi[i] : 0));
    const free = side.flatMap((s, i) => (s === 0 ? [i] : []));
    if (free.length > 0) {
      const rhs = new Float64Array(n);
      const Hu = symMatVec(qp.H, n, u);
      for (const i of free) rhs[i] = -(qp.q[i] + Hu[i]);
      const x = solveOnSubset(qp.H, n, free, rhs);
      for (const i of free) u[i] = x[i];
    }
    if (u.some((v, i) => v < qp.lo[i] - 1e-12 || v > qp.hi[i] + 1e-12)) continue;
    best = Math.min(best, objective(qp, u));
  }
  return best;
}

describe('box-constrained QP (primal active set)', () => {
  it('finds the exhaustive-search optimum on small random problems', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 20; trial++) {
      const qp = randomQp(rng, 6);
      const best = bruteForce(qp);
      // With and without the primal–dual guess of the active set.
      for (const guessActiveSet of [true, false]) {
        const sol = solveBoxQp(qp, undefined, { guessActiveSet });
        expect(sol.converged).toBe(true);
        expect(objective(qp, sol.u)).toBeCloseTo(best, 9);
      }
    }
  });

  it('returns a KKT point: feasible, stationary on the free set, non-negative multipliers', () => {
    const rng = createRng(12);
    for (let trial = 0; trial < 10; trial++) {
      const qp = randomQp(rng, 40);
      const sol = solveBoxQp(qp);
      expect(sol.converged).toBe(true);
      expect(sol.kktResidual).toBeLessThan(1e-9);
      const g = symMatVec(qp.H, qp.n, sol.u).map((v, i) => v + qp.q[i]);
      for (let i = 0; i < qp.n; i++) {
        expect(sol.u[i]).toBeGreaterThanOrEqual(qp.lo[i]);
        expect(sol.u[i]).toBeLessThanOrEqual(qp.hi[i]);
        if (sol.active[i] === 0) expect(Math.abs(g[i])).toBeLessThan(1e-9);
        else expect(sol.multipliers[i]).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('reaches the same optimum from a warm start in fewer iterations than from zero', () => {
    const qp = randomQp(createRng(13), 40);
    const cold = solveBoxQp(qp);
    const nudged = { ...qp, q: qp.q.map((v, i) => v + 1e-3 * Math.sin(i)) };
    const warm = solveBoxQp(nudged, cold.u);
    const fresh = solveBoxQp(nudged, undefined, { guessActiveSet: false });
    expect(Math.max(...Array.from(warm.u, (v, i) => Math.abs(v - fresh.u[i])))).toBeLessThan(1e-9);
    expect(warm.iterations).toBeLessThan(fresh.iterations);
  });
});
