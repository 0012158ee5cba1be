/**
 * What the two classical planners (privileged and depth-only) share between a cost map and A*: the search grid a
 * map gives, and the polyline an A* cell path becomes (start and goal exact, cell centres between).
 */
import type { SearchGrid } from './astar.ts';
import { cellCentreX, cellCentreY, type CostMap } from '../sensing/costmap.ts';
import type { Point2 } from '../worlds/types.ts';

/** The map as A* searches it: its blocked cells and its per-cell cost. */
export function searchGridOf(map: CostMap): SearchGrid {
  return { nx: map.nx, ny: map.ny, cellSize: map.params.cellSize, blocked: map.blocked, cost: map.cost };
}

/** World-frame polyline of an A* cell path: the exact start, the centres of the inner cells, the exact goal. */
export function cellsToPolyline(map: CostMap, cells: Int32Array, start: Point2, goal: Point2): Float64Array {
  const m = Math.max(2, cells.length);
  const out = new Float64Array(2 * m);
  for (let i = 1; i < m - 1; i++) {
    const ix = cells[i] % map.nx;
    out[2 * i] = cellCentreX(map, ix);
    out[2 * i + 1] = cellCentreY(map, (cells[i] - ix) / map.nx);
  }
  out[0] = start.x;
  out[1] = start.y;
  out[2 * m - 2] = goal.x;
  out[2 * m - 1] = goal.y;
  return out;
}
