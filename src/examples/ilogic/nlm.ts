import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../il/rng';
import type { Concepts } from './grounder';
import { NA, NB, NU } from './rules';
import { exp, sigmoid } from './ops';
import { dense, denseInit, type Params } from './tensors';

/**
 * The reasoning engine g(μ, ·): a Neural Logic Machine (Dong et al., 2019) of breadth 2 (unary and binary
 * predicates over the agents) and depth 3, the LL variables μ. Each layer applies a shared MLP (sigmoid) to every
 * agent and every ordered pair, after
 *   expansion  (a unary predicate p(X) becomes binary p(X) and p(Y)),
 *   reduction  (a binary predicate q(X, Y) becomes unary ∃Y q(X, Y) and ∀Y q(X, Y)),
 *   permutation (q(X, Y) next to q(Y, X)).
 * ∃ and ∀ are max and min over the other agents, smoothed as τ·logsumexp(·/τ): a hard max splits its gradient among
 * ties, and float32 ties break differently on each backend; the smooth max has no ties and differs from max by at
 * most τ·log N.
 */
export const NLM_TAU = 0.05;

export interface NlmShape {
  hidden: number;
}

const L1_UNARY_IN = NU + 4 * NB;
const L1_BINARY_IN = 2 * NB + 2 * NU;

export function initNlm(rng: Rng, { hidden: h }: NlmShape): Params {
  return [
    ...denseInit(rng, L1_UNARY_IN, h),
    ...denseInit(rng, L1_BINARY_IN, h),
    ...denseInit(rng, 3 * h + NU, h),
    ...denseInit(rng, h, NA),
  ];
}

export const NLM_NAMES = [
  'l1/unary/w',
  'l1/unary/b',
  'l1/binary/w',
  'l1/binary/b',
  'l2/unary/w',
  'l2/unary/b',
  'out/w',
  'out/b',
];

/** ∃Y over axis 2 of [S, N, N, C], excluding Y = X (the diagonal gets −∞ in effect). */
function exists(q: tf.Tensor4D, diagonal: tf.Tensor4D): tf.Tensor3D {
  const masked = tf.sub(q, tf.mul(diagonal, 1e3));
  // Written out (no shift by the max): inputs lie in [0, 1], so exp(x/τ) ≤ e^20. tf.logSumExp (and tf.exp) would
  // be wrong under a second derivative (ops.ts), and the unrolled and implicit paths differentiate twice.
  return tf.mul(tf.log(tf.sum(exp(tf.div(masked, NLM_TAU)), 2)), NLM_TAU) as tf.Tensor3D;
}
const forall = (q: tf.Tensor4D, diagonal: tf.Tensor4D): tf.Tensor3D =>
  tf.neg(exists(tf.neg(q) as tf.Tensor4D, diagonal));

/** Action logits [S, N, NA] from the grounded concepts. */
export function nlmForward(mu: Params, c: Concepts): tf.Tensor3D {
  const [s, n] = c.unary.shape;
  const diagonal = tf.reshape(tf.eye(n), [1, n, n, 1]) as tf.Tensor4D;
  const b = c.binary;
  const bT = tf.transpose(b, [0, 2, 1, 3]) as tf.Tensor4D;
  const u = c.unary;
  const unaryIn = tf.concat(
    [u, exists(b, diagonal), forall(b, diagonal), exists(bT, diagonal), forall(bT, diagonal)],
    2,
  );
  const h1u = sigmoid(dense(unaryIn, mu[0], mu[1]));
  const uX = tf.tile(tf.reshape(u, [s, n, 1, NU]), [1, 1, n, 1]);
  const uY = tf.tile(tf.reshape(u, [s, 1, n, NU]), [1, n, 1, 1]);
  const binaryIn = tf.concat([b, bT, uX, uY], 3);
  const h1b = sigmoid(dense(binaryIn, mu[2], mu[3])) as tf.Tensor4D;
  const l2In = tf.concat([h1u, u, exists(h1b, diagonal), forall(h1b, diagonal)], 2);
  const h2u = sigmoid(dense(l2In, mu[4], mu[5]));
  return dense(h2u, mu[6], mu[7]) as tf.Tensor3D;
}
