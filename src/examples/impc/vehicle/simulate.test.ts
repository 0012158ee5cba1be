import { describe, expect, it } from 'vitest';
import { compareControllers } from '../evaluation/compare';
import { DEFAULT_IMU_NOISE } from './imu';
import { scaledParams, trueParams } from '../params';
import { simulateControllers } from './simulate';

const pTrue = trueParams();
const setup = {
  p: pTrue,
  theta: null,
  pStart: scaledParams(pTrue, 1.5),
  pTrue,
  horizon: 10,
  imu: DEFAULT_IMU_NOISE,
};

describe('the view simulation', () => {
  const calm = simulateControllers(setup, { duration: 4 });
  const gusty = simulateControllers(setup, { duration: 4, gusts: [{ time: 2, speed: 16, heading: 0.5 }] });

  it('replays the same flight up to an injected gust and differs after it', () => {
    const k = Math.round(2 / calm.dt);
    for (let c = 0; c < 3; c++) {
      const a = calm.traces[c].attitudeDeg;
      const b = gusty.traces[c].attitudeDeg;
      expect(Array.from(b.subarray(0, 3 * k))).toEqual(Array.from(a.subarray(0, 3 * k)));
      let diff = 0;
      for (let i = 3 * k; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
      expect(diff).toBeGreaterThan(0.5);
    }
    expect(gusty.wind[(k + 5) * 2]).toBeCloseTo(16 * Math.cos(0.5), 5);
    expect(calm.wind[(k + 5) * 2]).toBe(0);
  });

  it('clamps untrusted requests instead of failing', () => {
    const r = simulateControllers(setup, {
      duration: 1e9,
      windSpeed: -3,
      noise: Number.NaN,
      gusts: [{ time: -1, speed: 1e6, heading: 0 }],
    });
    expect(r.steps * r.dt).toBeCloseTo(30, 6);
    expect(r.traces.every((t) => Array.from(t.attitudeDeg).every(Number.isFinite))).toBe(true);
  });
});

describe('the controller comparison', () => {
  it('ranks the true-parameter MPC above the MPC with p 50 % off on held-out disturbances', () => {
    const rows = compareControllers(setup, { seeds: [9001], maxWind: false });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(rows.map((r) => r.id)).toEqual(['impc', 'mpc-raw', 'pid']);
    expect(byId.impc.rmseDeg).toBeLessThan(byId['mpc-raw'].rmseDeg);
    expect(byId.impc.steadyStateErrorDeg).toBeLessThan(byId['mpc-raw'].steadyStateErrorDeg);
    expect(rows.every((r) => r.maxStableWind === null)).toBe(true);
  });
});
