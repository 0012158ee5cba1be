import type { DastarResult } from './dastar.ts';
import { octile } from '../search/heuristics.ts';
import type { GridQuery } from './data.ts';
import type { TrainingMode } from '../params.ts';

/**
 * The upper-level costs U of the two training modes, each with its gradient G = ∂U/∂H on the search history H
 * (the only thing the differentiable search passes back to the guidance map).
 */
export interface UpperCost {
  value: number;
  /** G per cell. */
  upstream: Float32Array;
}

/**
 * iA* (self-supervised, no labels): U = |H ∖ P| / |P| + λ·len(P)/h(start), the search area off the found path per
 * path cell, plus the path length against its straight-line lower bound. G = (1 − P)/|P|: the area term is what
 * the history carries back; the path term is the engine's own result (no gradient path through backtracking) and
 * keeps U honest when a greedier search buys area with length.
 */
export function iaStarCost(q: GridQuery, r: DastarResult, pathWeight: number): UpperCost {
  const n = q.map.width * q.map.height;
  const upstream = new Float32Array(n);
  if (!r.success) {
    upstream.fill(1 / n);
    return { value: r.expansionOrder.length / n + pathWeight * 2, upstream };
  }
  const onPath = new Uint8Array(n);
  for (const c of r.path) onPath[c] = 1;
  const p = r.path.length;
  for (let c = 0; c < n; c++) upstream[c] = onPath[c] ? 0 : 1 / p;
  const offPath = r.expansionOrder.length - p;
  const w = q.map.width;
  const bound = octile(
    Math.abs((q.start % w) - (q.goal % w)),
    Math.abs(Math.floor(q.start / w) - Math.floor(q.goal / w)),
  );
  return { value: offPath / p + pathWeight * (r.pathLength / Math.max(bound, 1)), upstream };
}

/** Neural A* (supervised): U = mean |H − P*| over the cells, G = sign(H − P*)/N. */
export function neuralAstarCost(q: GridQuery, r: DastarResult, optimalPath: Uint8Array): UpperCost {
  const n = q.map.width * q.map.height;
  const history = new Uint8Array(n);
  for (const c of r.expansionOrder) history[c] = 1;
  const upstream = new Float32Array(n);
  let l1 = 0;
  for (let c = 0; c < n; c++) {
    const d = history[c] - optimalPath[c];
    l1 += Math.abs(d);
    upstream[c] = Math.sign(d) / n;
  }
  return { value: l1 / n, upstream };
}

export function upperCost(
  mode: TrainingMode,
  q: GridQuery,
  r: DastarResult,
  pathWeight: number,
  optimalPath?: Uint8Array,
): UpperCost {
  if (mode === 'neural-astar') {
    if (!optimalPath) throw new Error('Neural A* mode needs the optimal path');
    return neuralAstarCost(q, r, optimalPath);
  }
  return iaStarCost(q, r, pathWeight);
}
