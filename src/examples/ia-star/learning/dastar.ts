import type { GridMap } from '../maps/grid-map.ts';
import { chebyshevEuclid, octile } from '../search/heuristics.ts';

/**
 * Differentiable A* (the LL engine g of iA* and Neural A*), fast and exact.
 *
 * Forward: a heap A* in which the node chosen from the open list O_t at step t is the argmin of
 *   f(n) = a·g(n) + b·h(n) + κ·c(n),
 * c being the learned guidance / cost map. It expands exactly the cells a classic A* with the same f expands.
 *
 * The straight-through (ST) relaxation of the papers makes the choice a one-hot forward and a softmax backward:
 *   y_t = softmax_{n ∈ O_t}(−f(n)/τ),   H = Σ_t onehot(argmax y_t)  (the search history),
 * with g and the open list detached, as in Neural A* (`detach_g`). So for an upstream gradient G = ∂U/∂H the exact
 * backward of the ST search is
 *   ∂U/∂c(m) = Σ_t [m ∈ O_t] · κ · (−1/τ) · y_t(m) · (G(m) − Σ_{n∈O_t} y_t(n) G(n)),
 * computed here by replaying the recorded open lists (one pass, O(Σ_t |O_t|)), with no tensors involved.
 */
export type DastarCostModel = 'octile' | 'neural-astar';

export interface DastarModel {
  /**
   * 'octile': straight 1, diagonal √2, no corner cutting, h = octile (the project's planners; iA* trains here).
   * 'neural-astar': every move costs c(cell left), corner cutting allowed, h = Chebyshev + 0.001·Euclidean
   * (Neural A*'s DifferentiableAstar, for the cross-check and the speed comparison with the reference).
   */
  costModel: DastarCostModel;
  gWeight: number;
  hWeight: number;
  /** κ: how strongly the map c steers f. */
  guidanceWeight: number;
  /**
   * τ of the softmax. Two conventions live in this project, and they differ:
   * - Neural A* (`neuralAstarModel`): τ = √W, the map width — its code divides f by `sqrt(cost_maps.shape[-1])`.
   *   Checked against PyTorch's own gradients (dastar-pytorch-gradients.test.ts).
   * - iA* as trained on this page (problem.ts): τ = τ₀·√(H·W), τ₀ = `temperatureScale` (default 1), a
   *   temperature that grows with the number of cells. Not Neural A*'s; keep the two apart.
   */
  temperature: number;
  /** Equal-f rule: the larger g first ('high-g', within 1e-9) or the smaller row-major index ('index', exact). */
  tie: 'high-g' | 'index';
}

/**
 * Neural A*'s own settings: f = 0.5·g + 0.5·(h + c), ties to the smaller index, and τ = √W (W = map width,
 * `cost_maps.shape[-1]` in omron-sinicx/neural-astar's DifferentiableAstar; not √(H·W), which gave a gradient
 * 0.82–0.88 off PyTorch's in relative terms). The map's height plays no part.
 */
export function neuralAstarModel(width: number): DastarModel {
  return {
    costModel: 'neural-astar',
    gWeight: 0.5,
    hWeight: 0.5,
    guidanceWeight: 0.5,
    temperature: Math.sqrt(width),
    tie: 'index',
  };
}

export interface DastarQuery {
  map: GridMap;
  start: number;
  goal: number;
  /** c: one value per cell, row-major (the network's output). */
  guidance: Float32Array;
}

export interface DastarResult {
  success: boolean;
  /** Closed cells in order; the goal (when found) is last. H is their indicator. */
  expansionOrder: Int32Array;
  /** Start → goal, both included; empty when no path. */
  path: Int32Array;
  /** Geometric length (straight 1, diagonal √2) of the path. */
  pathLength: number;
  /** Replay log: after expansion t, the cells whose f was set are logCell[logStart[t]..logStart[t+1]). */
  logCell: Int32Array;
  logF: Float64Array;
  logStart: Int32Array;
  /** f of the start (in the open list before the first expansion). */
  startF: number;
}

