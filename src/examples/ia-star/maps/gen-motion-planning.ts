import type { Rng } from '../../../il/rng.ts';
import { createGridMap, type GridMap, type GridPoint, type GridScene, gridPoint } from './grid-map.ts';
import { placeFarApart, placeInRegions } from './place-endpoints.ts';
import { drawBugtrap, fillRect, plantForest } from './shapes.ts';

/**
 * Map classes in the style of the motion-planning benchmark Neural A* trained on (Bhardwaj et al., "Learning
 * heuristic search via imitation", 2017): forest, bugtrap, gaps, alternating gaps, shifting gaps, multiple
 * bugtraps, gaps and forest, plus rooms. Each is drawn in a canonical orientation (start left, goal right)
 * and then flipped / transposed at random. Sizes scale with the map: walls are ⌈min(w, h)/64⌉ thick.
 */
type SceneBuilder = (width: number, height: number, rng: Rng) => GridScene;

function thickness(width: number, height: number): number {
  return Math.max(1, Math.round(Math.min(width, height) / 64));
}

function checkSize(width: number, height: number): void {
  if (width < 8 || height < 8)
    throw new RangeError(`this map class needs at least 8×8 cells, got ${width}×${height}`);
}

/** Flip horizontally / vertically (and transpose, when square) at random, endpoints included. */
export function orientAtRandom(scene: GridScene, rng: Rng): GridScene {
  const { map } = scene;
  const flipX = rng.next() < 0.5;
  const flipY = rng.next() < 0.5;
  const transpose = map.width === map.height && rng.next() < 0.5;
  const w = map.width;
  const h = map.height;
  const move = (p: GridPoint): GridPoint => {
    let x = flipX ? w - 1 - p.x : p.x;
    let y = flipY ? h - 1 - p.y : p.y;
    if (transpose) [x, y] = [y, x];
    return gridPoint(x, y);
  };
  const out = createGridMap(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const q = move(gridPoint(x, y));
      out.blocked[q.y * w + q.x] = map.blocked[y * w + x];
    }
  }
  return { map: out, start: move(scene.start), goal: move(scene.goal) };
}

function leftToRight(map: GridMap, rng: Rng, share = 0.2): GridScene {
  const w = map.width;
  const ends = placeInRegions(
    map,
    rng,
    (p) => p.x < Math.max(1, Math.floor(share * w)),
    (p) => p.x >= w - Math.max(1, Math.floor(share * w)),
  );
  return orientAtRandom({ map, ...ends }, rng);
}

export const forestScene: SceneBuilder = (width, height, rng) => {
  checkSize(width, height);
  const map = createGridMap(width, height);
  plantForest(map, rng, rng.uniform(0.15, 0.25), Math.max(1, Math.round(Math.min(width, height) / 24)));
  return { map, ...placeFarApart(map, rng) };
};

/** A wall across the map with one gap, at column x. */
function wallWithGap(map: GridMap, x: number, t: number, gapTop: number, gapSize: number): void {
  fillRect(map, x, 0, x + t - 1, map.height - 1);
  fillRect(map, x - 1, gapTop, x + t, gapTop + gapSize - 1, 0);
}

function gapSize(height: number, rng: Rng): number {
  return Math.max(2, Math.round(height * rng.uniform(0.06, 0.12)));
}

export const gapsScene: SceneBuilder = (width, height, rng) => {
  checkSize(width, height);
  const map = createGridMap(width, height);
  const t = thickness(width, height);
  const gs = gapSize(height, rng);
  wallWithGap(map, Math.round(width * rng.uniform(0.4, 0.6)), t, rng.int(0, height - gs), gs);
  return leftToRight(map, rng);
};

/** k walls evenly spaced; gap positions from `gapTopAt(i)`. */
function wallsAcross(map: GridMap, k: number, t: number, gs: number, gapTopAt: (i: number) => number): void {
  for (let i = 0; i < k; i++) {
    const x = Math.round(((i + 1) * map.width) / (k + 1)) - Math.floor(t / 2);
    wallWithGap(map, x, t, gapTopAt(i), gs);
  }
}

function wallCount(width: number, rng: Rng): number {
  return Math.max(2, Math.min(rng.int(3, 5), Math.floor(width / 6)));
}

export const alternatingGapsScene: SceneBuilder = (width, height, rng) => {
  checkSize(width, height);
  const map = createGridMap(width, height);
  const t = thickness(width, height);
  const gs = gapSize(height, rng);
  const k = wallCount(width, rng);
  const topFirst = rng.next() < 0.5;
  const margin = Math.max(0, Math.floor(height * 0.05));
  wallsAcross(map, k, t, gs, (i) => ((i % 2 === 0) === topFirst ? margin : height - gs - margin));
  return leftToRight(map, rng, 1 / (2 * (k + 1)));
};

export const shiftingGapsScene: SceneBuilder = (width, height, rng) => {
  checkSize(width, height);
  const map = createGridMap(width, height);
  const t = thickness(width, height);
  const gs = gapSize(height, rng);
  const k = wallCount(width, rng);
  let top = rng.int(0, height - gs);
  const shift = Math.max(2, Math.round(height / 3));
  wallsAcross(map, k, t, gs, (i) => {
    if (i > 0) top = Math.min(height - gs, Math.max(0, top + rng.int(-shift, shift)));
    return top;
  });
  return leftToRight(map, rng, 1 / (2 * (k + 1)));
};

