import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../il/rng';

/**
 * Helpers for this folder's tests (tfjs only, no test runner): seeded inputs, running the same
 * computation on the cpu and wasm backends, and counting what a computation leaves behind.
 */

export function seededArray(size: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => rng.normal());
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    m = Number.isNaN(d) ? Infinity : Math.max(m, d);
  }
  return m;
}

/** Tensors and backend buffers alive on the active backend (kernel intermediates show in the latter). */
export function liveCounts(): { tensors: number; buffers: number } {
  return { tensors: tf.memory().numTensors, buffers: tf.engine().backend.numDataIds() };
}

/**
 * Runs `compute` (which reads back what it returns) on `backend`, and reports how many tensors or
 * backend buffers it left behind.
 */
export async function onBackend<T>(
  backend: string,
  compute: () => T,
): Promise<{ result: T; leaked: number }> {
  await tf.setBackend(backend);
  const before = liveCounts();
  const result = compute();
  const after = liveCounts();
  return { result, leaked: after.tensors - before.tensors + after.buffers - before.buffers };
}

/** The gradients of Σ w·f(xs) (seeded w) w.r.t. every input, read back. */
export function gradientsOf(
  f: (...xs: tf.Tensor[]) => tf.Tensor,
  inputs: { values: Float32Array; shape: number[] }[],
  seed: number,
): Float32Array[] {
  return tf.tidy(() => {
    const xs = inputs.map(({ values, shape }) => tf.tensor(values, shape));
    const outShape = f(...xs).shape;
    const w = tf.tensor(seededArray(sizeOf(outShape), seed), outShape);
    const grads = tf.grads((...args: tf.Tensor[]) => tf.sum(tf.mul(f(...args), w)))(xs);
    return grads.map((g) => Float32Array.from(g.dataSync()));
  });
}
