import { type SearchContext, WALL } from './search-context.ts';

/** Everything the hot loops read, set up once per query by search(). */
export interface LoopQuery {
  openMark: number;
  closedMark: number;
  /** Padded index and padded coordinates of the goal. */
  goal: number;
  goalX: number;
  goalY: number;
  gWeight: number;
  hWeight: number;
  /** Tie key = tieG·g + tieSeq·seq + tieIndex·cell (see TieRule). */
  tieG: number;
  tieSeq: number;
  tieIndex: number;
  maxExpansions: number;
  offsets: Int32Array;
  dx: Int32Array;
  dy: Int32Array;
  /** Counters, read back after the loop. */
  seq: number;
  expanded: number;
  opened: number;
}

/** The general loop's extras: cost model, heuristic and per-cell maps. */
export interface GeneralLoopQuery extends LoopQuery {
  cornerCutting: boolean;
  straightCost: number;
  diagonalCost: number;
  /** Neural A*'s model: a move costs cellCost[cell left] (1 without a cost map). */
  chargeLeftCell: boolean;
  /** null = octile, inlined. */
  heuristic: ((dx: number, dy: number) => number) | null;
  cellCost: Float32Array | null;
  guidance: Float32Array | null;
}

export const LOOP_FOUND = 1;
export const LOOP_EXHAUSTED = 2;
export const LOOP_LIMIT = 3;

const OCTILE_K = Math.SQRT2 - 1;

/**
 * The hot loop for the common case: octile costs and heuristic, no corner cutting, no cost or guidance map,
 * row-major neighbour order (its move bits follow that table).
 * Kept apart from search() so V8 optimises it whole (not by on-stack replacement with the result code after it).
 */
export function runOctileLoop(ctx: SearchContext, q: LoopQuery): number {
  const state = ctx.state;
  const moves = ctx.moves;
  const g = ctx.g;
  const parent = ctx.parent;
  const open = ctx.open;
  const heapKeys = open.keys;
  const eps = open.epsilon;
  const order = ctx.expansionScratch;
  const opened = ctx.openedScratch;
  const openedStep = ctx.openedStepScratch;
  const pw = ctx.paddedWidth;
  const w = pw - 2;
  const { offsets, dx: DX, dy: DY } = q;
  const openMark = q.openMark;
  const closedMark = q.closedMark;
  const goal = q.goal;
  const gx = q.goalX;
  const gy = q.goalY;
  const gW = q.gWeight;
  const hW = q.hWeight;
  const tieG = q.tieG;
  const tieSeq = q.tieSeq;
  const tieIndex = q.tieIndex;
  const maxExpansions = q.maxExpansions;
  let seq = q.seq;
  let expanded = q.expanded;
  let nOpened = q.opened;
  let status = LOOP_EXHAUSTED;
  // A one-entry cache in front of the heap: the best cell opened by the last expansion stays here and, when it
  // still beats the heap's top, is expanded next without touching the heap. Along corridors and open
  // diagonals most expansions go through it, saving a push and a pop; the expansion order is unchanged.
  let front = -1;
  let frontF = 0;
  let frontT = 0;
  let frontS = 0;
  for (;;) {
    let c: number;
    if (front >= 0) {
      let frontFirst = open.size === 0;
      if (!frontFirst) {
        const df = frontF - heapKeys[0];
        if (df < -eps) frontFirst = true;
        else if (df <= eps) {
          const dt = frontT - heapKeys[1];
          frontFirst = dt < -eps || (dt <= eps && frontS < heapKeys[2]);
        }
      }
      if (frontFirst) {
        c = front;
      } else {
        open.push(front, frontF, frontT, frontS);
        c = open.pop();
      }
      front = -1;
    } else if (open.size > 0) {
      c = open.pop();
    } else {
      break;
    }
    state[c] = closedMark;
    const cy = (c / pw) | 0;
    const cx = c - cy * pw;
    // Scratch arrays hold map cells (padded (x, y) is map (x − 1, y − 1)).
    order[expanded++] = (cy - 1) * w + cx - 1;
    if (c === goal) {
      status = LOOP_FOUND;
      break;
    }
    if (expanded >= maxExpansions) {
      status = LOOP_LIMIT;
      break;
    }
    const gc = g[c];
    // Visit the legal moves only, lowest bit (first in the row-major table) first.
    for (let bits = moves[c]; bits !== 0; bits &= bits - 1) {
      const k = 31 - Math.clz32(bits & -bits);
      const n = c + offsets[k];
      const m = state[n];
      if (m === closedMark) continue;
      const ddx = DX[k];
      const ddy = DY[k];
      const ng = gc + (ddx !== 0 && ddy !== 0 ? Math.SQRT2 : 1);
      // Only a real improvement (beyond the tie tolerance) counts: sums of 1 and √2 taken in different
      // orders differ in the last bit, and chasing those would only churn the heap.
      if (m === openMark && ng >= g[n] - eps) continue;
      g[n] = ng;
      parent[n] = c;
      const adx = Math.abs(cx + ddx - gx);
      const ady = Math.abs(cy + ddy - gy);
      const h = adx < ady ? OCTILE_K * adx + ady : OCTILE_K * ady + adx;
      const f = gW * ng + hW * h;
      const tie = tieG * ng + tieSeq * seq + tieIndex * n;
      const s = seq++;
      if (m === openMark) {
        if (n === front) {
          frontF = f;
          frontT = tie;
          frontS = s;
        } else {
          open.update(n, f, tie, s);
        }
        continue;
      }
      state[n] = openMark;
      opened[nOpened] = (cy + ddy - 1) * w + cx + ddx - 1;
      openedStep[nOpened++] = expanded;
      if (front < 0) {
        front = n;
        frontF = f;
        frontT = tie;
        frontS = s;
        continue;
      }
      // Keep the better of the two in front; the other goes to the heap.
      const df = f - frontF;
      let better = df < -eps;
      if (!better && df <= eps) {
        const dt = tie - frontT;
        better = dt < -eps || (dt <= eps && s < frontS);
      }
      if (better) {
        open.push(front, frontF, frontT, frontS);
        front = n;
        frontF = f;
        frontT = tie;
        frontS = s;
      } else {
        open.push(n, f, tie, s);
      }
    }
  }
  q.seq = seq;
  q.expanded = expanded;
  q.opened = nOpened;
  return status;
}

