import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { gradientsOf, maxAbsDiff, onBackend, seededArray } from '../../test-support/wasm/testing';

describe('UnsortedSegmentSum on wasm (what tf.gather’s gradient runs) matches cpu', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it('sums rows by segment, dropping out-of-range ids; float32 and int32, rows of any rank; no leaks', async () => {
    const cases = [
      { x: [6, 3], ids: [0, 2, 0, 4, -1, 2], segments: 5, dtype: 'float32' as const },
      { x: [6, 2, 2], ids: [1, 1, 0, 3, 7, 1], segments: 4, dtype: 'float32' as const },
      { x: [5], ids: [2, 0, 2, 2, 1], segments: 3, dtype: 'int32' as const },
    ];
    for (const c of cases) {
      const size = c.x.reduce((a, b) => a * b, 1);
      const values = seededArray(size, 41).map((v) => (c.dtype === 'int32' ? Math.round(v * 10) : v));
      const run = (): { values: Float32Array; dtype: string } =>
        tf.tidy(() => {
          const out = tf.unsortedSegmentSum(
            tf.tensor(values, c.x, c.dtype),
            tf.tensor1d(c.ids, 'int32'),
            c.segments,
          );
          return { values: Float32Array.from(out.dataSync()), dtype: out.dtype };
        });
      const cpu = (await onBackend('cpu', run)).result;
      const wasm = await onBackend('wasm', run);
      expect(wasm.leaked).toBe(0);
      expect(maxAbsDiff(cpu.values, wasm.result.values)).toBeLessThan(1e-5);
      // TensorFlow's contract: the sum has x's dtype (tfjs's cpu kernel returns float32 for int32 x).
      expect(wasm.result.dtype).toBe(c.dtype);
    }
  });

  it('tf.gather (an embedding lookup with repeats) has the same gradient as on cpu', async () => {
    const inputs = [{ values: seededArray(7 * 4, 42), shape: [7, 4] }];
    const f = (table: tf.Tensor): tf.Tensor =>
      tf.gather(table, tf.tensor2d([0, 3, 3, 6, 1, 3], [2, 3], 'int32'));
    const cpu = (await onBackend('cpu', () => gradientsOf(f, inputs, 43))).result;
    const wasm = await onBackend('wasm', () => gradientsOf(f, inputs, 43));
    expect(wasm.leaked).toBe(0);
    expect(maxAbsDiff(cpu[0], wasm.result[0])).toBeLessThan(1e-5);
  });
});
