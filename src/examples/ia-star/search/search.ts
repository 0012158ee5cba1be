import { type GridMap, type GridPoint, inBounds } from '../maps/grid-map.ts';
import { heuristicFunction, octile } from './heuristics.ts';
import { nextGeneration, type SearchContext, searchContextFor } from './search-context.ts';
import {
  type GeneralLoopQuery,
  LOOP_FOUND,
  LOOP_LIMIT,
  runGeneralLoop,
  runOctileLoop,
} from './search-loop.ts';
import { resolveSearchOptions, type SearchOptions } from './search-options.ts';

export type PlanStatus = 'found' | 'no-path' | 'start-blocked' | 'goal-blocked' | 'out-of-bounds' | 'limit';

/**
 * What every planner reports. Steps count expansions: "after t expansions" the closed cells are those with
 * closedAt ≤ t, the open list holds the cells with openedAt ≤ t that are not yet closed, and the current
 * node is expansionOrder[t − 1]. The start has openedAt 0; a cell's closedAt is its position in
 * expansionOrder plus 1.
 */
export interface PlanResult {
  success: boolean;
  status: PlanStatus;
  /** Cells from start to goal, both included; empty when no path was found. */
  path: Int32Array;
  /** Geometric length of the path (straight 1, diagonal √2); Infinity when none. */
  pathLength: number;
  /** g of the goal under the cost model used (equals pathLength for the plain octile model); Infinity when none. */
  pathCost: number;
  /** Closed cells, the goal included (the search stops when the goal is selected). */
  expanded: number;
  /** Cells in the order they were expanded (closed). */
  expansionOrder: Int32Array;
  /** Cells in the order they were first opened, and the expansion count at that moment. */
  openedOrder: Int32Array;
  openedStep: Int32Array;
  /** Per cell (width·height): the step it was opened / closed, −1 if never. Only with recordCellSteps. */
  openedAt?: Int32Array;
  closedAt?: Int32Array;
  /** Wall-clock time of the search, milliseconds. */
  ms: number;
}

const EMPTY = new Int32Array(0);

function failure(status: PlanStatus, t0: number): PlanResult {
  return {
    success: false,
    status,
    path: EMPTY,
    pathLength: Number.POSITIVE_INFINITY,
    pathCost: Number.POSITIVE_INFINITY,
    expanded: 0,
    expansionOrder: EMPTY,
    openedOrder: EMPTY,
    openedStep: EMPTY,
    ms: performance.now() - t0,
  };
}

