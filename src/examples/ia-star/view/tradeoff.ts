import type { PlannerSummary } from '../learning/evaluate.ts';

/** One planner's place in the trade-off: expansions and path length, both as ratios to the baseline. */
export interface TradeoffPoint {
  label: string;
  /** Mean expanded / A*'s expanded. */
  expandedRatio: number;
  /** Mean path / optimal over the maps where a path was found. */
  pathRatio: number;
  successRate: number;
}

export interface CurvePoint extends TradeoffPoint {
  weight: number;
}

export interface Verdict {
  label: string;
  beats: boolean;
  /** The smallest weight w whose weighted A* is at least as good on both ratios, if any. */
  dominatedBy: number | null;
  sentence: string;
}

/** The rule every quoted ratio is measured against. */
export const BASELINE_RULE = 'A* with equal-f ties broken toward the larger g';

/** Ratios are means of noisy per-map values: this much counts as equal. */
const EPS = 1e-9;

export function pointOf(label: string, s: PlannerSummary): TradeoffPoint {
  return {
    label,
    expandedRatio: s.expandedRatioVsAstar,
    pathRatio: s.pathRatioVsOptimal,
    successRate: s.successRate,
  };
}

export function curveOf(wastar: readonly ({ weight: number } & PlannerSummary)[]): CurvePoint[] {
  return wastar.map((w) => ({ ...pointOf(`w = ${w.weight}`, w), weight: w.weight }));
}

const x = (v: number) => `${v.toFixed(3)}×`;
const pct = (v: number) => `${(100 * v).toFixed(0)} %`;

/**
 * Does the learned planner beat the weighted-A* curve? Only if no measured w reaches both an expansion ratio and
 * a path ratio at most the learned planner's, and it finds a path wherever weighted A* does. The sentence says
 * which, with the numbers.
 */
export function verdictOf(point: TradeoffPoint, curve: readonly CurvePoint[]): Verdict {
  const { label } = point;
  if (!(point.successRate > 0) || !Number.isFinite(point.pathRatio))
    return { label, beats: false, dominatedBy: null, sentence: `${label} found no path on any test map.` };
  const dominating = curve.filter(
    (c) =>
      c.successRate >= point.successRate - EPS &&
      c.expandedRatio <= point.expandedRatio + EPS &&
      c.pathRatio <= point.pathRatio + EPS,
  );
  const best = dominating.length ? dominating.reduce((a, b) => (b.weight < a.weight ? b : a)) : null;
  const bestSuccess = Math.max(...curve.map((c) => c.successRate));
  if (best) {
    const who = best.weight === 1 ? 'plain A* (w = 1)' : `weighted A* at w = ${best.weight}`;
    return {
      label,
      beats: false,
      dominatedBy: best.weight,
      sentence: `${label} does not beat weighted A*: ${who} does at least as well on both counts, expanding ${x(best.expandedRatio)} A*'s cells (${label}: ${x(point.expandedRatio)}) with paths ${x(best.pathRatio)} optimal (${label}: ${x(point.pathRatio)}).`,
    };
  }
  const range = curve.length ? `w from ${curve[0].weight} to ${curve[curve.length - 1].weight}` : 'no w';
  if (point.successRate < bestSuccess - EPS)
    return {
      label,
      beats: false,
      dominatedBy: null,
      sentence: `${label} lies off the weighted-A* curve (${x(point.expandedRatio)} A*'s cells, paths ${x(point.pathRatio)} optimal), but it found a path on only ${pct(point.successRate)} of the maps (weighted A*: ${pct(bestSuccess)}), so it does not beat it.`,
    };
  return {
    label,
    beats: true,
    dominatedBy: null,
    sentence: `${label} beats the weighted-A* curve: no weight (${range}) expands at most ${x(point.expandedRatio)} A*'s cells with paths within ${x(point.pathRatio)} optimal.`,
  };
}
