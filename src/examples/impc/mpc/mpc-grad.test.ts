import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng';
import { dot } from './dense';
import { type MpcSolution, buildMpcContext, defaultMpcConfig, solveMpc } from './mpc';
import { mpcVjpImplicit } from './mpc-implicit';
import { mpcUnrolled, mpcVjpUnrolled, unrolledSettings } from './mpc-unrolled';
import { DEFAULT_GEOMETRY, NX, N_PARAMS, trueParams } from '../params';

type Scalar = (x0: Float64Array, p: Float64Array) => number;

/**
 * Central differences of a scalar function of (x0, p); relative steps for p. The steps are not tiny
 * because U* is only as accurate as H's conditioning allows (√κ ≈ 500); `f` itself checks that the
 * active set does not change between the two sides.
 */
function finiteDifference(
  f: Scalar,
  x0: Float64Array,
  p: Float64Array,
): { x0: Float64Array; p: Float64Array } {
  const gx = new Float64Array(NX);
  const gp = new Float64Array(N_PARAMS);
  for (let i = 0; i < NX; i++) {
    const h = 1e-5;
    const a = Float64Array.from(x0);
    const b = Float64Array.from(x0);
    a[i] += h;
    b[i] -= h;
    gx[i] = (f(a, p) - f(b, p)) / (2 * h);
  }
  for (let j = 0; j < N_PARAMS; j++) {
    const h = 1e-4 * p[j];
    const a = Float64Array.from(p);
    const b = Float64Array.from(p);
    a[j] += h;
    b[j] -= h;
    gp[j] = (f(x0, a) - f(x0, b)) / (2 * h);
  }
  return { x0: gx, p: gp };
}

function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-12);
}

/** Margins that show the active set is stable: strict complementarity and free variables off the bounds. */
function activeSetMargins(
  sol: MpcSolution,
  lo: number,
  hi: number,
): { minMultiplier: number; minSlack: number } {
  let minMultiplier = Infinity;
  let minSlack = Infinity;
  sol.u.forEach((v, i) => {
    if (sol.active[i] !== 0) minMultiplier = Math.min(minMultiplier, sol.multipliers[i]);
    else minSlack = Math.min(minSlack, v - lo, hi - v);
  });
  return { minMultiplier, minSlack };
}

const geo = DEFAULT_GEOMETRY;
const ref = Float64Array.of(0.05, -0.03, 0.1, 0, 0, 0, 0.2, 0);
const nearRef = Float64Array.of(0.051, -0.0305, 0.1005, 0.01, -0.01, 0.005, 0.19, 0.01);
// K: the unrolled iteration counts compared (H is ill-conditioned: √κ ≈ 500 at N = 10, 1700 at N = 20).
const cases = [
  {
    name: 'N=10, many motors saturated',
    N: 10,
    x0: Float64Array.of(0.35, -0.25, 0.05, 1.5, 0.6, 0.1, -0.1, 0.2),
    minActive: 3,
    K: [1000, 3000, 12000],
  },
  { name: 'N=10, no constraint active', N: 10, x0: nearRef, minActive: 0, K: [1000, 3000, 12000] },
  {
    name: 'N=20, many motors saturated',
    N: 20,
    x0: Float64Array.of(-0.3, 0.2, 0, -0.4, 0.3, 0.5, 0.4, -0.3),
    minActive: 3,
    K: [1000, 10000, 40000],
  },
];

describe.each(cases)('MPC gradients, $name', ({ N, x0, minActive, K: iterationCounts }) => {
  const config = defaultMpcConfig(N);
  const p = trueParams();
  const rng = createRng(N * 7 + minActive);
  const uBar = Float64Array.from({ length: 4 * N }, () => rng.normal());
  const costBar = 0.3;
  const ctx = buildMpcContext(geo, config, p);
  const sol = solveMpc(ctx, x0, ref);
  const baseActive = sol.active.join(',');
  const objective: Scalar = (x, pp) => {
    const c = buildMpcContext(geo, config, pp);
    const s = solveMpc(c, x, ref);
    if (s.active.join(',') !== baseActive)
      throw new Error('the finite-difference step changed the active set');
    return dot(uBar, s.u) + costBar * s.cost;
  };
  const fd = finiteDifference(objective, x0, p);

  it('solves the QP to a KKT point with a stable active set', () => {
    expect(sol.converged).toBe(true);
    expect(sol.kktResidual).toBeLessThan(1e-10);
    const nActive = sol.active.reduce((s, a) => s + (a !== 0 ? 1 : 0), 0);
    console.log(`N=${N}: ${nActive} of ${4 * N} inputs at a bound, ${sol.iterations} active-set iterations`);
    if (minActive > 0) expect(nActive).toBeGreaterThanOrEqual(minActive);
    else expect(nActive).toBe(0);
    const { minMultiplier, minSlack } = activeSetMargins(sol, geo.thrustMin, geo.thrustMax);
    if (nActive > 0) expect(minMultiplier).toBeGreaterThan(1e-4);
    expect(minSlack).toBeGreaterThan(1e-4);
  });

  it('implicit (KKT) VJP matches central finite differences (rel. error < 1e-3)', () => {
    const g = mpcVjpImplicit(ctx, sol, uBar, costBar);
    const ex = relError(g.x0, fd.x0);
    const ep = relError(g.p, fd.p);
    console.log(`implicit N=${N}: rel. error x0 ${ex.toExponential(2)}, p ${ep.toExponential(2)}`);
    expect(ex).toBeLessThan(1e-3);
    expect(ep).toBeLessThan(1e-3);
  });

  it('unrolled VJP converges to the finite-difference gradient as iterations grow', () => {
    const settings = unrolledSettings(ctx);
    const errors = iterationCounts.map((K) => {
      const g = mpcVjpUnrolled(ctx, mpcUnrolled(ctx, x0, ref, K, settings), uBar, costBar);
      return Math.max(relError(g.x0, fd.x0), relError(g.p, fd.p));
    });
    console.log(
      `unrolled N=${N}: rel. error at K=${iterationCounts.join('/')}: ${errors.map((e) => e.toExponential(2)).join(' / ')}`,
    );
    expect(errors[2]).toBeLessThan(1e-3);
    expect(errors[2]).toBeLessThan(errors[0]);
  });

  it('unrolled VJP is the exact derivative of the K-step map (fixed step and momentum)', () => {
    const K = 40;
    const settings = unrolledSettings(ctx);
    const unrolledObjective: Scalar = (x, pp) => {
      const tape = mpcUnrolled(buildMpcContext(geo, config, pp), x, ref, K, settings);
      return dot(uBar, tape.u) + costBar * tape.cost;
    };
    const fdK = finiteDifference(unrolledObjective, x0, p);
    const g = mpcVjpUnrolled(ctx, mpcUnrolled(ctx, x0, ref, K, settings), uBar, costBar);
    expect(relError(g.x0, fdK.x0)).toBeLessThan(1e-5);
    expect(relError(g.p, fdK.p)).toBeLessThan(1e-5);
  });
});
