/**
 * The bench's arithmetic: pooling per-kind metrics into one row, mean ± sd over training seeds, the table rows and
 * the goals. Pure functions over the evaluation's metrics (no tfjs).
 */
import type { NavigationMetrics } from '../evaluation/metrics.ts';
import type { DrivenMetrics } from '../evaluation/evaluation.ts';
import type { WorldKind } from '../worlds/types.ts';

/** One planner's metrics with collisions and timeouts (undefined for the privileged planner, which plans once). */
export type PlannerRow = NavigationMetrics & { collisions?: number; timeouts?: number };

/** Every kind's metrics of one planner, plus all kinds pooled. */
export interface PlannerResult {
  byKind: Record<string, PlannerRow>;
  pooled: PlannerRow;
}

/** Pool per-kind rows: means weighted by episodes (NaN entries left out), counts summed. */
export function pool(rows: readonly PlannerRow[]): PlannerRow {
  const n = rows.reduce((a, r) => a + r.episodes, 0);
  const mean = (f: (r: PlannerRow) => number) => {
    const ok = rows.filter((r) => Number.isFinite(f(r)));
    const m = ok.reduce((a, r) => a + r.episodes, 0);
    return m ? ok.reduce((a, r) => a + f(r) * r.episodes, 0) / m : NaN;
  };
  const driven = rows.every((r) => r.collisions !== undefined);
  return {
    episodes: n,
    successRate: mean((r) => r.successRate),
    spl: mean((r) => r.spl),
    meanPathLength: mean((r) => r.meanPathLength),
    msPerPlan: mean((r) => r.msPerPlan),
    ...(driven
      ? {
          collisions: rows.reduce((a, r) => a + (r.collisions ?? 0), 0),
          timeouts: rows.reduce((a, r) => a + (r.timeouts ?? 0), 0),
        }
      : {}),
  };
}

export function plannerResult(kinds: readonly WorldKind[], rows: readonly PlannerRow[]): PlannerResult {
  return { byKind: Object.fromEntries(kinds.map((k, i) => [k, rows[i]])), pooled: pool(rows) };
}

export function drivenRow(m: DrivenMetrics): PlannerRow {
  return {
    episodes: m.episodes,
    successRate: m.successRate,
    spl: m.spl,
    meanPathLength: m.meanPathLength,
    msPerPlan: m.msPerPlan,
    collisions: m.collisions,
    timeouts: m.timeouts,
  };
}

/** Mean and sample standard deviation (0 for a single value). */
export function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
}

/** A row of seed means: each metric is the mean over seeds, counts summed. */
export function seedMean(rows: readonly PlannerRow[]): PlannerRow & { successSd: number; splSd: number } {
  const s = meanSd(rows.map((r) => r.successRate));
  const p = meanSd(rows.map((r) => r.spl));
  return {
    episodes: rows[0].episodes,
    successRate: s.mean,
    spl: p.mean,
    meanPathLength: meanSd(rows.map((r) => r.meanPathLength)).mean,
    msPerPlan: meanSd(rows.map((r) => r.msPerPlan)).mean,
    collisions: meanSd(rows.map((r) => r.collisions ?? NaN)).mean,
    timeouts: meanSd(rows.map((r) => r.timeouts ?? NaN)).mean,
    successSd: s.sd,
    splSd: p.sd,
  };
}

/** The goals for one learned planner against the two classical ones. */
export interface Goals {
  /** Smallest success rate over the kinds. */
  worstSuccess: number;
  /** Smallest learned SPL / privileged SPL over the kinds. */
  worstSplRatio: number;
  successAtLeast90EveryKind: boolean;
  splWithin10PercentEveryKind: boolean;
  /** Pooled success per ms of planning, learned over depth-only (> 1: the learned planner wins). */
  successPerMsVsDepthOnly: number;
  /** Pooled SPL, learned minus depth-only. */
  splVsDepthOnly: number;
  /** Depth-only ms per plan / learned ms per plan. */
  speedupVsDepthOnly: number;
  atLeast4xFasterThanDepthOnly: boolean;
}

export function goalsOf(
  kinds: readonly WorldKind[],
  learned: PlannerResult,
  privileged: PlannerResult,
  depthOnly: PlannerResult,
): Goals {
  const worstSuccess = Math.min(...kinds.map((k) => learned.byKind[k].successRate));
  const worstSplRatio = Math.min(...kinds.map((k) => learned.byKind[k].spl / privileged.byKind[k].spl));
  const l = learned.pooled;
  const d = depthOnly.pooled;
  const speedup = d.msPerPlan / l.msPerPlan;
  return {
    worstSuccess,
    worstSplRatio,
    successAtLeast90EveryKind: worstSuccess >= 0.9,
    splWithin10PercentEveryKind: worstSplRatio >= 0.9,
    successPerMsVsDepthOnly: l.successRate / l.msPerPlan / (d.successRate / d.msPerPlan),
    splVsDepthOnly: l.spl - d.spl,
    speedupVsDepthOnly: speedup,
    atLeast4xFasterThanDepthOnly: speedup >= 4,
  };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : '–');
const fixed = (x: number | undefined, d: number) =>
  x !== undefined && Number.isFinite(x) ? x.toFixed(d) : '–';

/** One table row: set, planner, success, SPL, collisions, timeouts, path, ms/plan. */
export function tableRow(set: string, planner: string, r: PlannerRow, sd?: { success: number; spl: number }) {
  return [
    set,
    planner,
    sd ? `${pct(r.successRate)} ± ${(100 * sd.success).toFixed(1)}` : pct(r.successRate),
    sd ? `${fixed(r.spl, 3)} ± ${fixed(sd.spl, 3)}` : fixed(r.spl, 3),
    fixed(r.collisions, Number.isInteger(r.collisions) ? 0 : 1),
    fixed(r.timeouts, Number.isInteger(r.timeouts) ? 0 : 1),
    fixed(r.meanPathLength, 2),
    fixed(r.msPerPlan, 3),
  ];
}

export const TABLE_HEAD = [
  'held-out set',
  'planner',
  'success',
  'SPL',
  'collisions',
  'timeouts',
  'path (m)',
  'ms / plan',
];
