/**
 * Learned vs classical on a set of episodes. The learned planner drives (drive.ts): it replans from its own
 * depth image every `replanEvery` time steps and the robot follows the latest spline; all episodes advance in
 * lockstep so that each replanning round is one batched network call. The classical planner plans once on the
 * fully known cost map (A* + smoothing) and its path is followed exactly. Success, path length, SPL (against the
 * reference shortest path) and the median planning time per plan (learned: batch of one, without the depth
 * render, which is the sensor's job; classical: search and smoothing on the given map).
 */
import type { DepthCameraSpec } from '../sensing/camera.ts';
import { classicalPlan, shortestPathLength } from '../planning/baseline.ts';
import { splitSeed } from '../learning/datasets.ts';
import {
  driveStep,
  initialDriveState,
  type DriveParams,
  type DriveState,
  type DriveStatus,
} from '../planning/drive.ts';
import { sampleEpisode, type EpisodeOptions } from './episodes.ts';
import { driveDepthClassical, type DepthClassicalResult } from './depth-classical.ts';
import { robotPathToWorld } from '../worlds/geometry.ts';
import { inferBatch, planOnce } from '../planning/learned-planner.ts';
import { navigationMetrics, type EpisodeOutcome, type NavigationMetrics } from './metrics.ts';
import { IMAGE_HEIGHT, IMAGE_WIDTH, KEYPOINTS, type PlannerNet } from '../learning/model.ts';
import { keypointsToWaypoints, type SplineOperator } from '../planning/spline.ts';
import {
  networkGoal,
  prepareWorld,
  writeObservation,
  type PreparedWorld,
} from '../learning/training-data.ts';
import type { Point2, Pose2, World, WorldKind } from '../worlds/types.ts';
import { createRng } from '../../../il/rng.ts';
import { generateWorld } from '../worlds/worlds.ts';

export interface EvalEpisode {
  prepared: PreparedWorld;
  start: Pose2;
  goal: Point2;
  /** Reference shortest path length (m) for SPL. */
  shortest: number;
}

/** Held-out episodes: goals 3–10 m away whose shortest path is at most maxDetour × the straight line. */
export const EVAL_EPISODE_OPTIONS: Partial<EpisodeOptions> = {
  minClearance: 0.5,
  minGoalDistance: 3,
  maxGoalDistance: 10,
  maxGoalBearing: Math.PI / 4,
  maxDetour: 1.5,
  attempts: 400,
};

/** `worlds` test-split worlds of each kind (seeds training never sees), `perWorld` episodes each. */
export function heldOutEpisodes(
  kinds: readonly WorldKind[],
  worlds: number,
  perWorld: number,
  options: Partial<EpisodeOptions> = EVAL_EPISODE_OPTIONS,
): EvalEpisode[] {
  const out: EvalEpisode[] = [];
  for (const kind of kinds)
    for (let i = 0; i < worlds; i++) {
      const seed = splitSeed('test', i);
      const prepared = prepareWorld(generateWorld(kind, seed, { episode: { maxDetour: Infinity } }));
      const rng = createRng(seed).fork(`eval-${kind}`);
      for (let e = 0; e < perWorld; e++) {
        const ep = sampleEpisode(prepared.world, prepared.map, rng, options, prepared.components);
        if (!ep) continue;
        const shortest = shortestPathLength(prepared.world, prepared.map, ep.start, ep.goal);
        if (Number.isFinite(shortest)) out.push({ prepared, start: ep.start, goal: ep.goal, shortest });
      }
    }
  return out;
}

/** The single episode of a world's own scene (the editor's world). */
export function sceneEpisode(world: World, prepared: PreparedWorld = prepareWorld(world)): EvalEpisode {
  return {
    prepared,
    start: world.start,
    goal: world.goal,
    shortest: shortestPathLength(world, prepared.map, world.start, world.goal),
  };
}

export interface DriveOptions {
  /** Replan every this many time steps (dt = 0.1 s: 2 → 5 plans per second). */
  replanEvery: number;
  drive: Partial<DriveParams>;
  /** Time limit (s) = base + perMetre · shortest / speed. */
  timeBase: number;
  timePerMetre: number;
}

export const DEFAULT_DRIVE_OPTIONS: DriveOptions = {
  replanEvery: 2,
  drive: { lookahead: 1.5 },
  timeBase: 10,
  timePerMetre: 3,
};

