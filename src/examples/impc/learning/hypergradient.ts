/**
 * One UL step's hypergradient dU/dψ as tfjs tensors, from a flown segment: TypeScript computes dU/dp and
 * dU/d(denoised gyro) (ul-segment.ts); the latter, scaled to the network's outputs, is the upstream gradient
 * of tfjs's backward pass through the denoiser (model.ts). dU/d log p = p ⊙ dU/dp.
 */
import * as tf from '@tensorflow/tfjs';
import { AXES, INPUT_SIZE, OUTPUT_SCALE, windowFeatures } from './denoiser';
import { type ImpcVariables, denoiserGradients } from './model';
import type { MpcContext } from '../mpc/mpc';
import type { Segment } from '../vehicle/training-flight';
import { type SegmentCost, type SegmentCostOptions, segmentCost } from './ul-segment';

/** The denoiser's input windows for every sample of the segment, [samples × AXES · INPUT_SIZE]. */
export function segmentWindows(segment: Segment): Float32Array {
  const width = AXES * INPUT_SIZE;
  const windows = new Float32Array(segment.raw.length * width);
  for (let i = 0; i < segment.raw.length; i++)
    windowFeatures(segment.history, segment.historyStart + i, windows, i * width);
  return windows;
}

export interface Hypergradient {
  /** In the order of ImpcVariables.all. Ownership passes to the caller. */
  gradients: tf.Tensor[];
  cost: SegmentCost;
}

export function segmentHypergradient(
  vars: ImpcVariables,
  ctx: MpcContext,
  segment: Segment,
  options: SegmentCostOptions,
): Hypergradient {
  const cost = segmentCost(ctx, segment, options);
  const upstream = Float32Array.from(cost.gradGyro, (g) => g * OUTPUT_SCALE);
  const thetaGrads = denoiserGradients(vars.denoiser, segmentWindows(segment), upstream);
  const logPGrad = tf.tensor1d(Float32Array.from(cost.gradP, (g, j) => g * ctx.p[j]));
  return { gradients: [...thetaGrads, logPGrad], cost };
}
