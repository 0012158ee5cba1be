/**
 * The classical planner on a map only (no world geometry): A* on the cost map (as the privileged baseline, move
 * cost = length·(1 + α·cost)), then greedy shortcutting and a spline, each checked against the map's own blocked
 * cells instead of the exact world. This is what the depth-only baseline runs on the map it builds online.
 */
import { astar } from './astar.ts';
import { pathLength } from '../sensing/collision.ts';
import { cellIndexOf, type CostMap } from '../sensing/costmap.ts';
import { densify, shortcutPath, splineThrough } from './smoothing.ts';
import { cellsToPolyline, searchGridOf } from './map-search.ts';
import type { Point2 } from '../worlds/types.ts';

export interface MapPlan {
  found: boolean;
  /** World-frame polyline from the start to the goal (empty when A* fails). */
  path: Float64Array;
  length: number;
}

/** Is every point along the segment, every half cell, in a cell the planner may enter (or the start's cell)? */
export function segmentFreeOnMap(
  map: CostMap,
  startCell: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / (0.5 * map.params.cellSize)));
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    const c = cellIndexOf(map, ax + t * (bx - ax), ay + t * (by - ay));
    if (map.blocked[c] && c !== startCell) return false;
  }
  return true;
}

function pathFreeOnMap(map: CostMap, startCell: number, path: ArrayLike<number>): boolean {
  for (let i = 0; i + 3 < path.length; i += 2)
    if (!segmentFreeOnMap(map, startCell, path[i], path[i + 1], path[i + 2], path[i + 3])) return false;
  return true;
}

/** A* + shortcut + spline on `map` from start to goal (world frame). */
export function planOnMap(map: CostMap, start: Point2, goal: Point2, alpha = 1): MapPlan {
  const startCell = cellIndexOf(map, start.x, start.y);
  const goalCell = cellIndexOf(map, goal.x, goal.y);
  const res = astar(searchGridOf(map), startCell, goalCell, alpha);
  if (!res.found) return { found: false, path: new Float64Array(0), length: Infinity };
  let path = cellsToPolyline(map, res.cells, start, goal);
  path = shortcutPath(path, (ax, ay, bx, by) => segmentFreeOnMap(map, startCell, ax, ay, bx, by));
  for (const curve of [splineThrough(path, 0.1), splineThrough(densify(path, 0.5), 0.1)])
    if (pathFreeOnMap(map, startCell, curve)) {
      path = curve;
      break;
    }
  return { found: true, path, length: pathLength(path) };
}
