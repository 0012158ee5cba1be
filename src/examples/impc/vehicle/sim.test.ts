import { describe, expect, it } from 'vitest';
import { createMpcController } from '../mpc/controllers';
import { NOISE_FREE_IMU } from './imu';
import { defaultMpcConfig } from '../mpc/mpc';
import { DEFAULT_GEOMETRY, NX, trueParams } from '../params';
import { makeScenario } from './scenarios';
import { runClosedLoop } from './sim';
import { DEFAULT_WIND_MODEL, windForce, windTorque, windVelocity } from './wind';

const geo = DEFAULT_GEOMETRY;
const p = trueParams();
const mpc = (): ReturnType<typeof createMpcController> => createMpcController(geo, defaultMpcConfig(10), p);

describe('simulation, IMU and wind', () => {
  it('integrates a noise-free IMU to the true state (the estimate stays within 0.05° and 1 mm/s)', () => {
    const scenario = makeScenario('excite', 3, { duration: 4, imu: NOISE_FREE_IMU });
    const log = runClosedLoop(scenario, mpc(), geo, p);
    let angle = 0;
    let vz = 0;
    for (let k = 0; k < log.steps; k++) {
      for (let a = 0; a < 3; a++)
        angle = Math.max(angle, Math.abs(log.estimate[k * NX + a] - log.trueState[k * NX + a]));
      vz = Math.max(vz, Math.abs(log.estimate[k * NX + 7] - log.trueState[k * NX + 7]));
    }
    expect((angle * 180) / Math.PI).toBeLessThan(0.05);
    expect(vz).toBeLessThan(1e-3);
    // The flight did move: the references were tracked through tens of degrees.
    const maxRoll = Math.max(...Array.from({ length: log.steps }, (_, k) => Math.abs(log.trueState[k * NX])));
    expect(maxRoll).toBeGreaterThan(0.1);
  });

  it('is deterministic per seed, and a noisy IMU makes the estimate drift from the truth', () => {
    const a = runClosedLoop(makeScenario('gust', 5), mpc(), geo, p);
    const b = runClosedLoop(makeScenario('gust', 5), mpc(), geo, p);
    const c = runClosedLoop(makeScenario('gust', 6), mpc(), geo, p);
    expect(Array.from(a.trueState)).toEqual(Array.from(b.trueState));
    expect(Array.from(a.gyro)).not.toEqual(Array.from(c.gyro));
    const last = (a.steps - 1) * NX;
    const drift = Math.hypot(...[0, 1, 2].map((i) => a.estimate[last + i] - a.trueState[last + i]));
    expect(drift).toBeGreaterThan(1e-4);
  });

  it('models the wind torque as quadratic in speed with the centre-of-pressure lever arm', () => {
    const events = [{ start: 1, duration: 0.5, speed: 6, heading: 0 }];
    expect(windVelocity(events, 0.5)[0]).toBe(0);
    expect(windVelocity(events, 1.2)[0]).toBeCloseTo(6, 12);
    expect(windVelocity(events, 1.6)[0]).toBe(0);
    const f1 = windForce(DEFAULT_WIND_MODEL, Float64Array.of(5, 0, 0));
    const f2 = windForce(DEFAULT_WIND_MODEL, Float64Array.of(10, 0, 0));
    expect(f2[0] / f1[0]).toBeCloseTo(4, 12);
    expect(f1[0]).toBeCloseTo(0.5 * 1.225 * DEFAULT_WIND_MODEL.dragArea * 25, 12);
    const tau = windTorque(DEFAULT_WIND_MODEL, f1);
    // Force along body x at a centre of pressure h above the centre of mass pitches the nose: τy = h F.
    expect(tau[1]).toBeCloseTo(DEFAULT_WIND_MODEL.pressureCentre[2] * f1[0], 12);
  });

  it('holds hover without wind and is pushed off level by a gust', () => {
    const calm = runClosedLoop(makeScenario('step', 1, { stepSize: 0, imu: NOISE_FREE_IMU }), mpc(), geo, p);
    const gust = runClosedLoop(
      makeScenario('gust', 1, { windSpeed: 12, imu: NOISE_FREE_IMU }),
      mpc(),
      geo,
      p,
    );
    const peak = (log: typeof calm): number =>
      Math.max(
        ...Array.from({ length: log.steps }, (_, k) =>
          Math.hypot(log.trueState[k * NX], log.trueState[k * NX + 1]),
        ),
      );
    expect(peak(calm)).toBeLessThan(1e-6);
    expect(peak(gust)).toBeGreaterThan(0.005);
  });
});
