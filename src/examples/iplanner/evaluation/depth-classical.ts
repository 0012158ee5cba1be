/**
 * The fair classical baseline, driven closed loop: it gets exactly the learned planner's information (the depth
 * image of its current pose, the goal, its own pose) and replans at the same rate, on the same follower. Each plan
 * integrates the new depth image into the robot's online map (online-map.ts), rebuilds the cost map when something
 * new was seen, and runs A* + shortcut + spline on it (map-planner.ts). When no path is found on the map it keeps
 * its previous plan. msPerPlan counts the map update, the cost map and the search (not the depth render, the
 * sensor's job, as for the learned planner).
 */
import type { DepthCameraSpec } from '../sensing/camera.ts';
import type { CostMap } from '../sensing/costmap.ts';
import { OnlineMap } from '../sensing/online-map.ts';
import { renderDepth } from '../sensing/raycast.ts';
import { planOnMap } from '../planning/map-planner.ts';
import { driveStep, initialDriveState } from '../planning/drive.ts';
import type { EpisodeOutcome } from './metrics.ts';
import type { DriveOptions, DriveResult, EvalEpisode } from './evaluation.ts';

export interface DepthClassicalResult extends DriveResult {
  /** Every plan's wall-clock time (ms), all episodes. */
  planMs: number[];
}

/** One episode of the depth-only baseline. */
function driveOne(camera: DepthCameraSpec, e: EvalEpisode, o: DriveOptions, planMs: number[]) {
  const world = e.prepared.world;
  const memory = new OnlineMap(world.bounds, e.prepared.map.params);
  const limits = { ...o.drive, timeLimit: o.timeBase + (o.timePerMetre * e.shortest) / (o.drive.speed ?? 1) };
  const scratch = new Float32Array(camera.width * camera.height);
  let state = initialDriveState(e.start);
  let plan: Float64Array = new Float64Array(0);
  let map: CostMap | null = null;
  const trace: number[] = [e.start.x, e.start.y];
  for (let step = 0; state.status === 'running'; step++) {
    if (step % o.replanEvery === 0) {
      const depth = renderDepth(e.prepared.scene, camera, state.pose, {}, scratch);
      const t0 = performance.now();
      const marked = memory.integrate(depth, camera, state.pose);
      if (marked > 0 || !map) map = memory.costMap();
      const next = planOnMap(map, state.pose, e.goal);
      if (next.found) plan = next.path;
      planMs.push(performance.now() - t0);
    }
    state = driveStep(world, state, plan, e.goal, limits);
    trace.push(state.pose.x, state.pose.y);
  }
  const reached = state.status === 'reached';
  const outcome: EpisodeOutcome = {
    success: reached,
    pathLength:
      state.travelled + (reached ? Math.hypot(state.pose.x - e.goal.x, state.pose.y - e.goal.y) : 0),
    shortestLength: e.shortest,
    msPerPlan: NaN,
  };
  return { outcome, status: state.status, trace: Float64Array.from(trace) };
}

/** Drive every episode with the depth-only classical planner. */
export function driveDepthClassical(
  camera: DepthCameraSpec,
  episodes: readonly EvalEpisode[],
  options: DriveOptions,
): DepthClassicalResult {
  const planMs: number[] = [];
  const runs = episodes.map((e) => driveOne(camera, e, options, planMs));
  return {
    outcomes: runs.map((r) => r.outcome),
    statuses: runs.map((r) => r.status),
    traces: runs.map((r) => r.trace),
    planMs,
  };
}
