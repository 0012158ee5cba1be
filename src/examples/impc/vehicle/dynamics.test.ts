import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng';
import { N_TANGENT, continuousDynamics, predictStep } from './dynamics';
import { linearModel } from '../mpc/mpc-model';
import { DEFAULT_GEOMETRY, NU, NX, N_PARAMS, trueParams } from '../params';
import { PLANT_SIZE, plantStep, plantToState, stateToPlant } from './quadrotor';
import { DEFAULT_WIND_MODEL } from './wind';

const geo = DEFAULT_GEOMETRY;
const p = trueParams();
const rng = createRng(42);
const x = Float64Array.from({ length: NX }, (_, i) => (i < 3 ? 0.3 : 1.2) * rng.uniform(-1, 1));
const u = Float64Array.from({ length: NU }, () => rng.uniform(1, 6));

/** Central-difference Jacobian of g over the stacked input [x, u, p]. */
function fdJacobian(g: (x: Float64Array, u: Float64Array, p: Float64Array) => Float64Array): Float64Array {
  const jac = new Float64Array(NX * N_TANGENT);
  for (let c = 0; c < N_TANGENT; c++) {
    const h = c < NX + NU ? 1e-6 : 1e-6 * p[c - NX - NU];
    const shifted = (sign: number): Float64Array => {
      const xs = Float64Array.from(x);
      const us = Float64Array.from(u);
      const ps = Float64Array.from(p);
      if (c < NX) xs[c] += sign * h;
      else if (c < NX + NU) us[c - NX] += sign * h;
      else ps[c - NX - NU] += sign * h;
      return g(xs, us, ps);
    };
    const a = shifted(1);
    const b = shifted(-1);
    for (let r = 0; r < NX; r++) jac[r * N_TANGENT + c] = (a[r] - b[r]) / (2 * h);
  }
  return jac;
}

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  const scale = Math.max(...Array.from(b, Math.abs));
  return Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]))) / scale;
}

describe('model dynamics f(x, u; p)', () => {
  it('has an analytic Jacobian of the continuous dynamics that matches finite differences', () => {
    const jac = new Float64Array(NX * N_TANGENT);
    continuousDynamics(geo, x, u, p, new Float64Array(NX), jac);
    const fd = fdJacobian((xs, us, ps) => continuousDynamics(geo, xs, us, ps, new Float64Array(NX)));
    expect(maxRelDiff(jac, fd)).toBeLessThan(1e-7);
  });

  it('propagates the exact Jacobian of the RK4 step', () => {
    const step = predictStep(geo, x, u, p, 0.02, 4);
    const fd = fdJacobian((xs, us, ps) => predictStep(geo, xs, us, ps, 0.02, 4).next);
    expect(maxRelDiff(step.jac, fd)).toBeLessThan(1e-7);
  });

  it('agrees with the quaternion plant simulated at 1 kHz (no wind)', () => {
    const s = stateToPlant(x, new Float64Array(PLANT_SIZE));
    const model = { geo, p, wind: DEFAULT_WIND_MODEL };
    const still = (): Float64Array => new Float64Array(3);
    for (let k = 0; k < 20; k++) plantStep(model, s, u, still, k * 1e-3, 1e-3);
    const predicted = predictStep(geo, x, u, p, 0.02, 4).next;
    const simulated = plantToState(s);
    expect(Math.max(...Array.from(predicted, (v, i) => Math.abs(v - simulated[i])))).toBeLessThan(1e-8);
  });

  it('linearises at hover to the MPC model: Jacobian = [A B], f(0, hover) = 0, ∂B/∂p by differences', () => {
    const dt = 0.02;
    const hover = new Float64Array(NU).fill((p[0] * geo.gravity) / 4);
    const step = predictStep(geo, new Float64Array(NX), hover, p, dt, 4);
    const lin = linearModel(geo, p, dt);
    for (let r = 0; r < NX; r++) {
      expect(Math.abs(step.next[r])).toBeLessThan(1e-12);
      for (let c = 0; c < NX; c++) expect(step.jac[r * N_TANGENT + c]).toBeCloseTo(lin.A[r * NX + c], 9);
      for (let c = 0; c < NU; c++) expect(step.jac[r * N_TANGENT + NX + c]).toBeCloseTo(lin.B[r * NU + c], 9);
    }
    for (let j = 0; j < N_PARAMS; j++) {
      const h = 1e-6 * p[j];
      const pa = Float64Array.from(p);
      const pb = Float64Array.from(p);
      pa[j] += h;
      pb[j] -= h;
      const [Ba, Bb] = [linearModel(geo, pa, dt).B, linearModel(geo, pb, dt).B];
      const fd = Ba.map((v, i) => (v - Bb[i]) / (2 * h));
      expect(maxRelDiff(lin.dB[j], fd)).toBeLessThan(1e-6);
    }
  });
});
