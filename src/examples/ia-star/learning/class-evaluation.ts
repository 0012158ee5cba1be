import type { ClassQueries } from './class-suite.ts';
import type { GridQuery } from './data.ts';
import {
  baselineOf,
  outcomeOf,
  summarisePlanner,
  weightedAstarCurve,
  type PlannerSummary,
  type QueryOutcome,
} from './evaluate.ts';

/** The goal of issue 14, per map class: what a learned planner must reach on held-out maps. */
export const CLASS_GOAL = { maxExpandedRatio: 0.5, maxPathRatio: 1.02, successRate: 1 } as const;

/**
 * "Below the curve" needs fewer expansions than the front by more than this share of its value: a planner equal to
 * a weighted A* (the same search, ties rounded a hair differently) must not count as beating it.
 */
export const BELOW_CURVE_MARGIN = 0.01;

/** The f-offset map a learned planner hands the classic engine for one query (as `npm run plan` does). */
export type GuidanceProvider = (q: GridQuery) => Promise<Float32Array>;

export interface CurvePoint {
  weight: number;
  expandedRatioVsAstar: number;
  pathRatioVsOptimal: number;
  successRate: number;
}

export interface ClassFigures {
  id: string;
  label: string;
  count: number;
  learned: PlannerSummary;
  wastar: CurvePoint[];
  /** Weighted A*'s expansion ratio at the learned planner's path ratio (its Pareto front, linearly interpolated). */
  wastarExpandedAtLearnedPath: number;
  /** Fewer expansions than the weighted-A* front at the same path ratio (by the margin), every query solved. */
  belowWastarCurve: boolean;
  /** Never worse than A* on the class (mean expansion ratio ≤ 1). */
  notWorseThanAstar: boolean;
  meetsGoal: boolean;
}

/**
 * The weighted-A* front's expansion ratio at path ratio p: the points sorted by path ratio (then expansions), each kept only where it
 * expands fewer than every point before it, then linear between neighbours (flat beyond the last).
 */
export function frontExpandedAt(curve: readonly CurvePoint[], p: number): number {
  const sorted = [...curve].sort(
    (a, b) => a.pathRatioVsOptimal - b.pathRatioVsOptimal || a.expandedRatioVsAstar - b.expandedRatioVsAstar,
  );
  const front: CurvePoint[] = [];
  for (const pt of sorted)
    if (front.length === 0 || pt.expandedRatioVsAstar < front[front.length - 1].expandedRatioVsAstar)
      front.push(pt);
  if (p <= front[0].pathRatioVsOptimal) return front[0].expandedRatioVsAstar;
  for (let i = 1; i < front.length; i++) {
    const a = front[i - 1];
    const b = front[i];
    if (p <= b.pathRatioVsOptimal) {
      const t = (p - a.pathRatioVsOptimal) / (b.pathRatioVsOptimal - a.pathRatioVsOptimal);
      return a.expandedRatioVsAstar + t * (b.expandedRatioVsAstar - a.expandedRatioVsAstar);
    }
  }
  return front[front.length - 1].expandedRatioVsAstar;
}

/**
 * The weights of the class evaluation's weighted-A* curve: denser than the page's (every 0.05 up to 1.5), since the
 * front is interpolated linearly between its points and a sparse convex front would flatter a learned planner.
 */
export const CLASS_CURVE_WEIGHTS = [
  1, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4, 1.45, 1.5, 1.6, 1.75, 2, 2.5, 3,
] as const;

/** Plans every query of every class with A*, the weighted-A* curve and the learned guidance, on the classic engine. */
export async function evaluateByClass(
  suite: readonly ClassQueries[],
  guidance: GuidanceProvider,
): Promise<ClassFigures[]> {
  const out: ClassFigures[] = [];
  for (const cls of suite) {
    const baselines = cls.queries.map(baselineOf);
    const outcomes: QueryOutcome[] = [];
    for (let i = 0; i < cls.queries.length; i++)
      outcomes.push(outcomeOf(cls.queries[i], baselines[i], { guidance: await guidance(cls.queries[i]) }));
    const learned = summarisePlanner(outcomes);
    const wastar = weightedAstarCurve(cls.queries, baselines, CLASS_CURVE_WEIGHTS).map((p) => ({
      weight: p.weight,
      expandedRatioVsAstar: p.expandedRatioVsAstar,
      pathRatioVsOptimal: p.pathRatioVsOptimal,
      successRate: p.successRate,
    }));
    const at = frontExpandedAt(wastar, learned.pathRatioVsOptimal);
    const solved = learned.successRate === 1;
    out.push({
      id: cls.id,
      label: cls.label,
      count: cls.queries.length,
      learned,
      wastar,
      wastarExpandedAtLearnedPath: at,
      belowWastarCurve: solved && learned.expandedRatioVsAstar < at * (1 - BELOW_CURVE_MARGIN),
      notWorseThanAstar: learned.expandedRatioVsAstar <= 1,
      meetsGoal:
        solved &&
        learned.expandedRatioVsAstar <= CLASS_GOAL.maxExpandedRatio &&
        learned.pathRatioVsOptimal <= CLASS_GOAL.maxPathRatio,
    });
  }
  return out;
}

export interface MeanSd {
  mean: number;
  sd: number;
}

/** Mean and sample standard deviation (0 for one value). */
export function meanSd(xs: readonly number[]): MeanSd {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
}

export interface ClassAcrossSeeds {
  count: number;
  expandedRatioVsAstar: MeanSd;
  pathRatioVsOptimal: MeanSd;
  successRate: MeanSd;
  wastarExpandedAtLearnedPath: MeanSd;
  /** Seeds (of all) whose planner lies below the weighted-A* curve / meets the goal on this class. */
  seedsBelowWastarCurve: number;
  seedsMeetingGoal: number;
  seeds: number;
}

/** Per class: mean ± sd over the training seeds of one figure each. */
export function acrossSeeds(perSeed: readonly ClassFigures[][]): Record<string, ClassAcrossSeeds> {
  const ids = perSeed[0]?.map((c) => c.id) ?? [];
  return Object.fromEntries(
    ids.map((id) => {
      const rows = perSeed.map((s) => s.find((c) => c.id === id)!);
      return [
        id,
        {
          count: rows[0].count,
          expandedRatioVsAstar: meanSd(rows.map((r) => r.learned.expandedRatioVsAstar)),
          pathRatioVsOptimal: meanSd(rows.map((r) => r.learned.pathRatioVsOptimal)),
          successRate: meanSd(rows.map((r) => r.learned.successRate)),
          wastarExpandedAtLearnedPath: meanSd(rows.map((r) => r.wastarExpandedAtLearnedPath)),
          seedsBelowWastarCurve: rows.filter((r) => r.belowWastarCurve).length,
          seedsMeetingGoal: rows.filter((r) => r.meetsGoal).length,
          seeds: rows.length,
        },
      ];
    }),
  );
}
