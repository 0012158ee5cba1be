import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../il/rng';
import { PAIR_FEATURES, POS_FEATURES } from './data';
import { NB, NU } from './rules';
import { PATCH_SIZE } from './sprites';
import { sigmoid } from './ops';
import { dense, denseInit, type Params } from './tensors';

/**
 * The concept grounder f(θ, x), the UL variables θ: a unary MLP over each agent's sprite patch and position giving
 * the NU unary concept probabilities, and a pair MLP over the pair features giving the NB binary ones. Concept slots
 * are unnamed: nothing tells the network which slot is "IsAmbulance" (the probe finds out after training).
 */
export const GROUNDER_HIDDEN = 16;

export function initGrounder(rng: Rng): Params {
  return [
    ...denseInit(rng, PATCH_SIZE + POS_FEATURES, GROUNDER_HIDDEN),
    ...denseInit(rng, GROUNDER_HIDDEN, NU),
    ...denseInit(rng, PAIR_FEATURES, GROUNDER_HIDDEN),
    ...denseInit(rng, GROUNDER_HIDDEN, NB),
  ];
}

export const GROUNDER_NAMES = [
  'unary/w1',
  'unary/b1',
  'unary/w2',
  'unary/b2',
  'pair/w1',
  'pair/b1',
  'pair/w2',
  'pair/b2',
];

export interface SceneTensors {
  /** [S, N, PATCH_SIZE + POS_FEATURES] */
  agents: tf.Tensor3D;
  /** [S, N, N, PAIR_FEATURES] */
  pairs: tf.Tensor4D;
  /** [N, N] ones off the diagonal. */
  offDiagonal: tf.Tensor2D;
}

export interface Concepts {
  /** [S, N, NU] */
  unary: tf.Tensor3D;
  /** [S, N, N, NB], zero on the diagonal. */
  binary: tf.Tensor4D;
}

export function ground(theta: Params, x: SceneTensors): Concepts {
  const hu = tf.relu(dense(x.agents, theta[0], theta[1]));
  const unary = sigmoid(dense(hu, theta[2], theta[3])) as tf.Tensor3D;
  const hb = tf.relu(dense(x.pairs, theta[4], theta[5]));
  const raw = sigmoid(dense(hb, theta[6], theta[7]));
  const binary = tf.mul(raw, tf.reshape(x.offDiagonal, [1, ...x.offDiagonal.shape, 1])) as tf.Tensor4D;
  return { unary, binary };
}