function checkCellMap(
  name: string,
  values: Float32Array | undefined,
  map: GridMap,
  nonNegative: boolean,
): void {
  if (!values) return;
  if (values.length !== map.width * map.height) {
    throw new RangeError(`${name} has ${values.length} values, expected ${map.width * map.height}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (nonNegative && v < 0))
      throw new RangeError(`${name}[${i}] = ${v} is not allowed`);
  }
}

/**
 * Plan one query on the context's map. A*, Dijkstra, weighted A* and greedy best-first are all this loop:
 * f = gWeight·g + hWeight·h(cell) + guidance[cell]. Closed cells are never reopened (with the octile model, no
 * guidance and cellCost ≥ 0 the heuristic is consistent, so A* and Dijkstra are still optimal and weighted A*
 * stays within w × optimal).
 */
export function search(
  ctx: SearchContext,
  start: GridPoint,
  goal: GridPoint,
  options: SearchOptions = {},
): PlanResult {
  const t0 = performance.now();
  const map = ctx.map;
  if (!inBounds(map, start) || !inBounds(map, goal)) return failure('out-of-bounds', t0);
  if (map.blocked[start.y * map.width + start.x]) return failure('start-blocked', t0);
  if (map.blocked[goal.y * map.width + goal.x]) return failure('goal-blocked', t0);
  const r = resolveSearchOptions(options);
  const cellCost = options.cellCost;
  const guidance = options.guidance;
  checkCellMap('cellCost', cellCost, map, true);
  checkCellMap('guidance', guidance, map, false);

  const gen = nextGeneration(ctx);
  const { state, g, parent, open, toCell, toPadded } = ctx;
  const table = ctx.neighbours[r.neighbourOrder];
  const pw = ctx.paddedWidth;
  const octileHeuristic = r.heuristic === 'octile';
  const plainOctile =
    r.costModel === 'octile' &&
    octileHeuristic &&
    !r.cornerCutting &&
    r.diagonalCost === Math.SQRT2 &&
    r.neighbourOrder === 'row-major' &&
    !cellCost &&
    !guidance;
  open.clear();
  open.epsilon = r.tieEpsilon;
  const sp = toPadded[start.y * map.width + start.x];
  const gp = toPadded[goal.y * map.width + goal.x];
  const q: GeneralLoopQuery = {
    openMark: 2 * gen,
    closedMark: 2 * gen + 1,
    goal: gp,
    goalX: goal.x + 1,
    goalY: goal.y + 1,
    gWeight: r.gWeight,
    hWeight: r.hWeight,
    tieG: r.tie === 'high-g' ? -1 : r.tie === 'low-g' ? 1 : 0,
    tieSeq: r.tie === 'fifo' ? 1 : r.tie === 'lifo' ? -1 : 0,
    tieIndex: r.tie === 'index' ? 1 : 0,
    maxExpansions: r.maxExpansions,
    offsets: table.offsets,
    dx: table.dx,
    dy: table.dy,
    seq: 0,
    expanded: 0,
    opened: 0,
    cornerCutting: r.cornerCutting,
    straightCost: r.straightCost,
    diagonalCost: r.diagonalCost,
    chargeLeftCell: r.costModel === 'neural-astar',
    heuristic: octileHeuristic ? null : heuristicFunction(r.heuristic),
    cellCost: cellCost ?? null,
    guidance: guidance ?? null,
  };

  // The start: g = 0, f = hWeight·h + guidance.
  const h0 = octileHeuristic
    ? octile(Math.abs(start.x - goal.x), Math.abs(start.y - goal.y))
    : heuristicFunction(r.heuristic)(Math.abs(start.x - goal.x), Math.abs(start.y - goal.y));
  g[sp] = 0;
  parent[sp] = -1;
  state[sp] = q.openMark;
  open.push(sp, r.hWeight * h0 + (guidance ? guidance[toCell[sp]] : 0), q.tieIndex * sp, q.seq++);
  ctx.openedScratch[0] = toCell[sp];
  ctx.openedStepScratch[0] = 0;
  q.opened = 1;

  const loopStatus = plainOctile ? runOctileLoop(ctx, q) : runGeneralLoop(ctx, q);
  const status: PlanStatus =
    loopStatus === LOOP_FOUND ? 'found' : loopStatus === LOOP_LIMIT ? 'limit' : 'no-path';
  const expanded = q.expanded;
  const nOpened = q.opened;
  const order = ctx.expansionScratch;
  const opened = ctx.openedScratch;
  const openedStep = ctx.openedStepScratch;

  const expansionOrder = order.slice(0, expanded);
  const openedOrder = opened.slice(0, nOpened);
  const result: PlanResult = {
    success: status === 'found',
    status,
    path: EMPTY,
    pathLength: Number.POSITIVE_INFINITY,
    pathCost: Number.POSITIVE_INFINITY,
    expanded,
    expansionOrder,
    openedOrder,
    openedStep: openedStep.slice(0, nOpened),
    ms: 0,
  };
  if (status === 'found') {
    // One walk up the parent links into scratch (goal first), then reversed into map cells.
    const back = ctx.pathScratch;
    let steps = 0;
    for (let p = gp; p !== -1; p = parent[p]) back[steps++] = p;
    const path = new Int32Array(steps);
    // Summed from the start, in the order g accumulated the steps, so it equals g bit for bit on plain maps.
    let length = 0;
    for (let i = 0; i < steps; i++) {
      const p = back[steps - 1 - i];
      path[i] = toCell[p];
      if (i > 0) {
        const d = p - back[steps - i];
        length += d === 1 || d === -1 || d === pw || d === -pw ? 1 : Math.SQRT2;
      }
    }
    result.path = path;
    result.pathLength = length;
    result.pathCost = g[gp];
  }
  if (options.recordCellSteps) Object.assign(result, cellSteps(result, map.width * map.height));
  result.ms = performance.now() - t0;
  return result;
}

/** Per-cell openedAt / closedAt (−1 for never), built from the recorded orders; O(cells + opened). */
export function cellSteps(
  result: PlanResult,
  cellCount: number,
): { openedAt: Int32Array; closedAt: Int32Array } {
  const openedAt = new Int32Array(cellCount).fill(-1);
  const closedAt = new Int32Array(cellCount).fill(-1);
  for (let i = 0; i < result.openedOrder.length; i++) openedAt[result.openedOrder[i]] = result.openedStep[i];
  for (let i = 0; i < result.expansionOrder.length; i++) closedAt[result.expansionOrder[i]] = i + 1;
  return { openedAt, closedAt };
}

/** Plan on a map with its cached search context (see searchContextFor); search(ctx, …) does the same. */
export function planOnce(
  map: GridMap,
  start: GridPoint,
  goal: GridPoint,
  options?: SearchOptions,
): PlanResult {
  return search(searchContextFor(map), start, goal, options);
}
