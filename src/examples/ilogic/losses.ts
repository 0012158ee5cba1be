import * as tf from '@tensorflow/tfjs';
import { ground, type SceneTensors } from './grounder';
import { nlmForward } from './nlm';
import { NA } from './rules';
import { logSoftmax } from './ops';
import { sqNorm, type Params } from './tensors';

/** A batch as tensors: the scene x, the observed next actions as one-hot rows and each agent's class weight. */
export interface Batch {
  x: SceneTensors;
  /** [S·N, NA] */
  oneHot: tf.Tensor2D;
  /** [S·N] inverse-frequency weight of each agent's true action. */
  weight: tf.Tensor1D;
}

/** Each agent's cross-entropy CE_k of the NLM's action predictions, [S·N]. */
export function crossEntropyPerAgent(logits: tf.Tensor, batch: Batch): tf.Tensor1D {
  const flat = tf.reshape(logits, [-1, NA]);
  return tf.neg(tf.sum(tf.mul(batch.oneHot, logSoftmax(flat)), 1)) as tf.Tensor1D;
}

/** Class-weighted cross-entropy of the NLM's action predictions: Σ_k w_k CE_k / Σ_k w_k. */
export function weightedCrossEntropy(logits: tf.Tensor, batch: Batch): tf.Scalar {
  const ce = crossEntropyPerAgent(logits, batch);
  return tf.div(tf.sum(tf.mul(ce, batch.weight)), tf.sum(batch.weight)) as tf.Scalar;
}

/** L(θ, μ) on the LL's (training) batch, with a small ridge term λ‖μ‖² that keeps its Hessian well conditioned. */
export function lowerCost(theta: Params, mu: Params, batch: Batch, ridge: number): tf.Scalar {
  const ce = weightedCrossEntropy(nlmForward(mu, ground(theta, batch.x)), batch);
  return tf.add(ce, tf.mul(sqNorm(mu), ridge)) as tf.Scalar;
}

/** U's terms CE_k(θ, μ), unweighted (the gradient check differences them agent by agent, in float64). */
export function upperTerms(theta: Params, mu: Params, batch: Batch): tf.Tensor1D {
  return crossEntropyPerAgent(nlmForward(mu, ground(theta, batch.x)), batch);
}

/** U(θ, μ) on the UL's held-out batch. */
export function upperCost(theta: Params, mu: Params, batch: Batch): tf.Scalar {
  return weightedCrossEntropy(nlmForward(mu, ground(theta, batch.x)), batch);
}
