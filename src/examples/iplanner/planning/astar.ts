/**
 * A* on a grid (the classical baseline's search): 8-connected, no corner cutting (a diagonal move needs
 * both orthogonal neighbours free — the Moving AI convention), and the move cost
 *   step length (m) × (1 + α·cost(destination cell)),
 * with the octile distance as heuristic (admissible because every move costs at least its length).
 */

export interface SearchGrid {
  nx: number;
  ny: number;
  /** Cell edge (m). */
  cellSize: number;
  /** Non-zero where the search may not enter. */
  blocked: Uint8Array;
  /** Per-cell cost added along a move as length·α·cost (may be omitted when α = 0). */
  cost?: Float32Array;
}

export interface AStarResult {
  found: boolean;
  /** Cells from start to goal (row-major indices); empty when not found. */
  cells: Int32Array;
  /** Total path cost (m-weighted); Infinity when not found. */
  cost: number;
  /** Cells expanded (popped and closed). */
  expanded: number;
}

/** Min-heap of (key, node) with lazy deletion. */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }
  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const n = new Int32Array(this.size * 2);
      n.set(this.nodes);
      this.keys = k;
      this.nodes = n;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.keys[p] <= key) break;
      this.keys[i] = this.keys[p];
      this.nodes[i] = this.nodes[p];
      i = p;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }
  /** Pops the smallest; returns its node (its key is left in lastKey). */
  lastKey = 0;
  pop(): number {
    const top = this.nodes[0];
    this.lastKey = this.keys[0];
    const key = this.keys[--this.size];
    const node = this.nodes[this.size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1] < this.keys[c]) c++;
      if (this.keys[c] >= key) break;
      this.keys[i] = this.keys[c];
      this.nodes[i] = this.nodes[c];
      i = c;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
}

const DX = [1, -1, 0, 0, 1, 1, -1, -1];
const DY = [0, 0, 1, -1, 1, -1, 1, -1];

/** Octile distance in cells. */
export function octile(ax: number, ay: number, bx: number, by: number): number {
  const dx = Math.abs(ax - bx);
  const dy = Math.abs(ay - by);
  return Math.max(dx, dy) + (Math.SQRT2 - 1) * Math.min(dx, dy);
}

/**
 * Shortest path from cell start to cell goal. The start and goal cells may be blocked themselves (the robot
 * may begin inside the planner's safety margin); every other cell on the path is free.
 */
export function astar(grid: SearchGrid, start: number, goal: number, alpha = 0): AStarResult {
  const { nx, ny, blocked, cellSize } = grid;
  const cost = grid.cost;
  const n = nx * ny;
  const g = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const closed = new Uint8Array(n);
  const gx = goal % nx;
  const gy = (goal - gx) / nx;
  const heap = new MinHeap(1024);
  const passable = (i: number): boolean => !blocked[i] || i === goal || i === start;
  g[start] = 0;
  heap.push(octile(start % nx, Math.floor(start / nx), gx, gy) * cellSize, start);
  let expanded = 0;
  while (heap.size > 0) {
    const cur = heap.pop();
    if (closed[cur]) continue;
    closed[cur] = 1;
    expanded++;
    if (cur === goal) break;
    const cx = cur % nx;
    const cy = (cur - cx) / nx;
    for (let d = 0; d < 8; d++) {
      const x = cx + DX[d];
      const y = cy + DY[d];
      if (x < 0 || y < 0 || x >= nx || y >= ny) continue;
      const nb = y * nx + x;
      if (closed[nb] || !passable(nb)) continue;
      if (d >= 4 && (!passable(cy * nx + x) || !passable(y * nx + cx))) continue;
      const len = (d >= 4 ? Math.SQRT2 : 1) * cellSize;
      const step = alpha === 0 || !cost ? len : len * (1 + alpha * cost[nb]);
      const ng = g[cur] + step;
      if (ng < g[nb]) {
        g[nb] = ng;
        parent[nb] = cur;
        heap.push(ng + octile(x, y, gx, gy) * cellSize, nb);
      }
    }
  }
  if (!closed[goal]) return { found: false, cells: new Int32Array(0), cost: Infinity, expanded };
  const rev: number[] = [];
  for (let c = goal; c !== -1; c = parent[c]) rev.push(c);
  rev.reverse();
  return { found: true, cells: Int32Array.from(rev), cost: g[goal], expanded };
}
