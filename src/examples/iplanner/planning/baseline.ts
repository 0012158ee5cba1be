/**
 * The classical baseline: A* on the fully known cost map (8-connected, move cost = length·(1 + α·cost)),
 * then greedy shortcutting and a spline, each checked exactly against the world with the robot's radius.
 */
import { astar } from './astar.ts';
import { segmentCollision, pathCollision, pathLength } from '../sensing/collision.ts';
import { cellIndexOf, type CostMap } from '../sensing/costmap.ts';
import { densify, shortcutPath, splineThrough } from './smoothing.ts';
import { cellsToPolyline, searchGridOf } from './map-search.ts';
import type { Point2, World } from '../worlds/types.ts';

export interface ClassicalOptions {
  /** Weight of the cost map in the move cost. */
  alpha: number;
  /** Shortcut and spline the A* path. */
  smooth: boolean;
  /** Spacing (m) of the spline's samples. */
  splineSpacing: number;
}

export const DEFAULT_CLASSICAL_OPTIONS: ClassicalOptions = { alpha: 1, smooth: true, splineSpacing: 0.1 };

export interface ClassicalPlan {
  /** A* found a path and the final path is collision-free. */
  success: boolean;
  /** World-frame path, interleaved, from start to goal (empty when A* fails). */
  path: Float64Array;
  length: number;
  /** Wall-clock planning time (ms), search and smoothing. */
  ms: number;
  expanded: number;
  /** Which smoothing the final path kept. */
  smoothing: 'none' | 'shortcut' | 'spline' | 'dense-spline';
}

export function classicalPlan(
  world: Pick<World, 'obstacles' | 'bounds'>,
  map: CostMap,
  start: Point2,
  goal: Point2,
  options: Partial<ClassicalOptions> = {},
): ClassicalPlan {
  const o: ClassicalOptions = { ...DEFAULT_CLASSICAL_OPTIONS, ...options };
  const t0 = performance.now();
  const r = map.params.robotRadius;
  const res = astar(
    searchGridOf(map),
    cellIndexOf(map, start.x, start.y),
    cellIndexOf(map, goal.x, goal.y),
    o.alpha,
  );
  if (!res.found)
    return {
      success: false,
      path: new Float64Array(0),
      length: Infinity,
      ms: performance.now() - t0,
      expanded: res.expanded,
      smoothing: 'none',
    };
  let path = cellsToPolyline(map, res.cells, start, goal);
  let smoothing: ClassicalPlan['smoothing'] = 'none';
  if (o.smooth) {
    const free = (ax: number, ay: number, bx: number, by: number) =>
      !segmentCollision(world.obstacles, world.bounds, ax, ay, bx, by, r).collides;
    path = shortcutPath(path, free);
    smoothing = 'shortcut';
    for (const [candidate, label] of [
      [() => splineThrough(path, o.splineSpacing), 'spline'],
      [() => splineThrough(densify(path, 0.5), o.splineSpacing), 'dense-spline'],
    ] as const) {
      const curve = candidate();
      if (!pathCollision(world, curve, r).collides) {
        path = curve;
        smoothing = label;
        break;
      }
    }
  }
  const success = !pathCollision(world, path, r).collides;
  return {
    success,
    path,
    length: pathLength(path),
    ms: performance.now() - t0,
    expanded: res.expanded,
    smoothing,
  };
}

/**
 * Reference shortest length (m) for SPL: A* with α = 0 (pure length), shortcut, and the spline when it is
 * shorter and still free. An upper bound on the true shortest path of the disc, usually within a few per
 * cent of it; Infinity when no path is found.
 */
export function shortestPathLength(
  world: Pick<World, 'obstacles' | 'bounds'>,
  map: CostMap,
  start: Point2,
  goal: Point2,
): number {
  const r = map.params.robotRadius;
  const grid = { nx: map.nx, ny: map.ny, cellSize: map.params.cellSize, blocked: map.blocked };
  const res = astar(grid, cellIndexOf(map, start.x, start.y), cellIndexOf(map, goal.x, goal.y), 0);
  if (!res.found) return Infinity;
  const free = (ax: number, ay: number, bx: number, by: number) =>
    !segmentCollision(world.obstacles, world.bounds, ax, ay, bx, by, r).collides;
  const polyline = shortcutPath(cellsToPolyline(map, res.cells, start, goal), free);
  let best = pathCollision(world, polyline, r).collides ? Infinity : pathLength(polyline);
  const curve = splineThrough(polyline, 0.1);
  if (!pathCollision(world, curve, r).collides) best = Math.min(best, pathLength(curve));
  return best;
}
