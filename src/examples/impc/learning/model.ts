/**
 * The UL variables ψ = [θ, γ] as tfjs variables:
 *   θ — the IMU denoiser (denoiser.ts describes the network; this is its tfjs twin, used for the update),
 *   γ — log p, the model's physical parameters (m, Jx, Jy, Jz) in log form: always positive, one scale for
 *       kilograms and kg·m², and a relative step size (Adam moves log p by about the learning rate).
 * Seeded (Glorot-uniform hidden layers from createRng; last layer and skip at zero, so the untrained
 * denoiser is the identity). Shapes are fixed by denoiser.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../il/rng';
import { trainableVariable } from '../../../il/variables';
import { AXES, DENOISER_NAMES, DENOISER_SHAPES, INPUT_SIZE } from './denoiser';
import { N_PARAMS, type PhysParams } from '../params';

export interface ImpcVariables {
  /** θ: W1, W2, W3, Ws (each with one slice per gyro axis). */
  denoiser: tf.Variable[];
  /** γ: log(m, Jx, Jy, Jz). */
  logP: tf.Variable;
  /** ψ in the problem's order: θ then γ. */
  all: tf.Variable[];
}

/** Glorot-uniform for the two hidden layers; zero for the output layer and the skip. */
function initialValue(
  index: number,
  shape: readonly number[],
  rng: ReturnType<typeof createRng>,
): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  if (index < 2) {
    const limit = Math.sqrt(6 / (shape[1] + shape[2]));
    for (let i = 0; i < size; i++) values[i] = rng.uniform(-limit, limit);
  }
  return values;
}

export function createImpcVariables(seed: number, pInit: PhysParams): ImpcVariables {
  const rng = createRng(seed).fork('impc-denoiser');
  const denoiser = DENOISER_SHAPES.map((shape, i) =>
    trainableVariable(
      `impc/denoiser/${DENOISER_NAMES[i]}`,
      tf.tensor(initialValue(i, shape, rng), [...shape]),
    ),
  );
  const logP = trainableVariable('impc/logP', tf.tensor1d(Float32Array.from(pInit, Math.log)));
  return { denoiser, logP, all: [...denoiser, logP] };
}

/**
 * The denoiser's outputs (before OUTPUT_SCALE) for a batch of windows [B, AXES · INPUT_SIZE] → [B, AXES]:
 * the three per-axis networks as batched matrix products over the axis dimension.
 */
export function denoiserForward(theta: readonly tf.Variable[], windows: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [W1, W2, W3, Ws] = theta as unknown as tf.Tensor3D[];
    const batch = windows.shape[0];
    const x = tf.transpose(tf.reshape(windows, [batch, AXES, INPUT_SIZE]), [1, 0, 2]) as tf.Tensor3D;
    const h1 = tf.tanh(tf.matMul(x, W1));
    const h2 = tf.tanh(tf.matMul(h1, W2));
    const out = tf.add(tf.matMul(h2, W3), tf.matMul(x, Ws));
    return tf.transpose(tf.reshape(out, [AXES, batch])) as tf.Tensor2D;
  });
}

/**
 * dU/dθ for an upstream gradient on the denoiser's outputs (the TS side computed dU/d outputs through the IMU
 * integration and the MPC): the gradient of Σ outputs ⊙ upstream. No readback.
 */
export function denoiserGradients(
  theta: readonly tf.Variable[],
  windows: Float32Array,
  upstream: Float32Array,
): tf.Tensor[] {
  const batch = windows.length / (AXES * INPUT_SIZE);
  return tf.tidy(() => {
    const x = tf.tensor2d(windows, [batch, AXES * INPUT_SIZE]);
    const g = tf.tensor2d(upstream, [batch, AXES]);
    const { value, grads } = tf.variableGrads(
      () => tf.sum(tf.mul(denoiserForward(theta, x), g)) as tf.Scalar,
      theta as tf.Variable[],
    );
    value.dispose();
    return theta.map((v) => grads[v.name]);
  });
}

/** One readback of ψ: θ flat (in DENOISER_SHAPES order) and p. */
export async function readPsi(vars: ImpcVariables): Promise<{ theta: Float32Array; p: Float64Array }> {
  const flat = tf.tidy(() => tf.concat(vars.all.map((v) => tf.reshape(v, [-1]))));
  const data = (await flat.data()) as Float32Array;
  flat.dispose();
  const thetaSize = data.length - N_PARAMS;
  return {
    theta: data.slice(0, thetaSize),
    p: Float64Array.from(data.subarray(thetaSize), Math.exp),
  };
}
