/**
 * Rooms and doors: a grid of rooms whose shared walls have doors along a random spanning tree (so every
 * room is reachable) plus a few extra doors, and some furniture kept clear of the doors.
 */
import type { Rng } from '../../../il/rng.ts';
import type { Bounds, Point2, Shape } from './types.ts';
import { gapToOthers, mergeWalls, perimeterWalls, wallBox, type WallSegment } from './world-parts.ts';

export interface RoomsOptions {
  /** Rooms along each axis. */
  rooms: number;
  /** Probability of a door on a shared wall that the spanning tree did not open. */
  extraDoorProbability: number;
}

export const DEFAULT_ROOMS: RoomsOptions = { rooms: 3, extraDoorProbability: 0.35 };

const WALL_THICKNESS = 0.2;
const WALL_HEIGHT = 2.5;

/** Random spanning tree of an n×n grid (randomised depth-first search): the set of open edges "a-b". */
export function spanningTreeEdges(rng: Rng, n: number): Set<string> {
  const open = new Set<string>();
  const seen = new Uint8Array(n * n);
  const stack = [rng.int(0, n * n - 1)];
  seen[stack[0]] = 1;
  while (stack.length) {
    const cur = stack[stack.length - 1];
    const cx = cur % n;
    const cy = Math.floor(cur / n);
    const nbs = [
      [cx + 1, cy],
      [cx - 1, cy],
      [cx, cy + 1],
      [cx, cy - 1],
    ].filter(([x, y]) => x >= 0 && y >= 0 && x < n && y < n && !seen[y * n + x]);
    if (!nbs.length) {
      stack.pop();
      continue;
    }
    const [x, y] = nbs[rng.int(0, nbs.length - 1)];
    const nb = y * n + x;
    seen[nb] = 1;
    open.add(edgeKey(cur, nb));
    stack.push(nb);
  }
  return open;
}

export function edgeKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

export function roomsShapes(rng: Rng, b: Bounds, options: Partial<RoomsOptions> = {}): Shape[] {
  const o = { ...DEFAULT_ROOMS, ...options };
  const n = o.rooms;
  const sx = (b.maxX - b.minX) / n;
  const sy = (b.maxY - b.minY) / n;
  const doors = spanningTreeEdges(rng, n);
  const segments: WallSegment[] = perimeterWalls(b, WALL_THICKNESS);
  const doorCentres: Point2[] = [];
  // Each shared wall: the edge between room (i, j) and its neighbour to the right / above.
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++)
      for (const horizontal of [false, true]) {
        const ni = horizontal ? i : i + 1;
        const nj = horizontal ? j + 1 : j;
        if (ni >= n || nj >= n) continue;
        const at = horizontal ? b.minY + nj * sy : b.minX + ni * sx;
        const lo = horizontal ? b.minX + i * sx : b.minY + j * sy;
        const hi = lo + (horizontal ? sx : sy);
        const open = doors.has(edgeKey(j * n + i, nj * n + ni)) || rng.next() < o.extraDoorProbability;
        if (!open) {
          segments.push({ horizontal, at, lo, hi });
          continue;
        }
        const width = rng.uniform(1.2, 1.6);
        const c = rng.uniform(lo + 0.6 + width / 2, hi - 0.6 - width / 2);
        segments.push({ horizontal, at, lo, hi: c - width / 2 }, { horizontal, at, lo: c + width / 2, hi });
        doorCentres.push(horizontal ? { x: c, y: at } : { x: at, y: c });
      }
  const walls = mergeWalls(segments).map((s) => wallBox(s, WALL_THICKNESS, WALL_HEIGHT, b));
  const furniture: Shape[] = [];
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const count = rng.int(1, 3);
      for (let f = 0, tries = 0; f < count && tries < 40; tries++) {
        const x = rng.uniform(b.minX + i * sx + 0.5, b.minX + (i + 1) * sx - 0.5);
        const y = rng.uniform(b.minY + j * sy + 0.5, b.minY + (j + 1) * sy - 0.5);
        const pick = rng.next();
        const yaw = rng.uniform(0, Math.PI);
        const item: Shape =
          pick < 0.45
            ? {
                kind: 'box',
                x,
                y,
                halfX: rng.uniform(0.6, 0.9),
                halfY: rng.uniform(0.4, 0.5),
                yaw,
                height: 0.75,
              }
            : pick < 0.75
              ? { kind: 'box', x, y, halfX: 0.2, halfY: rng.uniform(0.6, 0.9), yaw, height: 1.8 }
              : { kind: 'cylinder', x, y, radius: rng.uniform(0.3, 0.5), height: rng.uniform(0.8, 1.2) };
        const nearDoor = doorCentres.some((d) => Math.hypot(d.x - x, d.y - y) < 2.2);
        if (nearDoor || gapToOthers(item, [...walls, ...furniture]) < 0.9) continue;
        furniture.push(item);
        f++;
      }
    }
  return [...walls, ...furniture];
}
