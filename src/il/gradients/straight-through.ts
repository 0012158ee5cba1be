import * as tf from '@tensorflow/tfjs';

/**
 * Straight-through helpers. tfjs has no stop-gradient op, so both are written with `tf.customGrad`.
 */

/** Identity forward, zero gradient backward. */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: (args[0] as tf.Tensor).clone(),
    gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
  }));
  return f(x) as T;
}

/**
 * Forward: `hard`. Backward: the gradient goes to `soft` as if the forward had been `soft`
 * (y = hard + soft − sg(soft)). `hard` is a constant (e.g. a one-hot argmax or a solver's discrete output).
 */
export function straightThrough<T extends tf.Tensor>(soft: T, hard: tf.Tensor): T {
  // The input is only the gradient's destination; the forward value is the constant `hard`.
  const f = tf.customGrad(() => ({
    value: hard.clone(),
    gradFunc: (dy: tf.Tensor) => dy,
  }));
  return f(soft) as T;
}

/**
 * Straight-through one-hot selection along the last axis: forward a hard argmax of −scores/τ (the node an A*
 * would pick), backward the gradient of softmax(−scores/τ). Used for differentiable selection over an open list.
 */
export function straightThroughArgmin(scores: tf.Tensor, temperature: number): tf.Tensor {
  return tf.tidy(() => {
    const soft = tf.softmax(tf.div(tf.neg(scores), temperature));
    const depth = scores.shape[scores.shape.length - 1];
    const hard = tf.oneHot(tf.argMin(scores, -1), depth).toFloat();
    return straightThrough(soft, hard);
  });
}
