import type { GridMap } from '../maps/grid-map.ts';
import { OpenList } from './open-list.ts';

/** state[] value of a wall (and of the padding border). */
export const WALL = 0xffff;
const MAX_GENERATION = 0x7ffe;

/**
 * Everything one map's searches need, allocated once and reused by every query on that map.
 *
 * The grid is stored padded with a one-cell wall border ((width+2) × (height+2)), so the eight neighbours of
 * any cell are fixed offsets with no bounds checks. Walls and search marks share one Uint16Array (two bytes a
 * cell, so a neighbourhood is one or two cache lines): WALL for walls, and for free cells a generation stamp
 * that resets them without clearing: a cell is open in this query when state = 2·generation, closed when
 * state = 2·generation + 1, and unseen for any other value.
 */
/**
 * The order neighbours are visited in; it only matters to FIFO / LIFO ties (and to which of several equal
 * paths is kept). 'row-major' is NW, N, NE, W, E, SW, S, SE (a plain `for dy, for dx` loop); 'straight-first'
 * is E, W, S, N, SE, SW, NE, NW. The reference heap planners of ../shared/data/neural-astar-reference used
 * the former for the unit-cost model and the latter for the octile model.
 */
export type NeighbourOrder = 'row-major' | 'straight-first';

export interface NeighbourTable {
  readonly offsets: Int32Array;
  readonly dx: Int32Array;
  readonly dy: Int32Array;
}

const NEIGHBOUR_STEPS: Record<NeighbourOrder, readonly (readonly [number, number])[]> = {
  'row-major': [
    [-1, -1],
    [0, -1],
    [1, -1],
    [-1, 0],
    [1, 0],
    [-1, 1],
    [0, 1],
    [1, 1],
  ],
  'straight-first': [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
    [1, 1],
    [-1, 1],
    [1, -1],
    [-1, -1],
  ],
};

function neighbourTable(order: NeighbourOrder, paddedWidth: number): NeighbourTable {
  const steps = NEIGHBOUR_STEPS[order];
  return {
    offsets: Int32Array.from(steps, ([x, y]) => y * paddedWidth + x),
    dx: Int32Array.from(steps, ([x]) => x),
    dy: Int32Array.from(steps, ([, y]) => y),
  };
}

export interface SearchContext {
  readonly map: GridMap;
  readonly paddedWidth: number;
  /** WALL, or the cell's open / closed stamp (see above). */
  readonly state: Uint16Array;
  /** Padded index → map cell (−1 on the border). */
  readonly toCell: Int32Array;
  /** Map cell → padded index. */
  readonly toPadded: Int32Array;
  /** The 8 neighbours (padded offset, dx, dy) in each visiting order the engine offers. */
  readonly neighbours: Record<NeighbourOrder, NeighbourTable>;
  /**
   * Per padded cell, bit k set when move k of the row-major table is legal under the Moving AI rule (target
   * free, and for a diagonal both orthogonal neighbours free). Lets the plain octile loop visit only legal
   * moves, with no per-neighbour wall test.
   */
  readonly moves: Uint8Array;
  readonly g: Float64Array;
  readonly parent: Int32Array;
  readonly open: OpenList;
  /** Scratch: map cells in expansion order and in first-open order, and the expansion count at opening. */
  readonly expansionScratch: Int32Array;
  readonly openedScratch: Int32Array;
  readonly openedStepScratch: Int32Array;
  /** Scratch: the path's padded cells, goal first. */
  readonly pathScratch: Int32Array;
  generation: number;
}

export function createSearchContext(map: GridMap): SearchContext {
  const pw = map.width + 2;
  const ph = map.height + 2;
  const n = pw * ph;
  const state = new Uint16Array(n).fill(WALL);
  const toCell = new Int32Array(n).fill(-1);
  const toPadded = new Int32Array(map.width * map.height);
  for (let y = 0; y < map.height; y++) {
    for (let x = 0; x < map.width; x++) {
      const cell = y * map.width + x;
      const p = (y + 1) * pw + x + 1;
      toCell[p] = cell;
      toPadded[cell] = p;
      if (!map.blocked[cell]) state[p] = 0;
    }
  }
  const rowMajor = neighbourTable('row-major', pw);
  const moves = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    if (state[p] === WALL) continue;
    let bits = 0;
    for (let k = 0; k < 8; k++) {
      if (state[p + rowMajor.offsets[k]] === WALL) continue;
      const diagonal = rowMajor.dx[k] !== 0 && rowMajor.dy[k] !== 0;
      if (diagonal && (state[p + rowMajor.dx[k]] === WALL || state[p + rowMajor.dy[k] * pw] === WALL))
        continue;
      bits |= 1 << k;
    }
    moves[p] = bits;
  }
  return {
    map,
    paddedWidth: pw,
    state,
    moves,
    toCell,
    toPadded,
    neighbours: {
      'row-major': rowMajor,
      'straight-first': neighbourTable('straight-first', pw),
    },
    g: new Float64Array(n),
    parent: new Int32Array(n),
    open: new OpenList(map.width * map.height, n),
    expansionScratch: new Int32Array(map.width * map.height),
    openedScratch: new Int32Array(map.width * map.height),
    openedStepScratch: new Int32Array(map.width * map.height),
    pathScratch: new Int32Array(map.width * map.height),
    generation: 0,
  };
}

/** Start a new query: returns the generation whose marks count as "seen". */
export function nextGeneration(ctx: SearchContext): number {
  ctx.generation++;
  if (ctx.generation > MAX_GENERATION) {
    const state = ctx.state;
    for (let i = 0; i < state.length; i++) if (state[i] !== WALL) state[i] = 0;
    ctx.generation = 1;
  }
  return ctx.generation;
}

/** Does the context still describe this map (same size and walls)? Cheap check for callers that cache it. */
export function contextMatches(ctx: SearchContext, map: GridMap): boolean {
  if (ctx.map === map) return true;
  if (ctx.map.width !== map.width || ctx.map.height !== map.height) return false;
  const b = map.blocked;
  for (let i = 0; i < b.length; i++) if ((ctx.state[ctx.toPadded[i]] === WALL) !== (b[i] === 1)) return false;
  return true;
}

const contexts = new WeakMap<GridMap, SearchContext>();

/** The search context of a map, built on first use and kept while the map object lives (maps are immutable). */
export function searchContextFor(map: GridMap): SearchContext {
  let ctx = contexts.get(map);
  if (!ctx) {
    ctx = createSearchContext(map);
    contexts.set(map, ctx);
  }
  return ctx;
}