export interface DriveResult {
  outcomes: EpisodeOutcome[];
  statuses: DriveStatus[];
  /** Robot traces (world, interleaved), one per episode. */
  traces: Float64Array[];
}

/** Drive every episode with the learned planner, all in lockstep (one batched network call per round). */
export async function driveLearned(
  net: PlannerNet,
  op: SplineOperator,
  camera: DepthCameraSpec,
  episodes: readonly EvalEpisode[],
  options: Partial<DriveOptions> = {},
): Promise<DriveResult> {
  const o = { ...DEFAULT_DRIVE_OPTIONS, ...options };
  const size = episodes.length;
  const states: DriveState[] = episodes.map((e) => initialDriveState(e.start));
  const plans: Float64Array[] = episodes.map(() => new Float64Array(0));
  const traces: number[][] = episodes.map((e) => [e.start.x, e.start.y]);
  const limits = episodes.map((e) => ({
    ...o.drive,
    timeLimit: o.timeBase + (o.timePerMetre * e.shortest) / (o.drive.speed ?? 1),
  }));
  const batch = {
    depth: new Float32Array(size * IMAGE_HEIGHT * IMAGE_WIDTH),
    goal: new Float32Array(2 * size),
  };
  const scratch = new Float32Array(IMAGE_HEIGHT * IMAGE_WIDTH);
  for (let step = 0; states.some((s) => s.status === 'running'); step++) {
    if (step % o.replanEvery === 0) {
      const poses: Pose2[] = [];
      states.forEach((s, b) => {
        poses[b] = s.pose;
        if (s.status !== 'running') return;
        const goal = networkGoal(s.pose, episodes[b].goal, net.spec.horizon);
        writeObservation(batch, b, episodes[b].prepared, camera, s.pose, goal, null, null, scratch);
      });
      const out = await inferBatch(net, batch.depth, batch.goal, size);
      states.forEach((s, b) => {
        if (s.status !== 'running') return;
        const kp = out.keypoints.subarray(b * 2 * KEYPOINTS, (b + 1) * 2 * KEYPOINTS);
        plans[b] = robotPathToWorld(poses[b], keypointsToWaypoints(op, kp));
      });
    }
    states.forEach((s, b) => {
      if (s.status !== 'running') return;
      states[b] = driveStep(episodes[b].prepared.world, s, plans[b], episodes[b].goal, limits[b]);
      traces[b].push(states[b].pose.x, states[b].pose.y);
    });
  }
  return {
    outcomes: states.map((s, b) => ({
      success: s.status === 'reached',
      // Reaching counts within the goal tolerance; add the rest, as the classical path ends on the goal.
      pathLength:
        s.travelled +
        (s.status === 'reached'
          ? Math.hypot(s.pose.x - episodes[b].goal.x, s.pose.y - episodes[b].goal.y)
          : 0),
      shortestLength: episodes[b].shortest,
      msPerPlan: NaN,
    })),
    statuses: states.map((s) => s.status),
    traces: traces.map((t) => Float64Array.from(t)),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : NaN;
}

/**
 * Median wall-clock time (ms) of one learned plan (batch of one: network + spline, no depth render) after a
 * warm-up, and the median time of the depth render it needs.
 */
export async function learnedPlanLatency(
  net: PlannerNet,
  op: SplineOperator,
  camera: DepthCameraSpec,
  episodes: readonly EvalEpisode[],
  plans = 20,
): Promise<{ msPerPlan: number; rayCastMs: number }> {
  if (!episodes.length) return { msPerPlan: NaN, rayCastMs: NaN };
  // Enough warm-up for the JIT and the backend's first calls of this shape.
  const warm = 10;
  const ms: number[] = [];
  const ray: number[] = [];
  for (let i = 0; i < plans + warm; i++) {
    const e = episodes[i % episodes.length];
    const t0 = performance.now();
    const plan = await planOnce(net, op, camera, e.prepared, e.start, e.goal);
    const total = performance.now() - t0;
    if (i < warm) continue;
    ms.push(plan.ms);
    ray.push(total - plan.ms);
  }
  return { msPerPlan: median(ms), rayCastMs: median(ray) };
}

export interface ClassicalRun {
  outcomes: EpisodeOutcome[];
  paths: Float64Array[];
}

/** The classical baseline on every episode: one plan on the full cost map, followed exactly. */
export function runClassical(episodes: readonly EvalEpisode[]): ClassicalRun {
  const paths: Float64Array[] = [];
  const outcomes = episodes.map((e) => {
    const p = classicalPlan(e.prepared.world, e.prepared.map, e.start, e.goal);
    paths.push(p.path);
    return { success: p.success, pathLength: p.length, shortestLength: e.shortest, msPerPlan: p.ms };
  });
  return { outcomes, paths };
}

/** A closed-loop planner's metrics, with its failures split into collisions and timeouts. */
export type DrivenMetrics = NavigationMetrics & { collisions: number; timeouts: number };

export interface Comparison {
  episodes: number;
  learned: DrivenMetrics & { rayCastMs: number };
  /** The privileged classical planner: one plan on the fully known cost map. */
  classical: NavigationMetrics;
  /** The fair classical planner: the same depth images, an online map, replanning at the same rate. */
  depthOnly: DrivenMetrics;
}

function failures(statuses: readonly DriveStatus[]): { collisions: number; timeouts: number } {
  return {
    collisions: statuses.filter((s) => s === 'collided').length,
    timeouts: statuses.filter((s) => s === 'timeout').length,
  };
}

/** The learned planner's closed-loop metrics on a set of episodes, with its drives. */
export async function learnedMetrics(
  net: PlannerNet,
  op: SplineOperator,
  camera: DepthCameraSpec,
  episodes: readonly EvalEpisode[],
  options: Partial<DriveOptions> = {},
  latencyPlans = 20,
): Promise<{ metrics: Comparison['learned']; drive: DriveResult }> {
  const drive = await driveLearned(net, op, camera, episodes, options);
  const latency = await learnedPlanLatency(net, op, camera, episodes, latencyPlans);
  const metrics = navigationMetrics(drive.outcomes.map((o) => ({ ...o, msPerPlan: latency.msPerPlan })));
  return { metrics: { ...metrics, ...failures(drive.statuses), rayCastMs: latency.rayCastMs }, drive };
}

/** Both classical baselines on a set of episodes (they do not depend on θ: benches compute them once). */
export function classicalMetrics(
  camera: DepthCameraSpec,
  episodes: readonly EvalEpisode[],
  options: Partial<DriveOptions> = {},
): {
  classical: Comparison['classical'];
  depthOnly: Comparison['depthOnly'];
  classicalRun: ClassicalRun;
  depthOnlyRun: DepthClassicalResult;
} {
  const classicalRun = runClassical(episodes);
  const depthOnlyRun = driveDepthClassical(camera, episodes, { ...DEFAULT_DRIVE_OPTIONS, ...options });
  return {
    classical: {
      ...navigationMetrics(classicalRun.outcomes),
      msPerPlan: median(classicalRun.outcomes.map((o) => o.msPerPlan)),
    },
    depthOnly: {
      ...navigationMetrics(depthOnlyRun.outcomes),
      ...failures(depthOnlyRun.statuses),
      msPerPlan: median(depthOnlyRun.planMs),
    },
    classicalRun,
    depthOnlyRun,
  };
}

/** The whole comparison on a set of episodes, with the drives and the classical paths behind it. */
export async function compareDetailed(
  net: PlannerNet,
  op: SplineOperator,
  camera: DepthCameraSpec,
  episodes: readonly EvalEpisode[],
  options: Partial<DriveOptions> = {},
  latencyPlans = 20,
): Promise<{
  comparison: Comparison;
  drive: DriveResult;
  classical: ClassicalRun;
  depthOnly: DepthClassicalResult;
}> {
  const learned = await learnedMetrics(net, op, camera, episodes, options, latencyPlans);
  const base = classicalMetrics(camera, episodes, options);
  return {
    comparison: {
      episodes: episodes.length,
      learned: learned.metrics,
      classical: base.classical,
      depthOnly: base.depthOnly,
    },
    drive: learned.drive,
    classical: base.classicalRun,
    depthOnly: base.depthOnlyRun,
  };
}

export async function compareOnEpisodes(
  net: PlannerNet,
  op: SplineOperator,
  camera: DepthCameraSpec,
  episodes: readonly EvalEpisode[],
  options: Partial<DriveOptions> = {},
  latencyPlans = 20,
): Promise<Comparison> {
  return (await compareDetailed(net, op, camera, episodes, options, latencyPlans)).comparison;
}
