import { describe, expect, it } from 'vitest';
import { predictStep } from '../vehicle/dynamics';
import { buildMpcContext, defaultMpcConfig, solveMpc } from '../mpc/mpc';
import { DEFAULT_GEOMETRY, scaledParams, trueParams } from '../params';
import { type GapSample, type LowerLevelGradient, MODEL_SUBSTEPS, gapCost, trackingCost } from './ul-costs';

const geo = DEFAULT_GEOMETRY;
const config = defaultMpcConfig(10);
const pTrue = trueParams();
const p = Float64Array.of(1.4, 0.0105, 0.0152, 0.0201);
const ref = Float64Array.of(0.08, -0.05, 0.1, 0, 0, 0, 0.1, 0);

function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-12);
}

function centralDiff(
  f: (v: Float64Array) => number,
  v: Float64Array,
  steps: (i: number) => number,
): Float64Array {
  return v.map((_, i) => {
    const a = Float64Array.from(v);
    const b = Float64Array.from(v);
    a[i] += steps(i);
    b[i] -= steps(i);
    return (f(a) - f(b)) / (2 * steps(i));
  });
}

// A sample mid-manoeuvre where the first input is partly saturated but not fully (stable active set).
const x = Float64Array.of(0.05, -0.035, 0.085, 0.6, -0.45, 0.15, 0.05, 0.1);
const truthNext = predictStep(
  geo,
  x,
  solveMpc(buildMpcContext(geo, config, p), x, ref).u,
  pTrue,
  config.dt,
  MODEL_SUBSTEPS,
);
const y = truthNext.next.map((v, i) => v + 1e-3 * Math.sin(i + 1));
const sample: GapSample = { x, y, ref };
const modes: LowerLevelGradient[] = [{ kind: 'implicit' }, { kind: 'unrolled', iterations: 12000 }];

describe('UL gap cost (i)', () => {
  const ctx = buildMpcContext(geo, config, p);
  const base = gapCost(ctx, sample);
  const active = base.solution.active.join(',');
  const valueAt = (pp: Float64Array, xx: Float64Array, yy: Float64Array): number => {
    const r = gapCost(buildMpcContext(geo, config, pp), { x: xx, y: yy, ref });
    expect(r.solution.active.join(',')).toBe(active);
    return r.value;
  };
  const fdP = centralDiff(
    (v) => valueAt(v, x, y),
    p,
    (i) => 1e-4 * p[i],
  );
  const fdX = centralDiff(
    (v) => valueAt(p, v, y),
    x,
    () => 1e-5,
  );
  const fdY = centralDiff(
    (v) => valueAt(p, x, v),
    y,
    () => 1e-5,
  );

  it('has a partly active first input and a non-zero gradient through the MPC', () => {
    const first = Array.from(base.solution.active.subarray(0, 4));
    expect(first.some((a) => a !== 0)).toBe(true);
    expect(first.some((a) => a === 0)).toBe(true);
  });

  it.each(modes)('matches finite differences w.r.t. p, x_k and y_{k+1} ($kind)', (mode) => {
    const r = gapCost(ctx, sample, mode);
    const errs = [relError(r.gradP, fdP), relError(r.gradX, fdX), relError(r.gradY, fdY)];
    console.log(
      `gap cost, ${mode.kind}: rel. error p ${errs[0].toExponential(2)}, x ${errs[1].toExponential(2)}, y ${errs[2].toExponential(2)}`,
    );
    for (const e of errs) expect(e).toBeLessThan(1e-3);
  });

  it('is zero, with zero gradient, at the true parameters on exact data', () => {
    const ctxTrue = buildMpcContext(geo, config, pTrue);
    const sol = solveMpc(ctxTrue, x, ref);
    const yExact = predictStep(geo, x, sol.u, pTrue, config.dt, MODEL_SUBSTEPS).next;
    const r = gapCost(ctxTrue, { x, y: yExact, ref });
    expect(r.value).toBeLessThan(1e-20);
    expect(Math.max(...Array.from(r.gradP, Math.abs))).toBeLessThan(1e-9);
  });
});

describe('UL tracking cost (ii)', () => {
  const ctx = buildMpcContext(geo, config, p);
  const x0 = Float64Array.of(0.03, -0.02, 0.1, 0.1, 0.05, 0, 0.08, 0);
  const horizon = 5;
  const valueAt = (pp: Float64Array, xx: Float64Array): number =>
    trackingCost(buildMpcContext(geo, config, pp), pTrue, xx, ref, horizon).value;
  const fdP = centralDiff(
    (v) => valueAt(v, x0),
    p,
    (i) => 1e-4 * p[i],
  );
  const fdX = centralDiff(
    (v) => valueAt(p, v),
    x0,
    () => 1e-5,
  );

  it.each(modes)('matches finite differences w.r.t. p and x_0 ($kind)', (mode) => {
    const r = trackingCost(ctx, pTrue, x0, ref, horizon, mode);
    const errs = [relError(r.gradP, fdP), relError(r.gradX, fdX)];
    console.log(
      `tracking cost, ${mode.kind}: rel. error p ${errs[0].toExponential(2)}, x0 ${errs[1].toExponential(2)}`,
    );
    expect(fdP.some((v) => Math.abs(v) > 1e-6)).toBe(true);
    for (const e of errs) expect(e).toBeLessThan(1e-3);
  });

  it('uses the plant parameters only for the rollout (controller p and plant p differ)', () => {
    const a = trackingCost(ctx, pTrue, x0, ref, horizon).value;
    const b = trackingCost(ctx, scaledParams(pTrue, 1.3), x0, ref, horizon).value;
    expect(Math.abs(a - b)).toBeGreaterThan(1e-3 * a);
  });
});
