/**
 * The LL solution g in tfjs: the spline's waypoints are a constant linear map of the key points, W = B·[p₀; P]
 * with p₀ = 0 (the robot), so autograd crosses the LL by one matmul per axis (the closed-form gradient path).
 * And the bridge for U: its value and ∂U/∂W, ∂U/∂fear come from TypeScript (ul-cost.ts) and are handed to tfjs as
 * the gradient of a scalar with tf.customGrad, so backprop carries them through B into θ.
 */
import * as tf from '@tensorflow/tfjs';
import type { SplineOperator } from './spline.ts';

export interface SplineTensors {
  /** Bᵀ without the start's row (the start is the origin): [k, n] per axis. */
  bxT: tf.Tensor2D;
  byT: tf.Tensor2D;
  dispose(): void;
}

function transposedWithoutStart(B: Float64Array, n: number, k: number): Float32Array {
  const m = k + 1;
  const out = new Float32Array(k * n);
  for (let i = 1; i < m; i++) for (let j = 0; j < n; j++) out[(i - 1) * n + j] = B[j * m + i];
  return out;
}

export function splineTensors(op: SplineOperator): SplineTensors {
  const { n, k } = op.options;
  const bxT = tf.tensor2d(transposedWithoutStart(op.x.B, n, k), [k, n]);
  const byT = tf.tensor2d(transposedWithoutStart(op.y.B, n, k), [k, n]);
  return { bxT, byT, dispose: () => tf.dispose([bxT, byT]) };
}

/** Key points [B, k, 2] (robot frame) → waypoints [B, n, 2], the start (origin) included. */
export function waypointsOf(spline: SplineTensors, keypoints: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, k] = keypoints.shape;
    const [kx, ky] = tf.split(keypoints, 2, 2).map((t) => tf.reshape(t, [batch, k]) as tf.Tensor2D);
    return tf.stack([tf.matMul(kx, spline.bxT), tf.matMul(ky, spline.byT)], 2) as tf.Tensor3D;
  });
}

/**
 * A scalar whose value is U (computed in TypeScript) and whose gradients with respect to W [B, n, 2] and
 * fear [B] are the given ∂U/∂W and ∂U/∂fear: differentiate it with tf.variableGrads to reach θ.
 */
export function upperCostBridge(
  waypoints: tf.Tensor3D,
  fear: tf.Tensor1D,
  value: number,
  gradW: tf.Tensor3D,
  gradFear: tf.Tensor1D,
): tf.Scalar {
  // The inputs are only the gradients' destinations; the forward value is the constant U.
  const bridge = tf.customGrad(() => ({
    value: tf.scalar(value),
    gradFunc: (dy: tf.Tensor) => [tf.mul(gradW, dy), tf.mul(gradFear, dy)],
  }));
  return bridge(waypoints, fear) as tf.Scalar;
}