/** Reusable typed arrays for one map size (the hot path allocates nothing per query). */
export class DastarWorkspace {
  readonly g: Float64Array;
  readonly f: Float64Array;
  readonly parent: Int32Array;
  readonly state: Uint8Array; // 0 unseen, 1 open, 2 closed
  readonly heapCell: Int32Array;
  readonly heapF: Float64Array;
  readonly heapG: Float64Array;
  readonly heapOrder: Int32Array;
  readonly openPos: Int32Array;
  readonly openList: Int32Array;
  readonly fCur: Float64Array;

  constructor(readonly cells: number) {
    this.g = new Float64Array(cells);
    this.f = new Float64Array(cells);
    this.parent = new Int32Array(cells);
    this.state = new Uint8Array(cells);
    const heapCap = cells * 8 + 8;
    this.heapCell = new Int32Array(heapCap);
    this.heapF = new Float64Array(heapCap);
    this.heapG = new Float64Array(heapCap);
    this.heapOrder = new Int32Array(heapCap);
    this.openPos = new Int32Array(cells);
    this.openList = new Int32Array(cells);
    this.fCur = new Float64Array(cells);
  }
}

const STEPS: readonly (readonly [number, number])[] = [
  [-1, -1],
  [0, -1],
  [1, -1],
  [-1, 0],
  [1, 0],
  [-1, 1],
  [0, 1],
  [1, 1],
];

/** Runs the search; the result carries what the backward pass needs. */
export function dastarForward(query: DastarQuery, model: DastarModel, ws: DastarWorkspace): DastarResult {
  const { map, start, goal, guidance } = query;
  const { width, height, blocked } = map;
  const { g, f, parent, state, heapCell, heapF, heapG, heapOrder } = ws;
  state.fill(0);
  const gx = goal % width;
  const gy = (goal - gx) / width;
  const neural = model.costModel === 'neural-astar';
  const h = (cell: number): number => {
    const dx = Math.abs((cell % width) - gx);
    const dy = Math.abs(Math.floor(cell / width) - gy);
    return neural ? chebyshevEuclid(dx, dy) : octile(dx, dy);
  };
  const score = (cell: number, gv: number): number =>
    model.gWeight * gv + model.hWeight * h(cell) + model.guidanceWeight * guidance[cell];
  const byIndex = model.tie === 'index';
  // Heap of (f, g, order) entries; stale entries (f no longer current, or closed) are skipped on pop.
  let size = 0;
  let pushes = 0;
  const before = (i: number, j: number): boolean => {
    const df = heapF[i] - heapF[j];
    if (byIndex) return df < 0 || (df === 0 && heapCell[i] < heapCell[j]);
    if (df < -1e-9) return true;
    if (df > 1e-9) return false;
    if (heapG[i] !== heapG[j]) return heapG[i] > heapG[j];
    return heapOrder[i] < heapOrder[j];
  };
  const swap = (i: number, j: number): void => {
    let t = heapCell[i];
    heapCell[i] = heapCell[j];
    heapCell[j] = t;
    t = heapOrder[i];
    heapOrder[i] = heapOrder[j];
    heapOrder[j] = t;
    let u = heapF[i];
    heapF[i] = heapF[j];
    heapF[j] = u;
    u = heapG[i];
    heapG[i] = heapG[j];
    heapG[j] = u;
  };
  const push = (cell: number, fv: number, gv: number): void => {
    let i = size++;
    heapCell[i] = cell;
    heapF[i] = fv;
    heapG[i] = gv;
    heapOrder[i] = pushes++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(i, p)) break;
      swap(i, p);
      i = p;
    }
  };
  const pop = (): void => {
    size--;
    if (size === 0) return;
    swap(0, size);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && before(r, l) ? r : l;
      if (!before(c, i)) break;
      swap(c, i);
      i = c;
    }
  };

  const order: number[] = [];
  const logCell: number[] = [];
  const logF: number[] = [];
  const logStart: number[] = [0];
  let startF = 0;
  if (blocked[start] || blocked[goal]) return finish(false);
  g[start] = 0;
  f[start] = score(start, 0);
  parent[start] = -1;
  state[start] = 1;
  push(start, f[start], 0);
  startF = f[start];
  let found = false;
  while (size > 0) {
    const cell = heapCell[0];
    const entryF = heapF[0];
    pop();
    if (state[cell] !== 1 || entryF !== f[cell]) continue;
    state[cell] = 2;
    order.push(cell);
    if (cell === goal) {
      found = true;
      logStart.push(logCell.length);
      break;
    }
    const cx = cell % width;
    const cy = (cell - cx) / width;
    for (let k = 0; k < 8; k++) {
      const [dx, dy] = STEPS[k];
      const x = cx + dx;
      const y = cy + dy;
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const next = y * width + x;
      if (blocked[next] || state[next] === 2) continue;
      const diagonal = dx !== 0 && dy !== 0;
      if (diagonal && !neural && (blocked[cy * width + x] || blocked[y * width + cx])) continue;
      const step = neural ? guidanceCost(guidance, cell) : diagonal ? Math.SQRT2 : 1;
      const gNew = g[cell] + step;
      if (state[next] === 1 && !(gNew < g[next])) continue;
      g[next] = gNew;
      f[next] = score(next, gNew);
      parent[next] = cell;
      state[next] = 1;
      push(next, f[next], gNew);
      logCell.push(next);
      logF.push(f[next]);
    }
    logStart.push(logCell.length);
  }
  return finish(found);

  function finish(success: boolean): DastarResult {
    const path: number[] = [];
    let length = 0;
    if (success) {
      for (let c = goal; c !== -1; c = parent[c]) {
        path.push(c);
        const p = parent[c];
        if (p !== -1)
          length +=
            p % width !== c % width && Math.floor(p / width) !== Math.floor(c / width) ? Math.SQRT2 : 1;
      }
      path.reverse();
    }
    return {
      success,
      expansionOrder: Int32Array.from(order),
      path: Int32Array.from(path),
      pathLength: success ? length : Number.POSITIVE_INFINITY,
      logCell: Int32Array.from(logCell),
      logF: Float64Array.from(logF),
      logStart: Int32Array.from(logStart),
      startF,
    };
  }
}

