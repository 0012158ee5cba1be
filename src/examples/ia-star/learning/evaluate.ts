import type { GridQuery } from './data.ts';
import { pointAt } from './data.ts';
import { planOnce } from '../search/search.ts';

/** Per-query results of a planner against the baseline A* (octile, equal-f ties to the larger g). */
export interface QueryOutcome {
  astarExpanded: number;
  optimalLength: number;
  expanded: number;
  pathLength: number;
  success: boolean;
  ms: number;
}

export interface PlannerSummary {
  /** Mean over queries of expanded / A*'s expanded. */
  expandedRatioVsAstar: number;
  /** Mean over successful queries of path length / optimal length. */
  pathRatioVsOptimal: number;
  successRate: number;
  /** Neural A*'s metrics (percent): Opt = optimal paths found, Exp = mean search-area reduction, Hmean. */
  opt: number;
  exp: number;
  hmean: number;
  msPerPlan: number;
  count: number;
}

export function summarisePlanner(outcomes: readonly QueryOutcome[]): PlannerSummary {
  const n = outcomes.length;
  const ok = outcomes.filter((o) => o.success);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
  const opt = (100 * ok.filter((o) => o.pathLength <= o.optimalLength + 1e-6).length) / Math.max(n, 1);
  const exp = mean(
    outcomes.map((o) => Math.max(0, (100 * (o.astarExpanded - o.expanded)) / o.astarExpanded)),
  );
  return {
    expandedRatioVsAstar: mean(outcomes.map((o) => o.expanded / o.astarExpanded)),
    pathRatioVsOptimal: mean(ok.map((o) => o.pathLength / o.optimalLength)),
    successRate: ok.length / Math.max(n, 1),
    opt,
    exp,
    hmean: opt + exp > 0 ? (2 * opt * exp) / (opt + exp) : 0,
    msPerPlan: mean(outcomes.map((o) => o.ms)),
    count: n,
  };
}

export interface Baseline {
  astarExpanded: number;
  optimalLength: number;
}

export function baselineOf(q: GridQuery): Baseline {
  const r = planOnce(q.map, pointAt(q.map, q.start), pointAt(q.map, q.goal), { planner: 'astar' });
  return { astarExpanded: r.expanded, optimalLength: r.pathLength };
}

/** Runs a planner setting on one query and compares it with the baseline. */
export function outcomeOf(
  q: GridQuery,
  base: Baseline,
  options: { weight?: number; guidance?: Float32Array },
): QueryOutcome {
  const r = planOnce(q.map, pointAt(q.map, q.start), pointAt(q.map, q.goal), {
    planner: options.weight && options.weight > 1 ? 'wastar' : 'astar',
    weight: options.weight,
    guidance: options.guidance,
  });
  return { ...base, expanded: r.expanded, pathLength: r.pathLength, success: r.success, ms: r.ms };
}

export const WASTAR_CURVE_WEIGHTS = [1, 1.1, 1.2, 1.35, 1.5, 1.75, 2, 2.5, 3] as const;

/** The weighted-A* trade-off curve (w from 1 to 3) on a split: the line a learned planner must beat. */
export function weightedAstarCurve(
  queries: readonly GridQuery[],
  baselines: readonly Baseline[],
  weights: readonly number[] = WASTAR_CURVE_WEIGHTS,
) {
  return weights.map((w) => ({
    weight: w,
    ...summarisePlanner(queries.map((q, i) => outcomeOf(q, baselines[i], { weight: w }))),
  }));
}
