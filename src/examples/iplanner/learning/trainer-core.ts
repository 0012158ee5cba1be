/**
 * One training step of iPlanner, without the Problem plumbing: sample x, run f(θ, x) once to read the key points
 * and the fear back, score the plans in TypeScript (U with ∂U/∂W, L), then differentiate the U-bridge through the
 * spline's constant matmul and the network to get dU/dθ.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../../il/rng.ts';
import type { DepthCameraSpec } from '../sensing/camera.ts';
import type { DepthNoise } from '../sensing/depth-noise.ts';
import { inferBatch } from '../planning/learned-planner.ts';
import { IMAGE_HEIGHT, IMAGE_WIDTH, type PlannerNet } from './model.ts';
import type { SplineOperator } from '../planning/spline.ts';
import { upperCostBridge, waypointsOf, type SplineTensors } from '../planning/spline-tensor.ts';
import { sampleBatch, type PreparedWorld, type SampleBatch } from './training-data.ts';
import { batchCost, type BatchCost, type PlanContext } from './ul-batch.ts';
import type { UlSettings } from './ul-cost.ts';

export interface TrainingSetup {
  net: PlannerNet;
  op: SplineOperator;
  spline: SplineTensors;
  camera: DepthCameraSpec;
  worlds: readonly PreparedWorld[];
  noise: DepthNoise;
  maxBearingRad: number;
  ul: Partial<UlSettings>;
  /** Share of the views taken along approach routes (0: starts only). */
  approachShare?: number;
}

export interface TrainingStep {
  /** dU/dθ in the order of net.variables (owned by the caller). */
  gradients: tf.Tensor[];
  cost: BatchCost;
  batch: SampleBatch;
}

export function contextsOf(batch: SampleBatch, worlds: readonly PreparedWorld[]): PlanContext[] {
  return batch.samples.map((s) => ({ pose: s.pose, goal: s.goal, map: worlds[s.worldIndex].map }));
}

/** U of a packed batch and its gradient with respect to θ (the batch is drawn from rng). */
export async function trainingStep(setup: TrainingSetup, rng: Rng, batchSize: number): Promise<TrainingStep> {
  const { net, camera } = setup;
  const batch = sampleBatch(
    setup.worlds,
    rng,
    batchSize,
    camera,
    setup.noise,
    setup.maxBearingRad,
    net.spec.horizon,
    setup.approachShare ?? 0,
  );
  return gradientOfBatch(setup, batch);
}

export async function gradientOfBatch(setup: TrainingSetup, batch: SampleBatch): Promise<TrainingStep> {
  const { net, op, spline } = setup;
  const size = batch.samples.length;
  const out = await inferBatch(net, batch.depth, batch.goal, size);
  const cost = batchCost(op, out.keypoints, out.fear, contextsOf(batch, setup.worlds), setup.ul);
  const n = op.options.n;
  const gradients = tf.tidy(() => {
    const depth = tf.tensor4d(batch.depth, [size, IMAGE_HEIGHT, IMAGE_WIDTH, 1]);
    const goal = tf.tensor2d(batch.goal, [size, 2]);
    const gradW = tf.tensor3d(cost.gradWaypoints, [size, n, 2]);
    const gradFear = tf.tensor1d(cost.gradFear);
    const { grads } = tf.variableGrads(() => {
      const f = net.apply(depth, goal);
      return upperCostBridge(waypointsOf(spline, f.keypoints), f.fear, cost.upper, gradW, gradFear);
    }, net.variables);
    return net.variables.map((v) => grads[v.name]);
  });
  return { gradients, cost, batch };
}
