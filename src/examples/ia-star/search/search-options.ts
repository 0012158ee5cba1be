import type { HeuristicKind } from './heuristics.ts';
import type { NeighbourOrder } from './search-context.ts';

/** The four classic planners, all run by the one engine in search.ts; they differ only in how f is formed. */
export type PlannerKind = 'astar' | 'dijkstra' | 'wastar' | 'greedy';

/**
 * What decides between open cells whose f values are equal (within `tieEpsilon`, 1e-9 by default):
 * - 'high-g': the larger g first (the deeper cell, closer to the goal): the strongest plain A*, the default.
 * - 'low-g':  the smaller g first (the shallower cell): usually the weakest.
 * - 'fifo':   the cell whose f was set (pushed or improved) first.
 * - 'lifo':   the cell whose f was set last.
 * - 'index':  the smaller row-major index y·width + x (Neural A*'s argmax picks the first maximum).
 * Cells equal on both f and g under 'high-g' / 'low-g' fall back to 'fifo'.
 */
export type TieRule = 'high-g' | 'low-g' | 'fifo' | 'lifo' | 'index';
export const TIE_RULES: readonly TieRule[] = ['high-g', 'low-g', 'fifo', 'lifo', 'index'];

/**
 * - 'octile': the Moving AI model. A straight move costs 1, a diagonal √2, plus cellCost of the cell entered;
 *   h = octile distance; f = g + w·h (w = 1 for A*, the weight for weighted A*).
 * - 'neural-astar': Neural A*'s model (omron-sinicx/neural-astar). Every move costs 1, or cellCost of the
 *   cell left when a cost map is given (its `g + cost_maps` at the selected node); h = Chebyshev +
 *   0.001·Euclidean; f = 0.5·g + 0.5·w·h; corner cutting allowed. Neural A* also adds the cost map to h, which
 *   here is a guidance map of 0.5·cost.
 */
export type CostModel = 'octile' | 'neural-astar';

export interface SearchOptions {
  /** Default 'astar'. */
  planner?: PlannerKind;
  /** Heuristic weight w ≥ 1 for 'wastar' (default 1.5); ignored by the other planners. */
  weight?: number;
  /** Default 'high-g'. */
  tie?: TieRule;
  /** Default 'octile'. */
  costModel?: CostModel;
  /** May a diagonal move pass a blocked orthogonal neighbour? Default false (octile) / true (neural-astar). */
  cornerCutting?: boolean;
  /** Override the cost model's heuristic (e.g. 'euclidean' for iA*'s dastar). */
  heuristic?: HeuristicKind;
  /** Cost of a diagonal move in the octile model; default √2 (iA*'s dastar uses 1.4142). */
  diagonalCost?: number;
  /** Override the coefficients of f = g·gWeight + h·hWeight + guidance (the planner's own by default). */
  fWeights?: { g: number; h: number };
  /** Per-cell traversal cost (≥ 0, width·height, row-major); see CostModel for where it is charged. */
  cellCost?: Float32Array;
  /** Per-cell value added to f (any sign); how a learned map steers the search without changing the engine. */
  guidance?: Float32Array;
  /** Order neighbours are visited in (matters to FIFO / LIFO ties only); default 'row-major'. */
  neighbourOrder?: NeighbourOrder;
  /** f values closer than this count as equal; default 1e-9. */
  tieEpsilon?: number;
  /** Also return per-cell openedAt / closedAt arrays (see PlanResult); default false. */
  recordCellSteps?: boolean;
  /** Give up after this many expansions (status 'limit'). */
  maxExpansions?: number;
}

/** Options reduced to the numbers the engine's inner loop uses. */
export interface ResolvedSearch {
  planner: PlannerKind;
  tie: TieRule;
  costModel: CostModel;
  cornerCutting: boolean;
  heuristic: HeuristicKind;
  gWeight: number;
  hWeight: number;
  straightCost: number;
  diagonalCost: number;
  tieEpsilon: number;
  neighbourOrder: NeighbourOrder;
  maxExpansions: number;
}

export const DEFAULT_WASTAR_WEIGHT = 1.5;

function checkWeight(w: number): number {
  if (!Number.isFinite(w) || w < 1) throw new RangeError(`weighted A* needs a weight w ≥ 1, got ${w}`);
  return w;
}

export function resolveSearchOptions(options: SearchOptions = {}): ResolvedSearch {
  const planner = options.planner ?? 'astar';
  const costModel = options.costModel ?? 'octile';
  const neural = costModel === 'neural-astar';
  const w = planner === 'wastar' ? checkWeight(options.weight ?? DEFAULT_WASTAR_WEIGHT) : 1;
  // Neural A* forms f = g_ratio·g + (1 − g_ratio)·h with g_ratio = 0.5.
  const scale = neural ? 0.5 : 1;
  let gWeight = scale;
  let hWeight = scale * w;
  if (planner === 'dijkstra') hWeight = 0;
  if (planner === 'greedy') gWeight = 0;
  if (options.fWeights) {
    gWeight = options.fWeights.g;
    hWeight = options.fWeights.h;
  }
  const diagonalCost = options.diagonalCost ?? Math.SQRT2;
  if (!(diagonalCost > 0)) throw new RangeError(`diagonalCost must be positive, got ${diagonalCost}`);
  return {
    planner,
    tie: options.tie ?? 'high-g',
    costModel,
    cornerCutting: options.cornerCutting ?? neural,
    heuristic: options.heuristic ?? (neural ? 'chebyshev-euclid' : 'octile'),
    gWeight,
    hWeight,
    straightCost: 1,
    diagonalCost: neural ? 1 : diagonalCost,
    tieEpsilon: options.tieEpsilon ?? 1e-9,
    neighbourOrder: options.neighbourOrder ?? 'row-major',
    maxExpansions: options.maxExpansions ?? Number.POSITIVE_INFINITY,
  };
}
