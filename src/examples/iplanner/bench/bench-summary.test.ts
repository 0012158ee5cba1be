import { describe, expect, it } from 'vitest';
import { goalsOf, meanSd, plannerResult, pool, seedMean, type PlannerRow } from './bench-summary.ts';

const row = (episodes: number, successRate: number, spl: number, msPerPlan: number, c?: [number, number]) =>
  ({
    episodes,
    successRate,
    spl,
    meanPathLength: 5,
    msPerPlan,
    ...(c ? { collisions: c[0], timeouts: c[1] } : {}),
  }) satisfies PlannerRow;

describe('bench summary', () => {
  it('pools kinds weighted by episodes and sums the failures', () => {
    const p = pool([row(10, 1, 0.9, 2, [0, 0]), row(30, 0.5, 0.3, 4, [10, 5])]);
    expect(p.episodes).toBe(40);
    expect(p.successRate).toBeCloseTo((10 * 1 + 30 * 0.5) / 40, 12);
    expect(p.spl).toBeCloseTo((10 * 0.9 + 30 * 0.3) / 40, 12);
    expect(p.collisions).toBe(10);
    expect(p.timeouts).toBe(5);
    expect(pool([row(1, 1, 1, 1)]).collisions).toBeUndefined();
  });

  it('gives the sample standard deviation over seeds', () => {
    expect(meanSd([1, 2, 3, 4])).toEqual({ mean: 2.5, sd: Math.sqrt(5 / 3) });
    expect(meanSd([7]).sd).toBe(0);
    const m = seedMean([row(10, 0.8, 0.7, 1, [1, 1]), row(10, 1, 0.9, 1, [0, 1])]);
    expect(m.successRate).toBeCloseTo(0.9, 12);
    expect(m.successSd).toBeCloseTo(Math.SQRT2 * 0.1, 12);
    expect(m.collisions).toBe(0.5);
  });

  it('checks every kind against the privileged planner and the pooled one against the depth-only one', () => {
    const kinds = ['forest', 'rooms'] as const;
    const learned = plannerResult(kinds, [row(10, 0.9, 0.85, 0.5, [1, 0]), row(10, 1, 0.95, 0.5, [0, 0])]);
    const privileged = plannerResult(kinds, [row(10, 1, 0.95, 1), row(10, 1, 1, 1)]);
    const depthOnly = plannerResult(kinds, [row(10, 1, 0.9, 4, [0, 0]), row(10, 1, 0.9, 4, [0, 0])]);
    const g = goalsOf(kinds, learned, privileged, depthOnly);
    expect(g.worstSuccess).toBe(0.9);
    expect(g.successAtLeast90EveryKind).toBe(true);
    expect(g.worstSplRatio).toBeCloseTo(0.85 / 0.95, 12);
    expect(g.splWithin10PercentEveryKind).toBe(false);
    expect(g.speedupVsDepthOnly).toBe(8);
    expect(g.atLeast4xFasterThanDepthOnly).toBe(true);
    expect(g.successPerMsVsDepthOnly).toBeCloseTo(0.95 / 0.5 / (1 / 4), 12);
    expect(g.splVsDepthOnly).toBeCloseTo(0.9 - 0.9, 12);
  });
});
