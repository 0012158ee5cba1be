import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../il/rng';

/** A list of parameter tensors (θ or μ) treated as one vector: the linear algebra the gradient paths need. */
export type Params = tf.Tensor[];

export const addScaled = (a: Params, s: number, b: Params): Params =>
  a.map((x, i) => tf.add(x, tf.mul(b[i], s)));
export const dotAll = (a: Params, b: Params): tf.Scalar =>
  tf.addN(a.map((x, i) => tf.sum(tf.mul(x, b[i])))) as tf.Scalar;
export const sqNorm = (a: Params): tf.Scalar => dotAll(a, a);

/** Glorot-uniform dense weights [fanIn, fanOut] and zero bias, from the example's seeded stream. */
export function denseInit(rng: Rng, fanIn: number, fanOut: number): [tf.Tensor2D, tf.Tensor1D] {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = Float32Array.from({ length: fanIn * fanOut }, () => rng.uniform(-limit, limit));
  return [tf.tensor2d(w, [fanIn, fanOut]), tf.zeros([fanOut])];
}

/** x [..., fanIn] · W + b, for any leading shape (reshaped to 2-D for the matMul). */
export function dense(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const shape = x.shape;
  const flat = tf.reshape(x, [-1, w.shape[0] ?? 1]);
  const y = tf.add(tf.matMul(flat, w as tf.Tensor2D), b);
  return tf.reshape(y, [...shape.slice(0, -1), w.shape[1] ?? 1]);
}
