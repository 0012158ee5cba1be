import { createGridMap, type GridMap, type GridPoint, gridPoint } from '../maps/grid-map.ts';
import { createSearchContext } from '../search/search-context.ts';
import type { PlannerKind } from '../search/search-options.ts';
import { type PlanResult, search } from '../search/search.ts';

export interface PlannerInfo {
  kind: PlannerKind;
  label: string;
  /** f in the papers' letters, as KaTeX. */
  formula: string;
  note: string;
}

export const PLANNERS: readonly PlannerInfo[] = [
  { kind: 'astar', label: 'A*', formula: 'f = g + h', note: 'optimal' },
  { kind: 'dijkstra', label: 'Dijkstra', formula: 'f = g', note: 'optimal, no heuristic' },
  { kind: 'wastar', label: 'Weighted A*', formula: 'f = g + w\\,h', note: 'within w × optimal' },
  { kind: 'greedy', label: 'Greedy best-first', formula: 'f = h', note: 'no bound on the path' },
];

export const PLANNER_KINDS: readonly PlannerKind[] = PLANNERS.map((p) => p.kind);

export function plannerInfo(kind: PlannerKind): PlannerInfo {
  return PLANNERS.find((p) => p.kind === kind)!;
}

/** Maps larger than this (cells) are planned in idle time, one planner per slice, instead of at once. */
export const IMMEDIATE_CELLS = 256 * 256;
/** Each planner stops after this many expansions on the page (about 50 ms of main-thread work). */
export const PAGE_MAX_EXPANSIONS = 400_000;

/** The four planners' results for one query on one map. */
export interface PlanSet {
  map: GridMap;
  start: GridPoint;
  goal: GridPoint;
  weight: number;
  results: Record<PlannerKind, PlanResult>;
}

/** A search context for one batch of queries: built per map and not cached, so old maps free their memory. */
export function planOne(
  ctx: ReturnType<typeof createSearchContext>,
  kind: PlannerKind,
  start: GridPoint,
  goal: GridPoint,
  weight: number,
): PlanResult {
  return search(ctx, start, goal, { planner: kind, weight, maxExpansions: PAGE_MAX_EXPANSIONS });
}

let warm = false;

/**
 * Run every planner once on a small map, so the first timings the page shows measure the search and not the
 * JIT compiling it (otherwise whichever planner runs first looks several times slower).
 */
export function warmUp(): void {
  if (warm) return;
  warm = true;
  const map = createGridMap(24, 24);
  for (let i = 3; i < 21; i++) map.blocked[i * 24 + 12] = 1;
  const ctx = createSearchContext(map);
  for (let round = 0; round < 5; round++)
    for (const kind of PLANNER_KINDS) planOne(ctx, kind, gridPoint(1, 12), gridPoint(22, 12), 1.5);
}

export function planAll(map: GridMap, start: GridPoint, goal: GridPoint, weight: number): PlanSet {
  warmUp();
  const ctx = createSearchContext(map);
  const results = {} as Record<PlannerKind, PlanResult>;
  for (const kind of PLANNER_KINDS) results[kind] = planOne(ctx, kind, start, goal, weight);
  return { map, start, goal, weight, results };
}

/** The largest expansion count of the set: how far the shared playback clock runs. */
export function longestSearch(set: PlanSet | null): number {
  if (!set) return 0;
  return Math.max(...PLANNER_KINDS.map((k) => set.results[k].expansionOrder.length));
}
