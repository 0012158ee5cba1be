/**
 * The learned planner at run time: depth image + goal → f(θ, x) → key points → spline waypoints (the LL
 * solution) in the world frame. One asynchronous readback per call (sync reads break the webgpu backend).
 */
import * as tf from '@tensorflow/tfjs';
import type { DepthCameraSpec } from '../sensing/camera.ts';
import type { DepthNoise } from '../sensing/depth-noise.ts';
import { robotPathToWorld } from '../worlds/geometry.ts';
import { IMAGE_HEIGHT, IMAGE_WIDTH, KEYPOINTS, type PlannerNet } from '../learning/model.ts';
import { keypointsToWaypoints, type SplineOperator } from './spline.ts';
import { networkGoal, writeObservation, type PreparedWorld } from '../learning/training-data.ts';
import type { Point2, Pose2 } from '../worlds/types.ts';
import type { Rng } from '../../../il/rng.ts';

export interface NetworkOutput {
  /** [B·k·2] key points, robot frame. */
  keypoints: Float32Array;
  /** [B] collision probabilities. */
  fear: Float32Array;
}

/** f(θ, x) on a packed batch, read back once. */
export async function inferBatch(
  net: PlannerNet,
  depth: Float32Array,
  goal: Float32Array,
  size: number,
): Promise<NetworkOutput> {
  const packed = tf.tidy(() => {
    const out = net.apply(
      tf.tensor4d(depth, [size, IMAGE_HEIGHT, IMAGE_WIDTH, 1]),
      tf.tensor2d(goal, [size, 2]),
    );
    return tf.concat([tf.reshape(out.keypoints, [size, 2 * KEYPOINTS]), tf.reshape(out.fear, [size, 1])], 1);
  });
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  const keypoints = new Float32Array(size * 2 * KEYPOINTS);
  const fear = new Float32Array(size);
  for (let b = 0; b < size; b++) {
    const row = b * (2 * KEYPOINTS + 1);
    keypoints.set(data.subarray(row, row + 2 * KEYPOINTS), b * 2 * KEYPOINTS);
    fear[b] = data[row + 2 * KEYPOINTS];
  }
  return { keypoints, fear };
}

export interface LearnedPlan {
  /** The depth image the network saw (m, after noise). */
  depth: Float32Array;
  /** The goal given to the network (robot frame, clipped to the horizon). */
  goal: Point2;
  /** k key points, robot frame, interleaved. */
  keypoints: Float64Array;
  /** n waypoints, robot frame, interleaved (the start first). */
  waypoints: Float64Array;
  /** The same waypoints in the world frame. */
  path: Float64Array;
  fear: number;
  /** Wall-clock time of the network and the spline (ms), without the depth render. */
  ms: number;
}

/** Plan once from `pose` in a prepared world (batch of one). */
export async function planOnce(
  net: PlannerNet,
  op: SplineOperator,
  camera: DepthCameraSpec,
  prepared: PreparedWorld,
  pose: Pose2,
  goalWorld: Point2,
  noise: DepthNoise | null = null,
  rng: Rng | null = null,
): Promise<LearnedPlan> {
  const input = { depth: new Float32Array(IMAGE_HEIGHT * IMAGE_WIDTH), goal: new Float32Array(2) };
  const goal = networkGoal(pose, goalWorld, net.spec.horizon);
  const depth = Float32Array.from(writeObservation(input, 0, prepared, camera, pose, goal, noise, rng));
  const t0 = performance.now();
  const out = await inferBatch(net, input.depth, input.goal, 1);
  const keypoints = Float64Array.from(out.keypoints);
  const waypoints = keypointsToWaypoints(op, keypoints);
  const ms = performance.now() - t0;
  return {
    depth,
    goal,
    keypoints,
    waypoints,
    path: robotPathToWorld(pose, waypoints),
    fear: out.fear[0],
    ms,
  };
}
