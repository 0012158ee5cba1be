import { describe, expect, it } from 'vitest';
import { clusteredInstance, uniformInstance } from './generators';

describe('instance generators', () => {
  it('are deterministic per seed, in the unit square, with the requested size', () => {
    for (const make of [uniformInstance, clusteredInstance]) {
      const a = make({ n: 300, seed: 5 });
      const b = make({ n: 300, seed: 5 });
      const c = make({ n: 300, seed: 6 });
      expect(a.x.length).toBe(300);
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(Array.from(a.y)).toEqual(Array.from(b.y));
      expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
      for (let i = 0; i < 300; i++) {
        expect(a.x[i]).toBeGreaterThanOrEqual(0);
        expect(a.x[i]).toBeLessThanOrEqual(1);
        expect(a.y[i]).toBeGreaterThanOrEqual(0);
        expect(a.y[i]).toBeLessThanOrEqual(1);
      }
    }
    expect(() => uniformInstance({ n: 0, seed: 1 })).toThrow(RangeError);
  });

  it('clusters: cities sit much closer to their nearest neighbour than uniform ones', () => {
    const nearestMean = (xs: Float64Array, ys: Float64Array): number => {
      let total = 0;
      for (let i = 1; i < xs.length; i++) {
        let best = Infinity;
        for (let j = 1; j < xs.length; j++)
          if (j !== i) best = Math.min(best, Math.hypot(xs[i] - xs[j], ys[i] - ys[j]));
        total += best;
      }
      return total / (xs.length - 1);
    };
    const u = uniformInstance({ n: 200, seed: 1 });
    const c = clusteredInstance({ n: 200, seed: 1, clusters: 3, spread: 0.05 });
    expect(nearestMean(c.x, c.y)).toBeLessThan(0.7 * nearestMean(u.x, u.y));
  });
});
