import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { gradientsOf, maxAbsDiff, onBackend, seededArray, sizeOf } from '../../test-support/wasm/testing';

type PoolPad = 'same' | 'valid' | number;
type Inputs = 'normal' | 'relu (ties at 0)' | 'negative';

function inputValues(kind: Inputs, size: number, seed: number): Float32Array {
  const v = seededArray(size, seed);
  if (kind === 'relu (ties at 0)') return v.map((a) => Math.max(a, 0));
  if (kind === 'negative') return v.map((a) => -Math.abs(a) - 1);
  return v;
}

/** First-max routing straight from the definition (padding never wins), for 'valid' pooling. */
function bruteForceMaxPoolGrad(
  x: Float32Array,
  shape: number[],
  k: number,
  s: number,
  dy: Float32Array,
): Float32Array {
  const [n, h, w, c] = shape;
  const oh = Math.floor((h - k) / s) + 1;
  const ow = Math.floor((w - k) / s) + 1;
  const dx = new Float32Array(x.length);
  for (let b = 0; b < n; b++)
    for (let yo = 0; yo < oh; yo++)
      for (let xo = 0; xo < ow; xo++)
        for (let ch = 0; ch < c; ch++) {
          let best = -Infinity;
          let at = -1;
          for (let i = 0; i < k; i++)
            for (let j = 0; j < k; j++) {
              const idx = ((b * h + yo * s + i) * w + xo * s + j) * c + ch;
              if (x[idx] > best) [best, at] = [x[idx], idx];
            }
          dx[at] += dy[((b * oh + yo) * ow + xo) * c + ch];
        }
  return dx;
}

describe('MaxPoolGrad on wasm (replacing tfjs 4.22 wasm, wrong for negative maxima) matches cpu', () => {
  let worst = 0;
  beforeAll(async () => {
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(() => console.log(`maxPool gradients, worst |wasm − cpu| = ${worst.toExponential(2)}`));

  it('over filters 1/2/3, strides 1/2/3, same/valid/explicit padding, odd/even sizes, ties; no leaks', async () => {
    let cases = 0;
    for (const filter of [1, 2, 3])
      for (const stride of [1, 2, 3])
        for (const pad of ['same', 'valid', 1] as PoolPad[])
          for (const kind of ['normal', 'relu (ties at 0)', 'negative'] as Inputs[]) {
            const shape = stride === 2 ? [2, 8, 6, 3] : [1, 9, 7, 2];
            if (pad === 1 && filter === 1) continue; // tfjs: padding ≥ filter leaves windows with no pixel
            const name = `${filter}x${filter} s${stride} pad ${pad} ${kind} ${shape.join('x')}`;
            const values = inputValues(kind, sizeOf(shape), 11);
            const f = (x: tf.Tensor): tf.Tensor => tf.maxPool(x as tf.Tensor4D, filter, stride, pad);
            const run = (): Float32Array[] => gradientsOf(f, [{ values, shape }], 12);
            const cpu = (await onBackend('cpu', run)).result;
            const wasm = await onBackend('wasm', run);
            expect(wasm.leaked, name).toBe(0);
            const diff = maxAbsDiff(cpu[0], wasm.result[0]);
            worst = Math.max(worst, diff);
            expect(diff, name).toBeLessThan(1e-4);
            cases++;
          }
    expect(cases).toBeGreaterThan(70);
  });

  it('routes each window to its first maximum, like a brute-force sum', async () => {
    const shape: [number, number, number, number] = [2, 7, 6, 2];
    for (const kind of ['normal', 'negative', 'relu (ties at 0)'] as Inputs[]) {
      const x = inputValues(kind, sizeOf(shape), 13);
      const dy = seededArray(2 * 3 * 2 * 2, 14);
      const got = await onBackend('wasm', () =>
        tf.tidy(() => {
          const xt = tf.tensor(x, shape) as tf.Tensor4D;
          const g = tf.grad((z: tf.Tensor) =>
            tf.mul(tf.maxPool(z as tf.Tensor4D, 3, 2, 'valid'), tf.tensor(dy, [2, 3, 2, 2])),
          )(xt);
          return Float32Array.from(g.dataSync());
        }),
      );
      expect(maxAbsDiff(got.result, bruteForceMaxPoolGrad(x, shape, 3, 2, dy)), kind).toBeLessThan(1e-5);
    }
  });
});
