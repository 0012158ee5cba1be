/**
 * Training viewpoints along realistic approach paths: the poses a robot passes through while it drives to a goal,
 * not only the starts. For a sampled (start, goal) the classical planner's path on the training world's cost map
 * (training already uses that map for U) gives the route; the view is taken at a random point along it, facing
 * where the path goes `lookahead` metres further (as the drive follower turns the robot), with small errors in
 * position and heading, so that the network sees door openings, corners and near-misses from the angles it meets
 * when it drives. Each world keeps a bounded cache of routes so the A* cost is paid a bounded number of times.
 */
import type { Rng } from '../../../il/rng.ts';
import { classicalPlan } from '../planning/baseline.ts';
import { pathLength } from '../sensing/collision.ts';
import { pointClearance } from '../worlds/geometry.ts';
import type { Point2, Pose2 } from '../worlds/types.ts';
import type { PreparedWorld } from './training-data.ts';

export interface ApproachViewOptions {
  /** Routes kept per world before they are reused. */
  cacheSize: number;
  /** The view is taken within this share of the route's length from its start. */
  maxFraction: number;
  /** Heading looks at the route this far ahead (m), as the follower does. */
  lookahead: number;
  /** Standard deviations of the position (m, across the route) and heading (rad) errors. */
  lateralStd: number;
  yawStd: number;
  /** Smallest clearance (m) of a perturbed view; closer ones fall back to the route's own point. */
  minClearance: number;
}

export const DEFAULT_APPROACH_VIEW_OPTIONS: ApproachViewOptions = {
  cacheSize: 48,
  maxFraction: 0.85,
  lookahead: 1.5,
  lateralStd: 0.1,
  yawStd: 0.15,
  minClearance: 0.32,
};

interface Route {
  path: Float64Array;
  length: number;
  goal: Point2;
}

const routes = new WeakMap<PreparedWorld, Route[]>();

/** The point at arc length s along a polyline (clamped to its ends). */
export function pointAt(path: ArrayLike<number>, s: number): Point2 {
  let acc = 0;
  for (let i = 0; i + 3 < path.length; i += 2) {
    const len = Math.hypot(path[i + 2] - path[i], path[i + 3] - path[i + 1]);
    if (acc + len >= s && len > 0) {
      const t = Math.max(0, (s - acc) / len);
      return { x: path[i] + t * (path[i + 2] - path[i]), y: path[i + 1] + t * (path[i + 3] - path[i + 1]) };
    }
    acc += len;
  }
  return { x: path[path.length - 2], y: path[path.length - 1] };
}

/**
 * A view along an approach route in `prepared`: a new route for (start, goal) while the world's cache is not full,
 * else a cached one. Null when the classical planner finds no free route.
 */
export function approachView(
  prepared: PreparedWorld,
  start: Point2,
  goal: Point2,
  rng: Rng,
  options: Partial<ApproachViewOptions> = {},
): { pose: Pose2; goal: Point2 } | null {
  const o = { ...DEFAULT_APPROACH_VIEW_OPTIONS, ...options };
  let cache = routes.get(prepared);
  if (!cache) routes.set(prepared, (cache = []));
  let route: Route;
  if (cache.length < o.cacheSize) {
    const plan = classicalPlan(prepared.world, prepared.map, start, goal);
    if (!plan.success) return null;
    route = { path: plan.path, length: pathLength(plan.path), goal };
    cache.push(route);
  } else route = cache[rng.int(0, cache.length - 1)];
  const s = rng.uniform(0, o.maxFraction) * route.length;
  const at = pointAt(route.path, s);
  const ahead = pointAt(route.path, s + o.lookahead);
  const heading = Math.atan2(ahead.y - at.y, ahead.x - at.x);
  const off = o.lateralStd * rng.normal();
  const moved = { x: at.x - Math.sin(heading) * off, y: at.y + Math.cos(heading) * off };
  const w = prepared.world;
  const position = pointClearance(w.obstacles, w.bounds, moved.x, moved.y) >= o.minClearance ? moved : at;
  return { pose: { ...position, yaw: heading + o.yawStd * rng.normal() }, goal: route.goal };
}
