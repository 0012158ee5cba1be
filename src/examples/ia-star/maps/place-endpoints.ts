import type { Rng } from '../../../il/rng.ts';
import { bfsDistances, labelComponents, largestComponent } from './connectivity.ts';
import { type GridMap, type GridPoint, gridPoint } from './grid-map.ts';

export interface Endpoints {
  start: GridPoint;
  goal: GridPoint;
}

function pointAt(map: GridMap, cell: number): GridPoint {
  return gridPoint(cell % map.width, Math.floor(cell / map.width));
}

function pick<T>(items: T[], rng: Rng): T {
  return items[rng.int(0, items.length - 1)];
}

/** Cells with the largest BFS distance, allowing `slack` (0.1 = within 10 % of the maximum). */
function farCells(dist: Int32Array, slack: number, allowed?: (cell: number) => boolean): number[] {
  let max = -1;
  for (let i = 0; i < dist.length; i++) if (dist[i] > max && (!allowed || allowed(i))) max = dist[i];
  if (max < 0) return [];
  const threshold = Math.ceil((1 - slack) * max);
  const out: number[] = [];
  for (let i = 0; i < dist.length; i++) if (dist[i] >= threshold && (!allowed || allowed(i))) out.push(i);
  return out;
}

/**
 * Start and goal far apart in the largest component: from a random cell take one of the farthest cells
 * (a double sweep approximates the component's diameter), then a goal among the cells nearly farthest from it.
 */
export function placeFarApart(map: GridMap, rng: Rng): Endpoints {
  const components = labelComponents(map);
  const big = largestComponent(components);
  if (big < 0) throw new RangeError('the map has no free cell to place a start and goal on');
  const members: number[] = [];
  for (let i = 0; i < components.labels.length; i++) if (components.labels[i] === big) members.push(i);
  const seed = pick(members, rng);
  const a = pick(farCells(bfsDistances(map, pointAt(map, seed)), 0.05), rng);
  const b = pick(farCells(bfsDistances(map, pointAt(map, a)), 0.1), rng);
  return rng.next() < 0.5
    ? { start: pointAt(map, a), goal: pointAt(map, b) }
    : { start: pointAt(map, b), goal: pointAt(map, a) };
}

/**
 * Start in region A and goal in region B (e.g. either side of a wall), connected, the goal among the cells of B
 * farthest from the start. Falls back to placeFarApart when a region has no connected free cell.
 */
export function placeInRegions(
  map: GridMap,
  rng: Rng,
  inStartRegion: (p: GridPoint) => boolean,
  inGoalRegion: (p: GridPoint) => boolean,
): Endpoints {
  const components = labelComponents(map);
  const { labels } = components;
  const big = largestComponent(components);
  const starts: number[] = [];
  for (let i = 0; i < labels.length; i++)
    if (labels[i] === big && inStartRegion(pointAt(map, i))) starts.push(i);
  if (starts.length === 0) return placeFarApart(map, rng);
  const s = pick(starts, rng);
  const goals = farCells(bfsDistances(map, pointAt(map, s)), 0.25, (i) => inGoalRegion(pointAt(map, i)));
  if (goals.length === 0) return placeFarApart(map, rng);
  return { start: pointAt(map, s), goal: pointAt(map, pick(goals, rng)) };
}

/**
 * Neural A*'s dataset rule: random free start and goal at least `minShare` × min(width, height) apart
 * (Euclidean) and connected; after 2000 failed draws, placeFarApart.
 */
export function placeRandomApart(map: GridMap, rng: Rng, minShare = 0.7): Endpoints {
  const { labels } = labelComponents(map);
  const free: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) free.push(i);
  const minDist = minShare * Math.min(map.width, map.height);
  for (let attempt = 0; attempt < 2000 && free.length > 1; attempt++) {
    const a = pick(free, rng);
    const b = pick(free, rng);
    if (labels[a] !== labels[b]) continue;
    const pa = pointAt(map, a);
    const pb = pointAt(map, b);
    if (Math.hypot(pa.x - pb.x, pa.y - pb.y) >= minDist) return { start: pa, goal: pb };
  }
  return placeFarApart(map, rng);
}
