import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { liveCounts, maxAbsDiff, seededArray, sizeOf } from '../../test-support/wasm/testing';

const WEIGHT_SHAPES: Record<string, number[]> = {
  enc1: [3, 3, 2, 6],
  enc2: [3, 3, 6, 8],
  dec1: [3, 3, 6, 8], // conv2dTranspose: [h, w, out, in]
  dec2: [3, 3, 6, 2],
  bias: [2],
};

/**
 * A tiny U-Net-like encoder–decoder: conv s1 → maxPool → conv s2 → conv2dTranspose s2 →
 * bilinear upsampling + skip connection → conv, trained with Adam on a seeded batch.
 * Returns the loss of each step and the final weights.
 */
function train(steps: number): { losses: number[]; weights: Float32Array[] } {
  const x = tf.tensor(seededArray(2 * 16 * 16 * 2, 51), [2, 16, 16, 2]) as tf.Tensor4D;
  const target = tf.tensor(seededArray(2 * 16 * 16 * 2, 52), [2, 16, 16, 2]);
  const vars = Object.values(WEIGHT_SHAPES).map((shape, k) =>
    tf.tidy(() => tf.variable(tf.mul(tf.tensor(seededArray(sizeOf(shape), 60 + k), shape), 0.3))),
  );
  const [enc1, enc2, dec1, dec2, bias] = vars;
  const optimizer = tf.train.adam(0.01);
  const loss = (): tf.Scalar => {
    const h1 = tf.relu(tf.conv2d(x, enc1 as tf.Tensor4D, 1, 'same')); // 16×16×6
    const p1 = tf.maxPool(h1, 2, 2, 'valid'); // 8×8×6
    const h2 = tf.elu(tf.conv2d(p1, enc2 as tf.Tensor4D, 2, 'same')); // 4×4×8
    const u1 = tf.leakyRelu(tf.conv2dTranspose(h2, dec1 as tf.Tensor4D, [2, 8, 8, 6], 2, 'same'), 0.1); // 8×8×6
    const u2: tf.Tensor4D = tf.add(tf.image.resizeBilinear(u1, [16, 16]), h1); // skip connection
    const y = tf.add(tf.conv2d(u2, dec2 as tf.Tensor4D, 1, 'same'), bias);
    return tf.losses.meanSquaredError(target, y) as tf.Scalar;
  };
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const l = optimizer.minimize(loss, true);
    losses.push(l!.dataSync()[0]);
    l!.dispose();
  }
  const weights = vars.map((v) => Float32Array.from(v.dataSync()));
  optimizer.dispose();
  [x, target, ...vars].forEach((t) => t.dispose());
  return { losses, weights };
}

describe('training a small conv encoder–decoder with Adam: wasm equals cpu', () => {
  beforeAll(() => registerWasmTrainingKernels());

  it('gives the same losses and weights from identical initial weights, and leaks nothing', async () => {
    await tf.setBackend('cpu');
    const cpu = train(6);
    await tf.setBackend('wasm');
    const before = liveCounts();
    const wasm = train(6);
    const after = liveCounts();
    expect(after).toEqual(before);
    console.log(
      `losses cpu ${cpu.losses.map((l) => l.toFixed(6)).join(' ')} | wasm ${wasm.losses.map((l) => l.toFixed(6)).join(' ')}`,
    );
    expect(maxAbsDiff(cpu.losses, wasm.losses)).toBeLessThan(1e-4);
    expect(wasm.losses[5]).toBeLessThan(wasm.losses[0]);
    for (let k = 0; k < cpu.weights.length; k++)
      expect(maxAbsDiff(cpu.weights[k], wasm.weights[k])).toBeLessThan(1e-4);
  });
});