export const gapsAndForestScene: SceneBuilder = (width, height, rng) => {
  checkSize(width, height);
  const map = createGridMap(width, height);
  plantForest(map, rng, rng.uniform(0.08, 0.14), Math.max(1, Math.round(Math.min(width, height) / 32)));
  const t = thickness(width, height);
  const gs = gapSize(height, rng);
  const x = Math.round(width * rng.uniform(0.4, 0.6));
  const top = rng.int(0, height - gs);
  wallWithGap(map, x, t, top, gs);
  // Keep the gap's approaches clear, so the wall has exactly one way through.
  fillRect(map, x - 2, top, x + t + 1, top + gs - 1, 0);
  return leftToRight(map, rng);
};

export const bugtrapScene: SceneBuilder = (width, height, rng) => {
  checkSize(width, height);
  const map = createGridMap(width, height);
  const t = thickness(width, height);
  const size = Math.max(7, Math.round(Math.min(width, height) * rng.uniform(0.35, 0.5)));
  const half = Math.floor(size / 2);
  const cx = Math.max(half, Math.round(width * rng.uniform(0.3, 0.4)));
  const cy = Math.round(height * rng.uniform(0.4, 0.6));
  // Open away from the goal (which lies to the right): a search pulled toward the goal hits the back wall.
  const centre = drawBugtrap(map, cx, Math.min(height - 1 - half, Math.max(half, cy)), size, t, 'left');
  const ends = placeInRegions(
    map,
    rng,
    (p) => p.x === centre.x && p.y === centre.y,
    (p) => p.x >= width - Math.max(1, Math.floor(0.2 * width)),
  );
  return orientAtRandom({ map, ...ends }, rng);
};

export const multipleBugtrapsScene: SceneBuilder = (width, height, rng) => {
  checkSize(width, height);
  const map = createGridMap(width, height);
  const t = thickness(width, height);
  const n = rng.int(3, 6);
  const openings = ['left', 'right', 'up', 'down'] as const;
  let first: GridPoint | null = null;
  for (let i = 0; i < n; i++) {
    const size = Math.max(7, Math.round(Math.min(width, height) * rng.uniform(0.15, 0.3)));
    const half = Math.floor(size / 2);
    if (2 * half + 1 > Math.min(width, height)) break;
    const cx = rng.int(half, width - 1 - half);
    const cy = rng.int(half, height - 1 - half);
    const centre = drawBugtrap(map, cx, cy, size, t, openings[rng.int(0, 3)]);
    first ??= centre;
  }
  const start = first;
  const ends =
    start && !map.blocked[start.y * width + start.x]
      ? placeInRegions(
          map,
          rng,
          (p) => p.x === start.x && p.y === start.y,
          () => true,
        )
      : placeFarApart(map, rng);
  return { map, ...ends };
};

/** Wall lines at random spacing: rooms of roomMin..roomMax cells between them. */
function wallLines(extent: number, roomMin: number, roomMax: number, rng: Rng): number[] {
  const lines: number[] = [];
  for (let at = rng.int(roomMin, roomMax); at < extent - roomMin; at += 1 + rng.int(roomMin, roomMax))
    lines.push(at);
  return lines;
}

export const roomsScene: SceneBuilder = (width, height, rng) => {
  checkSize(width, height);
  const map = createGridMap(width, height);
  const roomMin = Math.max(3, Math.round(Math.min(width, height) / 16));
  const roomMax = 2 * roomMin;
  const xs = wallLines(width, roomMin, roomMax, rng);
  const ys = wallLines(height, roomMin, roomMax, rng);
  for (const x of xs) fillRect(map, x, 0, x, height - 1);
  for (const y of ys) fillRect(map, 0, y, width - 1, y);
  const cols = xs.length + 1;
  const rows = ys.length + 1;
  const spanX = (i: number): [number, number] => [
    i === 0 ? 0 : xs[i - 1] + 1,
    i === cols - 1 ? width - 1 : xs[i] - 1,
  ];
  const spanY = (j: number): [number, number] => [
    j === 0 ? 0 : ys[j - 1] + 1,
    j === rows - 1 ? height - 1 : ys[j] - 1,
  ];
  // Doors: a random spanning tree of the rooms (every room reachable) plus a third of the other walls.
  interface Door {
    a: number;
    b: number;
    open: () => void;
  }
  const doors: Door[] = [];
  const door = (lo: number, hi: number, cut: (from: number, to: number) => void): (() => void) => {
    return () => {
      const span = hi - lo + 1;
      const size = rng.int(1, Math.max(1, Math.floor(span / 3)));
      const at = rng.int(lo, hi - size + 1);
      cut(at, at + size - 1);
    };
  };
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const room = j * cols + i;
      if (i < cols - 1) {
        const [y0, y1] = spanY(j);
        doors.push({
          a: room,
          b: room + 1,
          open: door(y0, y1, (p, q) => fillRect(map, xs[i], p, xs[i], q, 0)),
        });
      }
      if (j < rows - 1) {
        const [x0, x1] = spanX(i);
        doors.push({
          a: room,
          b: room + cols,
          open: door(x0, x1, (p, q) => fillRect(map, p, ys[j], q, ys[j], 0)),
        });
      }
    }
  }
  const root = Int32Array.from({ length: cols * rows }, (_, i) => i);
  const find = (a: number): number => {
    while (root[a] !== a) a = root[a] = root[root[a]];
    return a;
  };
  for (const d of rng.shuffle(doors)) {
    const ra = find(d.a);
    const rb = find(d.b);
    if (ra !== rb) {
      root[ra] = rb;
      d.open();
    } else if (rng.next() < 0.35) d.open();
  }
  return { map, ...placeFarApart(map, rng) };
};
