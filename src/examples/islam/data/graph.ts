import { information, type PoseEdge, type PoseGraph } from '../solver/pose-graph';
import { deadReckon } from '../solver/se2';
import { IMU } from './robot';
import { LOOP_SIGMA, type Run } from './run';

/** σ of the learned odometry edges (the network's motions): translation precise, yaw left to the gyro. */
export const ODOMETRY_SIGMA = { translation: 0.02, yaw: 0.02 };
const ODOMETRY_INFO = information(ODOMETRY_SIGMA.translation, ODOMETRY_SIGMA.translation, ODOMETRY_SIGMA.yaw);
const IMU_INFO = information(IMU.translationSigma, IMU.translationSigma, IMU.yawSigma);
const LOOP_INFO = information(LOOP_SIGMA.translation, LOOP_SIGMA.translation, LOOP_SIGMA.yaw);
/** Cauchy width of loop closures, in √chi² units. */
export const LOOP_KERNEL = 3;

export interface GraphOptions {
  imu: boolean;
  loops: boolean;
}

/**
 * The LL problem of one run: odometry edges from the network's motions z = f(θ, x) (edge k is link k), IMU edges,
 * robust loop closures; the start is the dead reckoning of z. Links [from, from + count) only, re-based to pose 0.
 */
export function buildGraph(
  run: Run,
  motions: Float64Array,
  options: GraphOptions,
  from = 0,
  count = run.links,
): { graph: PoseGraph; start: Float64Array } {
  const edges: PoseEdge[] = [];
  for (let k = 0; k < count; k++) {
    const t = from + k;
    edges.push({
      i: k,
      j: k + 1,
      z: motions.slice(3 * k, 3 * k + 3),
      info: ODOMETRY_INFO,
      kind: 'odometry',
      robust: 0,
    });
    if (options.imu)
      edges.push({
        i: k,
        j: k + 1,
        z: run.imu.slice(3 * t, 3 * t + 3),
        info: IMU_INFO,
        kind: 'imu',
        robust: 0,
      });
  }
  if (options.loops)
    for (const loop of run.loops)
      if (loop.i >= from && loop.j <= from + count)
        edges.push({
          i: loop.i - from,
          j: loop.j - from,
          z: loop.z,
          info: LOOP_INFO,
          kind: 'loop',
          robust: LOOP_KERNEL,
        });
  return { graph: { poseCount: count + 1, edges }, start: deadReckon(motions.subarray(0, 3 * count)) };
}
