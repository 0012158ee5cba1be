/**
 * Drive mode: the robot follows its latest plan (a world-frame polyline, usually the spline's waypoints
 * turned into the world frame when the plan was made) at constant speed, one time step at a time, and the
 * episode ends when it reaches the goal, collides (swept disc against the exact world) or runs out of time.
 * Pure functions: the caller owns the loop and replans whenever it likes (several times a second).
 */
import { pathCollision, pathLength } from '../sensing/collision.ts';
import { pointSegmentDistance } from '../worlds/geometry.ts';
import type { Point2, Pose2, World } from '../worlds/types.ts';

export interface DriveParams {
  /** m/s */
  speed: number;
  /** Time step (s). */
  dt: number;
  /** The goal counts as reached within this distance (m). */
  goalTolerance: number;
  /** Episode time limit (s). */
  timeLimit: number;
  robotRadius: number;
  /**
   * Heading (m): 0 faces along the last bit driven; > 0 turns the robot (in place, as a differential drive can)
   * to face the plan's point this far ahead, like a pure-pursuit tracker, so the camera looks where the path goes.
   */
  lookahead: number;
}

export const DEFAULT_DRIVE_PARAMS: DriveParams = {
  speed: 1,
  dt: 0.1,
  goalTolerance: 0.5,
  timeLimit: 60,
  robotRadius: 0.3,
  lookahead: 0,
};

export type DriveStatus = 'running' | 'reached' | 'collided' | 'timeout';

export interface DriveState {
  pose: Pose2;
  /** Seconds since the start. */
  time: number;
  /** Metres driven. */
  travelled: number;
  status: DriveStatus;
}

export function initialDriveState(start: Pose2): DriveState {
  return { pose: { ...start }, time: 0, travelled: 0, status: 'running' };
}

/** Arc length (m) along the polyline of its point closest to (x, y). */
function projectOnPath(path: ArrayLike<number>, x: number, y: number): number {
  let best = Infinity;
  let bestS = 0;
  let s = 0;
  for (let i = 0; i + 3 < path.length; i += 2) {
    const ax = path[i];
    const ay = path[i + 1];
    const vx = path[i + 2] - ax;
    const vy = path[i + 3] - ay;
    const len2 = vx * vx + vy * vy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * vx + (y - ay) * vy) / len2)) : 0;
    const d = Math.hypot(ax + t * vx - x, ay + t * vy - y);
    const len = Math.sqrt(len2);
    if (d < best - 1e-12) {
      best = d;
      bestS = s + t * len;
    }
    s += len;
  }
  return bestS;
}

/** The part of the polyline between arc lengths s0 < s1, as a polyline. */
function subPath(path: ArrayLike<number>, s0: number, s1: number): number[] {
  const out: number[] = [];
  let s = 0;
  for (let i = 0; i + 3 < path.length; i += 2) {
    const ax = path[i];
    const ay = path[i + 1];
    const len = Math.hypot(path[i + 2] - ax, path[i + 3] - ay);
    const segEnd = s + len;
    if (segEnd >= s0 && s <= s1 && len > 0) {
      const t0 = Math.max(0, (s0 - s) / len);
      const t1 = Math.min(1, (s1 - s) / len);
      if (!out.length) out.push(ax + t0 * (path[i + 2] - ax), ay + t0 * (path[i + 3] - ay));
      out.push(ax + t1 * (path[i + 2] - ax), ay + t1 * (path[i + 3] - ay));
    }
    s = segEnd;
    if (s > s1) break;
  }
  return out;
}

/**
 * Advance the robot by one time step along `plan` (world frame, interleaved; the robot first snaps to its
 * closest point on the plan). Returns the new state; finished states are returned unchanged.
 */
export function driveStep(
  world: Pick<World, 'obstacles' | 'bounds'>,
  state: DriveState,
  plan: ArrayLike<number>,
  goal: Point2,
  params: Partial<DriveParams> = {},
): DriveState {
  if (state.status !== 'running') return state;
  const p = { ...DEFAULT_DRIVE_PARAMS, ...params };
  const time = state.time + p.dt;
  let moved: number[] = [state.pose.x, state.pose.y];
  let s1 = 0;
  if (plan.length >= 4) {
    const s0 = projectOnPath(plan, state.pose.x, state.pose.y);
    s1 = Math.min(pathLength(plan), s0 + p.speed * p.dt);
    if (s1 > s0) moved = [state.pose.x, state.pose.y, ...subPath(plan, s0, s1)];
  }
  const m = moved.length / 2;
  const end = { x: moved[2 * m - 2], y: moved[2 * m - 1] };
  let yaw = state.pose.yaw;
  for (let i = m - 1; i > 0; i--) {
    const dx = moved[2 * i] - moved[2 * i - 2];
    const dy = moved[2 * i + 1] - moved[2 * i - 1];
    if (Math.hypot(dx, dy) > 1e-9) {
      yaw = Math.atan2(dy, dx);
      break;
    }
  }
  if (p.lookahead > 0 && m > 1) {
    const ahead = subPath(plan, s1, s1 + p.lookahead);
    if (ahead.length >= 2) {
      const tx = ahead[ahead.length - 2] - end.x;
      const ty = ahead[ahead.length - 1] - end.y;
      if (Math.hypot(tx, ty) > 1e-6) yaw = Math.atan2(ty, tx);
    }
  }
  const next: DriveState = {
    pose: { x: end.x, y: end.y, yaw },
    time,
    travelled: state.travelled + pathLength(moved),
    status: 'running',
  };
  if (pathCollision(world, moved, p.robotRadius).collides) return { ...next, status: 'collided' };
  let nearest = Math.hypot(moved[0] - goal.x, moved[1] - goal.y);
  for (let i = 0; i + 1 < m; i++)
    nearest = Math.min(
      nearest,
      pointSegmentDistance(
        goal.x,
        goal.y,
        moved[2 * i],
        moved[2 * i + 1],
        moved[2 * i + 2],
        moved[2 * i + 3],
      ),
    );
  if (nearest < p.goalTolerance) return { ...next, status: 'reached' };
  if (time >= p.timeLimit - 1e-9) return { ...next, status: 'timeout' };
  return next;
}

export interface EpisodeRun {
  final: DriveState;
  plans: number;
  /** Mean time (ms) per call of the planner. */
  msPerPlan: number;
  /** The robot's trace, interleaved world points. */
  trace: Float64Array;
}

/**
 * Run a whole episode: call `plan(pose)` (returning a world-frame path) every `replanEvery` steps and
 * drive along the latest plan until the episode ends.
 */
export function runEpisode(
  world: Pick<World, 'obstacles' | 'bounds'>,
  start: Pose2,
  goal: Point2,
  plan: (pose: Pose2) => ArrayLike<number>,
  params: Partial<DriveParams> = {},
  replanEvery = 2,
): EpisodeRun {
  let state = initialDriveState(start);
  let current: ArrayLike<number> = [];
  let plans = 0;
  let ms = 0;
  const trace: number[] = [start.x, start.y];
  for (let step = 0; state.status === 'running'; step++) {
    if (step % replanEvery === 0) {
      const t0 = performance.now();
      current = plan(state.pose);
      ms += performance.now() - t0;
      plans++;
    }
    state = driveStep(world, state, current, goal, params);
    trace.push(state.pose.x, state.pose.y);
  }
  return { final: state, plans, msPerPlan: plans ? ms / plans : 0, trace: Float64Array.from(trace) };
}