/** Neural A*'s step cost: the cost map at the cell being left (1 where no map is learned). */
function guidanceCost(guidance: Float32Array, cell: number): number {
  return guidance[cell];
}

/**
 * The exact backward of the straight-through search: adds ∂U/∂c to `gradOut` given G = ∂U/∂H per cell.
 * Replays the open lists from the log; the softmax at each step is taken with its minimum subtracted.
 */
export function dastarBackward(
  result: DastarResult,
  model: DastarModel,
  upstream: Float32Array | Float64Array,
  gradOut: Float32Array | Float64Array,
  ws: DastarWorkspace,
): void {
  const { openList, openPos, fCur } = ws;
  const steps = result.expansionOrder.length;
  if (steps === 0) return;
  const invTau = 1 / model.temperature;
  const coeff = -model.guidanceWeight * invTau;
  let openSize = 0;
  const add = (cell: number, fv: number): void => {
    if (openPos[cell] === -1) {
      openPos[cell] = openSize;
      openList[openSize++] = cell;
    }
    fCur[cell] = fv;
  };
  // openPos = −1 marks "not open"; only cells that ever appear need resetting.
  const start = result.expansionOrder[0];
  openPos[start] = -1;
  for (let i = 0; i < result.logCell.length; i++) openPos[result.logCell[i]] = -1;
  add(start, result.startF);
  for (let t = 0; t < steps; t++) {
    let fMin = Number.POSITIVE_INFINITY;
    for (let i = 0; i < openSize; i++) fMin = Math.min(fMin, fCur[openList[i]]);
    let z = 0;
    let zg = 0;
    for (let i = 0; i < openSize; i++) {
      const c = openList[i];
      const w = Math.exp((fMin - fCur[c]) * invTau);
      z += w;
      zg += w * upstream[c];
    }
    const gBar = zg / z;
    for (let i = 0; i < openSize; i++) {
      const c = openList[i];
      const y = Math.exp((fMin - fCur[c]) * invTau) / z;
      gradOut[c] += coeff * y * (upstream[c] - gBar);
    }
    // The selected cell leaves the open list; its neighbours' new f values enter it.
    const selected = result.expansionOrder[t];
    const pos = openPos[selected];
    const last = openList[--openSize];
    openList[pos] = last;
    openPos[last] = pos;
    openPos[selected] = -2;
    for (let i = result.logStart[t]; i < result.logStart[t + 1]; i++) add(result.logCell[i], result.logF[i]);
  }
}
