import type { Rng } from '../../../il/rng.ts';
import { createGridMap, type GridMap } from './grid-map.ts';

/**
 * Mazes with one-cell corridors: maze cell (i, j) is grid cell (2i+1, 2j+1) and the wall between two maze
 * cells is the grid cell between them. An even side leaves one extra wall row / column at the far edge.
 */
interface MazeGrid {
  map: GridMap;
  cols: number;
  rows: number;
}

function mazeGrid(width: number, height: number): MazeGrid {
  if (width < 3 || height < 3)
    throw new RangeError(`a maze needs at least 3×3 cells, got ${width}×${height}`);
  const map = createGridMap(width, height);
  map.blocked.fill(1);
  const cols = Math.floor((width - 1) / 2);
  const rows = Math.floor((height - 1) / 2);
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < cols; i++) map.blocked[(2 * j + 1) * width + 2 * i + 1] = 0;
  return { map, cols, rows };
}

/** Open the wall between maze cells a and b (adjacent, as maze-cell indices j·cols + i). */
function carve(m: MazeGrid, a: number, b: number): void {
  const ax = 2 * (a % m.cols) + 1;
  const ay = 2 * Math.floor(a / m.cols) + 1;
  const bx = 2 * (b % m.cols) + 1;
  const by = 2 * Math.floor(b / m.cols) + 1;
  m.map.blocked[((ay + by) / 2) * m.map.width + (ax + bx) / 2] = 0;
}

/** Maze-cell neighbours of c written into out; returns how many. */
function mazeNeighbours(m: MazeGrid, c: number, out: Int32Array): number {
  const i = c % m.cols;
  const j = (c - i) / m.cols;
  let n = 0;
  if (i > 0) out[n++] = c - 1;
  if (i < m.cols - 1) out[n++] = c + 1;
  if (j > 0) out[n++] = c - m.cols;
  if (j < m.rows - 1) out[n++] = c + m.cols;
  return n;
}

/** Depth-first search with a random neighbour order: long winding corridors, few branches. */
export function backtrackerMaze(width: number, height: number, rng: Rng): GridMap {
  const m = mazeGrid(width, height);
  const count = m.cols * m.rows;
  const visited = new Uint8Array(count);
  const stack = new Int32Array(count);
  const nb = new Int32Array(4);
  const options = new Int32Array(4);
  let top = 0;
  const first = rng.int(0, count - 1);
  stack[top++] = first;
  visited[first] = 1;
  while (top > 0) {
    const c = stack[top - 1];
    const n = mazeNeighbours(m, c, nb);
    let k = 0;
    for (let i = 0; i < n; i++) if (!visited[nb[i]]) options[k++] = nb[i];
    if (k === 0) {
      top--;
      continue;
    }
    const next = options[rng.int(0, k - 1)];
    carve(m, c, next);
    visited[next] = 1;
    stack[top++] = next;
  }
  return m.map;
}

/** Wilson's algorithm: loop-erased random walks give a uniformly random spanning tree (an unbiased maze). */
export function wilsonMaze(width: number, height: number, rng: Rng): GridMap {
  const m = mazeGrid(width, height);
  const count = m.cols * m.rows;
  const inTree = new Uint8Array(count);
  const next = new Int32Array(count);
  const nb = new Int32Array(4);
  inTree[rng.int(0, count - 1)] = 1;
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  for (const from of order) {
    if (inTree[from]) continue;
    // Walk until the tree is hit, remembering only the last exit of each cell (that erases the loops).
    for (let u = from; !inTree[u];) {
      const n = mazeNeighbours(m, u, nb);
      next[u] = nb[rng.int(0, n - 1)];
      u = next[u];
    }
    for (let u = from; !inTree[u]; u = next[u]) {
      inTree[u] = 1;
      carve(m, u, next[u]);
    }
  }
  return m.map;
}

/** A backtracker maze with a share of its remaining inner walls removed: loops, so many routes compete. */
export function braidMaze(width: number, height: number, rng: Rng, removeShare = 0.1): GridMap {
  const map = backtrackerMaze(width, height, rng);
  const w = map.width;
  const cols = Math.floor((width - 1) / 2);
  const rows = Math.floor((height - 1) / 2);
  for (let y = 1; y < 2 * rows; y++) {
    for (let x = 1; x < 2 * cols; x++) {
      // An inner wall sits between two maze cells: one coordinate odd, the other even.
      if ((x + y) % 2 === 0 || !map.blocked[y * w + x]) continue;
      if (rng.next() < removeShare) map.blocked[y * w + x] = 0;
    }
  }
  return map;
}
