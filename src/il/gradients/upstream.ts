import * as tf from '@tensorflow/tfjs';

/**
 * Pulls a gradient computed outside tfjs (by a TypeScript LL engine) back through a network:
 * given ∂U/∂y for the network output y = forward(), returns ∂U/∂ψ for the variables, as the gradient of the
 * linear surrogate ⟨y, ∂U/∂y⟩. The forward runs again under the tape, so the solver never needs a synchronous
 * readback inside the tape (which stalls, and on webgpu breaks, the GPU backends).
 */
export function gradientsFromUpstream(
  variables: readonly tf.Variable[],
  forward: () => tf.Tensor,
  upstream: tf.Tensor,
): tf.Tensor[] {
  return tf.tidy(() => {
    const { grads } = tf.variableGrads(
      () => tf.sum(tf.mul(forward(), upstream)) as tf.Scalar,
      variables as tf.Variable[],
    );
    return variables.map((v) => grads[v.name] ?? tf.zerosLike(v));
  });
}
