import type { Rng } from '../../../il/rng';
import { between, deadReckon, poseAt } from '../solver/se2';
import { encoderReading, IMU, trueMotion, type Robot } from './robot';
import { makeControls, type TrajectoryKind } from './trajectory';

export interface LoopClosure {
  i: number;
  j: number;
  z: Float64Array;
}

/** One drive of a robot: sensor readings x, IMU measurements, loop closures, and the ground truth (never a label). */
export interface Run {
  kind: TrajectoryKind;
  robot: string;
  /** Links = poses − 1. */
  links: number;
  /** Encoder readings, 2 per link: the network's input x. */
  x: Float32Array;
  /** IMU relative motions, 3 per link. */
  imu: Float64Array;
  loops: LoopClosure[];
  /** Ground truth: relative motions (3 per link) and poses (3 per pose), world metres. */
  truthMotion: Float64Array;
  truthPoses: Float64Array;
}

export const LOOP_SIGMA = { translation: 0.03, yaw: 0.01 };
const LOOP_RADIUS = 0.8;
const LOOP_MIN_GAP = 25;

/** A seeded drive of `links` steps; loop closures where the robot comes back within 0.8 m of an older pose. */
export function makeRun(kind: TrajectoryKind, links: number, robot: Robot, rng: Rng): Run {
  const controls = makeControls(kind, links, rng.fork('controls'));
  const sensors = rng.fork('sensors');
  const x = new Float32Array(2 * links);
  const imu = new Float64Array(3 * links);
  const truthMotion = new Float64Array(3 * links);
  for (let t = 0; t < links; t++) {
    const [l, r] = encoderReading(robot, controls.v[t], controls.w[t], sensors);
    x[2 * t] = l;
    x[2 * t + 1] = r;
    const m = trueMotion(robot, controls.v[t], controls.w[t]);
    truthMotion.set(m, 3 * t);
    imu[3 * t] = m[0] + IMU.translationSigma * sensors.normal();
    imu[3 * t + 1] = m[1] + IMU.translationSigma * sensors.normal();
    imu[3 * t + 2] = m[2] + IMU.yawSigma * sensors.normal();
  }
  const truthPoses = deadReckon(truthMotion);
  const loops: LoopClosure[] = [];
  let lastJ = -Infinity;
  for (let j = LOOP_MIN_GAP; j <= links; j++) {
    if (j - lastJ < 4) continue;
    for (let i = 0; i + LOOP_MIN_GAP <= j; i++) {
      const dx = truthPoses[3 * j] - truthPoses[3 * i];
      const dy = truthPoses[3 * j + 1] - truthPoses[3 * i + 1];
      if (Math.hypot(dx, dy) < LOOP_RADIUS) {
        const rel = between(poseAt(truthPoses, i), poseAt(truthPoses, j));
        const z = Float64Array.of(
          rel[0] + LOOP_SIGMA.translation * sensors.normal(),
          rel[1] + LOOP_SIGMA.translation * sensors.normal(),
          rel[2] + LOOP_SIGMA.yaw * sensors.normal(),
        );
        loops.push({ i, j, z });
        lastJ = j;
        break;
      }
    }
  }
  return { kind, robot: robot.name, links, x, imu, loops, truthMotion, truthPoses };
}
