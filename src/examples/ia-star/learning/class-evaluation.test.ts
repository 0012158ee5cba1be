import { describe, expect, it } from 'vitest';
import {
  CLASS_CURVE_WEIGHTS,
  acrossSeeds,
  evaluateByClass,
  frontExpandedAt,
  meanSd,
  type CurvePoint,
} from './class-evaluation.ts';
import { generatedClassQueries, SUITE_SIDES, suiteSeeds } from './class-suite.ts';
import { splitSeeds } from './data.ts';
import { WASTAR_CURVE_WEIGHTS } from './evaluate.ts';

const pt = (weight: number, expanded: number, path: number): CurvePoint => ({
  weight,
  expandedRatioVsAstar: expanded,
  pathRatioVsOptimal: path,
  successRate: 1,
});

describe('weighted-A* front', () => {
  const curve = [pt(1, 1, 1), pt(1.2, 0.6, 1.01), pt(1.5, 0.7, 1.03), pt(2, 0.3, 1.05)];

  it('interpolates linearly between front points and drops dominated ones', () => {
    expect(frontExpandedAt(curve, 1)).toBe(1);
    expect(frontExpandedAt(curve, 1.005)).toBeCloseTo(0.8, 12);
    // (1.5: 0.7 at 1.03) is dominated by w = 1.2, so 1.01 → 1.05 is one straight segment.
    expect(frontExpandedAt(curve, 1.03)).toBeCloseTo(0.45, 12);
    expect(frontExpandedAt(curve, 1.2)).toBe(0.3);
  });

  it('is sampled densely: every page weight, and steps of 0.05 up to w = 1.5 (a sparse convex front flatters)', () => {
    for (const w of WASTAR_CURVE_WEIGHTS) expect(CLASS_CURVE_WEIGHTS).toContain(w);
    const low = CLASS_CURVE_WEIGHTS.filter((w) => w <= 1.5);
    for (let i = 1; i < low.length; i++) expect(low[i] - low[i - 1]).toBeLessThanOrEqual(0.05 + 1e-12);
    expect(low[low.length - 1]).toBe(1.5);
  });

  it('takes the fewest expansions among points of equal path ratio (mazes: every path optimal)', () => {
    expect(frontExpandedAt([pt(1, 1, 1), pt(2, 0.9, 1), pt(3, 0.8, 1)], 1)).toBe(0.8);
  });
});

describe('mean ± sd over seeds', () => {
  it('uses the sample standard deviation', () => {
    const m = meanSd([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(meanSd([0.7])).toEqual({ mean: 0.7, sd: 0 });
  });
});

describe('evaluation by map class', () => {
  const suite = generatedClassQueries(3, 1).map((c) => ({ ...c, queries: c.queries.slice(0, 2) }));

  it('builds the same held-out maps from the same seed, apart from every training split', () => {
    const again = generatedClassQueries(3, 1);
    expect(again.map((c) => c.queries.length)).toEqual([3, 3, 3].map(() => SUITE_SIDES.length));
    expect(again[0].queries[0].map.blocked).toEqual(generatedClassQueries(3, 1)[0].queries[0].map.blocked);
    for (const trainingSeed of [1, 2, 3]) {
      const used = new Set(
        (['train', 'validation', 'test'] as const).flatMap((s) => splitSeeds(trainingSeed, s, 2000)),
      );
      for (const side of SUITE_SIDES)
        for (const id of ['random', 'rooms', 'maze'])
          expect(suiteSeeds(14, id, side, 16).filter((s) => used.has(s))).toEqual([]);
    }
  });

  it('a uniform guidance map is A* itself: ratio 1, path optimal, not below the curve', async () => {
    const figures = await evaluateByClass(suite, async (q) => new Float32Array(q.map.width * q.map.height));
    for (const c of figures) {
      expect(c.learned.expandedRatioVsAstar).toBe(1);
      expect(c.learned.pathRatioVsOptimal).toBe(1);
      expect(c.learned.successRate).toBe(1);
      expect(c.notWorseThanAstar).toBe(true);
      expect(c.belowWastarCurve).toBe(false);
      expect(c.meetsGoal).toBe(false);
      expect(c.wastar[0]).toMatchObject({ weight: 1, expandedRatioVsAstar: 1, pathRatioVsOptimal: 1 });
    }
    const across = acrossSeeds([figures, figures]);
    expect(Object.keys(across)).toEqual(['random', 'rooms', 'maze']);
    expect(across.random.expandedRatioVsAstar).toEqual({ mean: 1, sd: 0 });
    expect(across.random.seedsMeetingGoal).toBe(0);
  });

  it('a guidance that pulls toward the goal expands fewer cells than A* on open maps', async () => {
    // κ·(octile distance to the goal)/side: a greedier f, like weighted A*, hand-made (no learning).
    const figures = await evaluateByClass(suite.slice(0, 1), async (q) => {
      const w = q.map.width;
      const gx = q.goal % w;
      const gy = Math.floor(q.goal / w);
      return Float32Array.from({ length: w * q.map.height }, (_, c) => {
        const dx = Math.abs((c % w) - gx);
        const dy = Math.abs(Math.floor(c / w) - gy);
        return 0.5 * (Math.max(dx, dy) + (Math.SQRT2 - 1) * Math.min(dx, dy));
      });
    });
    expect(figures[0].learned.expandedRatioVsAstar).toBeLessThan(1);
    expect(figures[0].learned.pathRatioVsOptimal).toBeGreaterThanOrEqual(1);
  });
});
