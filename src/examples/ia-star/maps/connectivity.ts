import { type GridMap, type GridPoint, inBounds } from './grid-map.ts';

/**
 * Which free cells can reach which. Without corner cutting an 8-connected move is possible exactly when two
 * straight moves are, so components are the 4-connected ones; with corner cutting (Neural A*'s model) any
 * free diagonal neighbour joins.
 */
export interface Components {
  /** Component id per cell, −1 on walls. */
  labels: Int32Array;
  /** Cell count of each component. */
  sizes: number[];
}

export function labelComponents(map: GridMap, cornerCutting = false): Components {
  const { width: w, height: h, blocked } = map;
  const labels = new Int32Array(w * h).fill(-1);
  const sizes: number[] = [];
  const queue = new Int32Array(w * h);
  for (let seed = 0; seed < w * h; seed++) {
    if (blocked[seed] || labels[seed] !== -1) continue;
    const id = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = seed;
    labels[seed] = id;
    while (head < tail) {
      const c = queue[head++];
      const x = c % w;
      const y = (c - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          if ((dx === 0 && dy === 0) || (!cornerCutting && dx !== 0 && dy !== 0)) continue;
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const n = ny * w + nx;
          if (blocked[n] || labels[n] !== -1) continue;
          labels[n] = id;
          queue[tail++] = n;
        }
      }
    }
    sizes.push(tail);
  }
  return { labels, sizes };
}

/** Id of the largest component, or −1 on a map with no free cell. */
export function largestComponent(components: Components): number {
  let best = -1;
  for (let i = 0; i < components.sizes.length; i++)
    if (best < 0 || components.sizes[i] > components.sizes[best]) best = i;
  return best;
}

/** Straight-move (4-connected) step counts from `from` to every cell; −1 where unreachable or walled. */
export function bfsDistances(map: GridMap, from: GridPoint): Int32Array {
  const { width: w, height: h, blocked } = map;
  const dist = new Int32Array(w * h).fill(-1);
  const start = from.y * w + from.x;
  if (!inBounds(map, from) || blocked[start]) return dist;
  const queue = new Int32Array(w * h);
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  dist[start] = 0;
  while (head < tail) {
    const c = queue[head++];
    const x = c % w;
    const d = dist[c] + 1;
    const visit = (n: number): void => {
      if (blocked[n] || dist[n] >= 0) return;
      dist[n] = d;
      queue[tail++] = n;
    };
    if (x > 0) visit(c - 1);
    if (x < w - 1) visit(c + 1);
    if (c >= w) visit(c - w);
    if (c < w * (h - 1)) visit(c + w);
  }
  return dist;
}

/** Why a query cannot be planned, or 'ok'. The view shows this instead of running a search that must fail. */
export type QueryProblem =
  'ok' | 'start-out-of-bounds' | 'goal-out-of-bounds' | 'start-on-wall' | 'goal-on-wall' | 'goal-unreachable';

export function checkQuery(
  map: GridMap,
  start: GridPoint,
  goal: GridPoint,
  cornerCutting = false,
): QueryProblem {
  if (!inBounds(map, start)) return 'start-out-of-bounds';
  if (!inBounds(map, goal)) return 'goal-out-of-bounds';
  if (map.blocked[start.y * map.width + start.x]) return 'start-on-wall';
  if (map.blocked[goal.y * map.width + goal.x]) return 'goal-on-wall';
  return isReachable(map, start, goal, cornerCutting) ? 'ok' : 'goal-unreachable';
}

export const QUERY_PROBLEM_TEXT: Record<QueryProblem, string> = {
  ok: 'the goal is reachable',
  'start-out-of-bounds': 'the start lies outside the map',
  'goal-out-of-bounds': 'the goal lies outside the map',
  'start-on-wall': 'the start is on a wall',
  'goal-on-wall': 'the goal is on a wall',
  'goal-unreachable': 'no path connects the start to the goal',
};

export function isReachable(map: GridMap, a: GridPoint, b: GridPoint, cornerCutting = false): boolean {
  if (!inBounds(map, a) || !inBounds(map, b)) return false;
  const { labels } = labelComponents(map, cornerCutting);
  const la = labels[a.y * map.width + a.x];
  return la >= 0 && la === labels[b.y * map.width + b.x];
}
