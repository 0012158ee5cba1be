import * as tf from '@tensorflow/tfjs';
import { trainableVariable } from '../../../il/variables';
import { INPUT_SCALE, OUTPUT_SCALE, shapes, type MlpWeights } from './mlp';

const NAMES = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'];

/** ψ = θ as tfjs variables, initialised from the (pre-trained) plain-TypeScript weights. */
export function networkVariables(w: MlpWeights): tf.Variable[] {
  let o = 0;
  return shapes(w.hidden).map((shape, k) => {
    const size = shape.reduce((p, q) => p * q, 1);
    const values = Float32Array.from(w.theta.subarray(o, o + size));
    o += size;
    return trainableVariable(`islam/odometry/${NAMES[k]}`, tf.tensor(values, shape));
  });
}

/** f(θ, x) in tfjs: x is [links, 2], the result [links, 3] (dx, dy, dψ). */
export function forward(variables: readonly tf.Variable[], x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [w1, b1, w2, b2, w3, b3] = variables;
    const a = tf.tanh(tf.add(tf.matMul(tf.mul(x, INPUT_SCALE), w1), b1));
    const b = tf.tanh(tf.add(tf.matMul(a, w2), b2));
    return tf.mul(tf.add(tf.matMul(b, w3), b3), tf.tensor1d([...OUTPUT_SCALE])) as tf.Tensor2D;
  });
}

/** Reads θ back to the plain layout (for evaluations in TypeScript). */
export async function readWeights(variables: readonly tf.Variable[], hidden: number): Promise<MlpWeights> {
  const parts = await Promise.all(variables.map((v) => v.data()));
  const theta = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    theta.set(p, o);
    o += p.length;
  }
  return { hidden, theta };
}
