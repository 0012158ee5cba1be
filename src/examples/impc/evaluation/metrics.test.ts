import { describe, expect, it } from 'vitest';
import { createMpcController, createPidController, tunedPidGains } from '../mpc/controllers';
import { NOISE_FREE_IMU } from '../vehicle/imu';
import { evaluateController, heldOutScenarios } from './evaluate';
import { flightMetrics, maxStableWind } from './metrics';
import { defaultMpcConfig } from '../mpc/mpc';
import { DEFAULT_GEOMETRY, NX, trueParams } from '../params';
import { makeScenario } from '../vehicle/scenarios';
import { type FlightLog, runClosedLoop } from '../vehicle/sim';

const DEG = Math.PI / 180;

/** A log whose roll error is `errDeg(t)` (reference 0), sampled every dt. */
function syntheticLog(errDeg: (t: number) => number, duration: number, dt = 0.02): FlightLog {
  const steps = Math.round(duration / dt);
  const trueState = new Float64Array(steps * NX);
  for (let k = 0; k < steps; k++) trueState[k * NX] = errDeg(k * dt) * DEG;
  const zeros = (n: number): Float64Array => new Float64Array(n);
  return {
    dt,
    steps,
    time: Float64Array.from({ length: steps }, (_, k) => k * dt),
    trueState,
    estimate: trueState,
    reference: zeros(steps * NX),
    thrusts: zeros(steps * 4),
    windSpeed: zeros(steps),
    gyro: zeros(0),
    accel: zeros(0),
  };
}

describe('metrics', () => {
  it('measures settling time, RMSE and steady-state error on a known error signal', () => {
    // 5° from the event (t = 0.5) until t = 1.5, then 1°, to the end at t = 4.
    const log = syntheticLog((t) => (t < 1.5 ? 5 : 1), 4);
    const m = flightMetrics(log, { eventTime: 0.5 });
    expect(m.settlingTimeS).toBeCloseTo(1.0, 9);
    expect(m.steadyStateErrorDeg).toBeCloseTo(1, 9);
    expect(m.rmseDeg).toBeCloseTo(Math.sqrt((1 * 25 + 2.5 * 1) / 3.5), 9);
    expect(m.maxErrorDeg).toBeCloseTo(5, 9);
    expect(m.stable).toBe(true);
  });

  it('reports no settling and instability when the error grows past the bound', () => {
    const m = flightMetrics(
      syntheticLog((t) => 10 * t * t, 3),
      { eventTime: 0 },
    );
    expect(m.settlingTimeS).toBe(Infinity);
    expect(m.stable).toBe(false);
  });

  it('finds the stability threshold by sweep and bisection', () => {
    const threshold = 13.3;
    const v = maxStableWind((speed, seed) => speed < threshold + 0.01 * seed, [0, 1, 2]);
    expect(v).toBeLessThan(threshold);
    expect(v).toBeGreaterThan(threshold - 0.25);
  });
});

describe('controllers on seeded scenarios (noise-free IMU)', () => {
  const geo = DEFAULT_GEOMETRY;
  const p = trueParams();
  const step = makeScenario('step', 2, { imu: NOISE_FREE_IMU });

  it('PID and MPC both settle a 10° attitude step within 1 s with no steady-state error', () => {
    for (const controller of [
      createPidController(geo, tunedPidGains(p), p),
      createMpcController(geo, defaultMpcConfig(10), p),
    ]) {
      const m = flightMetrics(runClosedLoop(step, controller, geo, p), { eventTime: step.eventTime });
      expect(m.settlingTimeS).toBeLessThan(1);
      expect(m.steadyStateErrorDeg).toBeLessThan(0.2);
    }
  });

  it('the PID integrator removes the offset under a step wind (anti-windup keeps it bounded)', () => {
    const wind = makeScenario('wind', 3, { windSpeed: 10, imu: NOISE_FREE_IMU, duration: 4 });
    const m = flightMetrics(runClosedLoop(wind, createPidController(geo, tunedPidGains(p), p), geo, p), {
      eventTime: wind.eventTime,
    });
    expect(m.stable).toBe(true);
    expect(m.steadyStateErrorDeg).toBeLessThan(0.5);
  });
});

describe('evaluation on held-out scenarios', () => {
  const geo = DEFAULT_GEOMETRY;
  const p = trueParams();
  it('builds the same seeded set each time, one step, one gust and one step wind per seed', () => {
    const a = heldOutScenarios([4, 5]);
    expect(a.map((s) => s.kind)).toEqual(['step', 'gust', 'wind', 'step', 'gust', 'wind']);
    expect(JSON.stringify(heldOutScenarios([4, 5]))).toBe(JSON.stringify(a));
  });

  it('under the same 14 m/s gust, the MPC holds attitude better than the PID', () => {
    const gust = [makeScenario('gust', 21, { windSpeed: 14 })];
    const pid = evaluateController(() => createPidController(geo, tunedPidGains(p), p), gust, geo, p);
    const mpc = evaluateController(() => createMpcController(geo, defaultMpcConfig(10), p), gust, geo, p);
    expect(pid.stable && mpc.stable).toBe(true);
    expect(mpc.rmseDeg).toBeLessThan(pid.rmseDeg);
    expect(mpc.maxErrorDeg).toBeLessThan(pid.maxErrorDeg);
  });
});