/** The loop for every other setting (cost models, heuristics, corner cutting, cost and guidance maps). */
export function runGeneralLoop(ctx: SearchContext, q: GeneralLoopQuery): number {
  const state = ctx.state;
  const g = ctx.g;
  const parent = ctx.parent;
  const open = ctx.open;
  const toCell = ctx.toCell;
  const order = ctx.expansionScratch;
  const opened = ctx.openedScratch;
  const openedStep = ctx.openedStepScratch;
  const pw = ctx.paddedWidth;
  const w = pw - 2;
  const eps = open.epsilon;
  const { offsets, dx: DX, dy: DY } = q;
  const { openMark, closedMark, goal, gWeight: gW, hWeight: hW, tieG, tieSeq, tieIndex, maxExpansions } = q;
  const gx = q.goalX;
  const gy = q.goalY;
  const { cornerCutting: cut, straightCost, diagonalCost, chargeLeftCell, heuristic, cellCost, guidance } = q;
  let seq = q.seq;
  let expanded = q.expanded;
  let nOpened = q.opened;
  let status = LOOP_EXHAUSTED;
  while (open.size > 0) {
    const c = open.pop();
    state[c] = closedMark;
    const cy = (c / pw) | 0;
    const cx = c - cy * pw;
    // Scratch arrays hold map cells (padded (x, y) is map (x − 1, y − 1)).
    order[expanded++] = (cy - 1) * w + cx - 1;
    if (c === goal) {
      status = LOOP_FOUND;
      break;
    }
    if (expanded >= maxExpansions) {
      status = LOOP_LIMIT;
      break;
    }
    const gc = g[c];
    const leaveCost = chargeLeftCell ? (cellCost ? cellCost[toCell[c]] : 1) : 0;
    for (let k = 0; k < 8; k++) {
      const n = c + offsets[k];
      const m = state[n];
      if (m === WALL || m === closedMark) continue;
      const ddx = DX[k];
      const ddy = DY[k];
      const diagonal = ddx !== 0 && ddy !== 0;
      if (diagonal && !cut && (state[c + ddx] === WALL || state[c + ddy * pw] === WALL)) continue;
      const step = chargeLeftCell
        ? leaveCost
        : (diagonal ? diagonalCost : straightCost) + (cellCost ? cellCost[toCell[n]] : 0);
      const ng = gc + step;
      // Only a real improvement (beyond the tie tolerance) reopens the question: sums of 1 and √2 taken in
      // different orders differ in the last bit, and chasing those would only churn the heap.
      if (m === openMark && ng >= g[n] - eps) continue;
      g[n] = ng;
      parent[n] = c;
      const adx = Math.abs(cx + ddx - gx);
      const ady = Math.abs(cy + ddy - gy);
      const h = heuristic ? heuristic(adx, ady) : adx < ady ? OCTILE_K * adx + ady : OCTILE_K * ady + adx;
      const f = gW * ng + hW * h + (guidance ? guidance[toCell[n]] : 0);
      const tie = tieG * ng + tieSeq * seq + tieIndex * n;
      if (m === openMark) {
        open.update(n, f, tie, seq++);
      } else {
        state[n] = openMark;
        open.push(n, f, tie, seq++);
        opened[nOpened] = (cy + ddy - 1) * w + cx + ddx - 1;
        openedStep[nOpened++] = expanded;
      }
    }
  }
  q.seq = seq;
  q.expanded = expanded;
  q.opened = nOpened;
  return status;
}
