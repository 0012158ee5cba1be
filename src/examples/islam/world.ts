import { createRng } from '../../il/rng';
import { buildGraph } from './data/graph';
import { ate, rpe } from './data/metrics';
import { ROBOT_A, ROBOT_B } from './data/robot';
import { makeRun, type Run } from './data/run';
import { initMlp, predict, trainSupervised, type MlpWeights } from './model/mlp';
import type { IslamParams } from './params';
import { deadReckon } from './solver/se2';
import { solveTwoStage } from './solver/two-stage';
import type { TrajectoryErrors } from './contract';

export const HIDDEN = 16;
/** Every LL solve must end with max |∇_P L| below this (checked by the tests and the bench). */
export const LL_TOLERANCE = 1e-7;
export const HELD_OUT_DRIVES = 3;

/**
 * The seeded world of one run: the odometry network pre-trained with labels on robot A (the paper's TartanAir), the
 * unlabelled drives of robot B it adapts on (KITTI), and held-out drives of robot B (other seeds) for evaluation.
 */
export interface World {
  pretrained: MlpWeights;
  pool: Run[];
  heldOut: Run[];
}

export function pretrainOnRobotA(seed: number, pretrained = true): MlpWeights {
  const rng = createRng(seed).fork('robot-A');
  const w = initMlp(HIDDEN, rng.fork('init'));
  if (!pretrained) return w;
  const runs = [0, 1, 2].map((k) => makeRun('random-walk', 150, ROBOT_A, rng.fork(`drive-${k}`)));
  const x = Float32Array.from(runs.flatMap((r) => [...r.x]));
  const labels = Float64Array.from(runs.flatMap((r) => [...r.truthMotion]));
  trainSupervised(w, x, labels, 200, 0.01);
  return w;
}

export function makeWorld(params: IslamParams, seed: number): World {
  const rng = createRng(seed);
  const pool = Array.from({ length: params.drives }, (_, k) =>
    makeRun(params.trajectory, params.links, ROBOT_B, rng.fork(`drive-${k}`)),
  );
  const heldOut = Array.from({ length: HELD_OUT_DRIVES }, (_, k) =>
    makeRun(params.trajectory, params.links, ROBOT_B, rng.fork(`held-out-${k}`)),
  );
  return { pretrained: pretrainOnRobotA(seed, params.pretrained), pool, heldOut };
}

/** The supervised upper bound: the same network trained on robot B's drives with their ground-truth motions. */
export function supervisedUpperBound(world: World, steps = 300): MlpWeights {
  const w: MlpWeights = { hidden: world.pretrained.hidden, theta: Float64Array.from(world.pretrained.theta) };
  const x = Float32Array.from(world.pool.flatMap((r) => [...r.x]));
  const labels = Float64Array.from(world.pool.flatMap((r) => [...r.truthMotion]));
  trainSupervised(w, x, labels, steps, 0.005);
  return w;
}

export interface RunEstimate {
  frontEnd: Float64Array;
  optimised: Float64Array;
  trace: Float64Array[];
  errors: TrajectoryErrors;
  iterations: number;
  maxGradient: number;
  ms: number;
}

/** Front-end dead reckoning and the optimised trajectory (odometry + IMU + loops) of one drive, with their errors. */
export function estimateRun(weights: MlpWeights, run: Run, record = false): RunEstimate {
  const z = predict(weights, run.x);
  const { graph, start } = buildGraph(run, z, { imu: true, loops: true });
  const solved = solveTwoStage(graph, start, 200, LL_TOLERANCE, record);
  const r = rpe(start, run.truthPoses);
  return {
    frontEnd: start,
    optimised: solved.poses,
    trace: solved.trace,
    errors: {
      ateFrontEnd: ate(start, run.truthPoses),
      ateOptimised: ate(solved.poses, run.truthPoses),
      rpeTranslation: r.translation,
      rpeYawDeg: r.yawDeg,
    },
    iterations: solved.iterations,
    maxGradient: solved.maxGradient,
    ms: solved.ms,
  };
}

/** Mean errors over drives. */
export function evaluateOn(weights: MlpWeights, runs: readonly Run[]): TrajectoryErrors {
  const all = runs.map((r) => estimateRun(weights, r).errors);
  const mean = (k: keyof TrajectoryErrors) => all.reduce((a, e) => a + e[k], 0) / all.length;
  return {
    ateFrontEnd: mean('ateFrontEnd'),
    ateOptimised: mean('ateOptimised'),
    rpeTranslation: mean('rpeTranslation'),
    rpeYawDeg: mean('rpeYawDeg'),
  };
}

export { deadReckon };
