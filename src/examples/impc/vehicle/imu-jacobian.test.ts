import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng';
import { type ImuSample, integrateImu } from './imu';
import { imuInputColumns, integrateImuWithJacobian, sampleColumn } from './imu-jacobian';
import { NX } from '../params';

const h = 0.005;
const g = 9.81;

function randomSamples(seed: number, n: number, rateScale: number): ImuSample[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => ({
    gyro: Float64Array.from({ length: 3 }, () => rateScale * rng.normal()),
    accel: Float64Array.of(0.4 * rng.normal(), 0.4 * rng.normal(), g + rng.normal()),
  }));
}

/** Writes input column c of (x, samples) by value. */
function perturbed(x: Float64Array, samples: ImuSample[], c: number, d: number): [Float64Array, ImuSample[]] {
  const xs = Float64Array.from(x);
  const ss = samples.map((s) => ({ gyro: Float64Array.from(s.gyro), accel: Float64Array.from(s.accel) }));
  if (c < 5) xs[c < 3 ? c : c + 3] += d;
  else {
    const i = Math.floor((c - 5) / 6);
    const a = (c - 5) % 6;
    if (a < 3) ss[i].gyro[a] += d;
    else ss[i].accel[a - 3] += d;
  }
  return [xs, ss];
}

describe('IMU integration Jacobian', () => {
  it.each([
    ['slow rotation', 1, 0.3],
    ['fast rotation', 2, 4],
    ['almost no rotation', 3, 1e-6],
  ])('matches central finite differences (%s)', (_, seed, rateScale) => {
    const samples = randomSamples(seed, 4, rateScale);
    const x = Float64Array.of(0.2, -0.15, 0.4, 0.3, 0.1, 0.05, -0.1, 0.2);
    const { y, jac } = integrateImuWithJacobian(x, samples, h, g);
    expect(Array.from(y)).toEqual(Array.from(integrateImu(x, samples, h, g)));
    const m = imuInputColumns(samples.length);
    let worst = 0;
    for (let c = 0; c < m; c++) {
      const step = 1e-6;
      const [xa, sa] = perturbed(x, samples, c, step);
      const [xb, sb] = perturbed(x, samples, c, -step);
      const ya = integrateImu(xa, sa, h, g);
      const yb = integrateImu(xb, sb, h, g);
      for (let r = 0; r < NX; r++) {
        const fd = (ya[r] - yb[r]) / (2 * step);
        worst = Math.max(worst, Math.abs(fd - jac[r * m + c]) / Math.max(1e-3, Math.abs(fd)));
      }
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('has the structure of the integration: rates from the last two samples only', () => {
    const samples = randomSamples(4, 4, 1);
    const { jac } = integrateImuWithJacobian(new Float64Array(NX), samples, h, g);
    const m = imuInputColumns(4);
    expect(jac[3 * m + sampleColumn(3, 0)]).toBe(1.5);
    expect(jac[3 * m + sampleColumn(2, 0)]).toBe(-0.5);
    expect(jac[3 * m + sampleColumn(0, 0)]).toBe(0);
  });
});
