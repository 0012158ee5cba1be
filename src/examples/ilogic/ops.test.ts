import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError } from '../../il/gradients/finite-difference';
import { setupNodeBackend } from '../../il/node-backend';
import { conjugateGradientTensors } from './bilevel';
import { exp, logSoftmax, sigmoid } from './ops';

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

const T0 = [0.3, -0.2, 0.5, 0.1, -0.4, 0.25];
const M0 = [0.7, 0.1, -0.3, 0.45, 0.2, -0.6];
const V = [0.5, -1, 0.3, 0.8, -0.2, 0.6];

/** d/dt ⟨∇_m g(t, m), v⟩ (a mixed second derivative, as the unrolled and implicit paths take it) vs central FD. */
async function secondOrderError(op: (x: tf.Tensor) => tf.Tensor): Promise<number> {
  const g = (t: tf.Tensor, m: tf.Tensor) => tf.sum(tf.square(op(tf.add(tf.mul(t, m), tf.mul(m, m)))));
  const F = (t: tf.Tensor): tf.Scalar =>
    tf.tidy(() => tf.sum(tf.mul(tf.grad((m: tf.Tensor) => g(t, m))(tf.tensor(M0)), tf.tensor(V))));
  const an = Array.from(await tf.tidy(() => tf.grad(F)(tf.tensor(T0))).data());
  const h = 1e-2;
  const fd: number[] = [];
  for (let i = 0; i < T0.length; i++) {
    const at = async (s: number) => {
      const t = T0.slice();
      t[i] += s;
      return (await tf.tidy(() => F(tf.tensor(t))).data())[0];
    };
    fd.push(((await at(h)) - (await at(-h))) / (2 * h));
  }
  return relativeError(an, fd);
}

describe('twice-differentiable ops (tfjs drops the saved-output path in second derivatives)', () => {
  const ours: Record<string, (x: tf.Tensor) => tf.Tensor> = {
    sigmoid,
    exp,
    logSoftmax: (x) => logSoftmax(tf.reshape(x, [2, 3])),
  };
  for (const [name, op] of Object.entries(ours))
    it(`${name}: second derivative agrees with finite differences`, async () => {
      expect(await secondOrderError(op)).toBeLessThan(1e-3);
    });
  it('the same check catches tfjs 4.22’s own sigmoid, exp and logSoftmax (why ops.ts exists)', async () => {
    // If a tfjs upgrade fixes this, ops.ts can go back to tf.sigmoid / tf.exp / tf.logSoftmax.
    expect(await secondOrderError(tf.sigmoid)).toBeGreaterThan(1e-2);
    expect(await secondOrderError(tf.exp)).toBeGreaterThan(1e-2);
    expect(await secondOrderError((x) => tf.logSoftmax(tf.reshape(x, [2, 3])))).toBeGreaterThan(1e-2);
  });
});

describe('guarded conjugate gradient', () => {
  const diag = (d: number[]) => (v: tf.Tensor[]) => [tf.mul(v[0], tf.tensor(d))];
  it('solves a positive-definite system', async () => {
    const { x, report } = conjugateGradientTensors(diag([2, 5, 0.5]), [tf.tensor([1, 1, 1])], 3);
    expect(Array.from(await x[0].data())).toEqual([0.5, 0.2, 2].map((v) => expect.closeTo(v, 5)));
    expect((await report.negativeCurvature.data())[0]).toBe(0);
    expect((await report.iterations.data())[0]).toBe(3);
  });
  it('stops at non-positive curvature, stays finite, and says so', async () => {
    for (const d of [
      [1, -1, 2],
      [-1, -2, -3],
      [0, 0, 0],
    ]) {
      const { x, report } = conjugateGradientTensors(diag(d), [tf.tensor([1, 1, 1])], 5);
      expect(Array.from(await x[0].data()).every(Number.isFinite)).toBe(true);
      expect((await report.negativeCurvature.data())[0]).toBe(1);
      expect(Number.isFinite((await report.relativeResidual.data())[0])).toBe(true);
    }
  });
});
