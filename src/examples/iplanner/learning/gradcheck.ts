/**
 * The live gradient check of the whole UL chain, key points → W = B·[0; P] → U: the gradient that training hands
 * to θ (tfjs: the U-bridge differentiated through the spline's constant matmul), the same chain in TypeScript
 * (Bᵀ ∂U/∂W), and central finite differences of U itself. Also ∂L/∂P = 2QP against finite differences of L.
 */
import * as tf from '@tensorflow/tfjs';
import { finiteDifferenceGradient, relativeError } from '../../../il/gradients/finite-difference.ts';
import {
  keypointsToWaypoints,
  splineEnergy,
  waypointGradToKeypoints,
  type SplineOperator,
} from '../planning/spline.ts';
import { upperCostBridge, waypointsOf, type SplineTensors } from '../planning/spline-tensor.ts';
import type { PlanContext } from './ul-batch.ts';
import { upperLevelCost, type UlSettings } from './ul-cost.ts';

export interface GradientCheck {
  /** The key points checked at (robot frame, interleaved). */
  keypoints: number[];
  upper: number;
  lower: number;
  /** ∂U/∂P as training computes it (tfjs, through the bridge and the constant B). */
  tfjs: number[];
  /** ∂U/∂P = Bᵀ ∂U/∂W in TypeScript (float64). */
  analytic: number[];
  /** Central differences of U (float64). */
  numeric: number[];
  relErrorTfjs: number;
  relErrorAnalytic: number;
  /** ∂L/∂P = 2QP vs central differences of L. */
  lowerAnalytic: number[];
  lowerNumeric: number[];
  relErrorLower: number;
  /** Finite-difference step (m). */
  h: number;
}

export async function checkGradient(
  op: SplineOperator,
  spline: SplineTensors,
  keypoints: ArrayLike<number>,
  fear: number,
  ctx: PlanContext,
  settings: Partial<UlSettings>,
  // Small, so that a probe rarely crosses a cost-map cell edge (where the bilinear gradient jumps).
  h = 1e-6,
): Promise<GradientCheck> {
  const p = Float64Array.from(keypoints);
  const u = (kp: Float64Array) => upperLevelCost(keypointsToWaypoints(op, kp), fear, ctx, settings).total;
  const at = upperLevelCost(keypointsToWaypoints(op, p), fear, ctx, settings);
  const analytic = waypointGradToKeypoints(op, at.gradWaypoints);
  const numeric = finiteDifferenceGradient(u, p, h);
  const { n, k } = op.options;
  const grad = tf.tidy(() => {
    const kp = tf.tensor3d(Float32Array.from(p), [1, k, 2]);
    const f = tf.tensor1d([fear]);
    const gW = tf.tensor3d(Float32Array.from(at.gradWaypoints), [1, n, 2]);
    const gF = tf.tensor1d([at.gradFear]);
    return tf.grad((x: tf.Tensor) =>
      upperCostBridge(waypointsOf(spline, x as tf.Tensor3D), f, at.total, gW, gF),
    )(kp);
  });
  const viaTfjs = Array.from(await grad.data());
  grad.dispose();
  const energy = splineEnergy(op, p);
  const lowerNumeric = finiteDifferenceGradient((kp) => splineEnergy(op, kp).value, p, h);
  return {
    keypoints: Array.from(p),
    upper: at.total,
    lower: energy.value,
    tfjs: viaTfjs,
    analytic: Array.from(analytic),
    numeric: Array.from(numeric),
    relErrorTfjs: relativeError(viaTfjs, numeric),
    relErrorAnalytic: relativeError(analytic, numeric),
    lowerAnalytic: Array.from(energy.grad),
    lowerNumeric: Array.from(lowerNumeric),
    relErrorLower: relativeError(energy.grad, lowerNumeric),
    h,
  };
}
