import * as tf from '@tensorflow/tfjs';

/**
 * sigmoid, exp and logSoftmax that tfjs differentiates correctly twice.
 *
 * tfjs 4.22's own kernels for these ops save their *output* y for the backward pass (∂exp = dy·y, ∂σ = dy·y(1−y),
 * ∂logSoftmax = dy − Σdy·exp(y)). The engine saves y as a clone made inside the kernel call, so the clone's tape
 * node is pushed *before* the node of the op that produced y; `getFilteredNodesXToY` walks the tape forwards and
 * never connects y to its clone. A second derivative (the gradient of a gradient) therefore drops every term that
 * flows through the saved output: the first derivative is right, the second is silently wrong (measured on cpu and
 * wasm alike; src/examples/ilogic/ops.test.ts shows it). The versions here save only their *input* x, whose producer
 * is already on the tape, and recompute what they need from it, so the backward pass is an ordinary, recorded tfjs
 * computation and differentiating it again is exact.
 */
/** A unary op whose backward pass is written from its saved input x only. */
function fromInput(
  forward: (x: tf.Tensor) => tf.Tensor,
  backward: (dy: tf.Tensor, x: tf.Tensor) => tf.Tensor,
): (x: tf.Tensor) => tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, save] = args;
    if (!(x instanceof tf.Tensor) || typeof save !== 'function')
      throw new Error('fromInput: (x, save) expected');
    save([x]);
    return {
      value: forward(x),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => backward(dy, saved[0]),
    };
  });
  return (x) => op(x);
}

export const sigmoid = fromInput(tf.sigmoid, (dy, x) => {
  const s = tf.sigmoid(x);
  return tf.mul(dy, tf.mul(s, tf.sub(1, s)));
});

export const exp = fromInput(tf.exp, (dy, x) => tf.mul(dy, tf.exp(x)));

/** log-softmax over the last axis. */
export const logSoftmax = fromInput(
  (x) => tf.logSoftmax(x),
  (dy, x) => tf.sub(dy, tf.mul(tf.sum(dy, -1, true), tf.softmax(x))),
);
