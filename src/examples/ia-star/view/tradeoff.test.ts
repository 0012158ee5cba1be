import { describe, expect, it } from 'vitest';
import { type CurvePoint, verdictOf } from './tradeoff.ts';

const curve: CurvePoint[] = [
  { label: 'w = 1', weight: 1, expandedRatio: 1, pathRatio: 1, successRate: 1 },
  { label: 'w = 1.5', weight: 1.5, expandedRatio: 0.5, pathRatio: 1.026, successRate: 1 },
  { label: 'w = 2', weight: 2, expandedRatio: 0.48, pathRatio: 1.044, successRate: 1 },
];

describe('the verdict against the weighted-A* curve', () => {
  it('a point below the curve (fewer expansions at a shorter path than any w) beats it', () => {
    const v = verdictOf({ label: 'iA*', expandedRatio: 0.4, pathRatio: 1.02, successRate: 1 }, curve);
    expect(v.beats).toBe(true);
    expect(v.sentence).toContain('beats the weighted-A* curve');
    expect(v.sentence).toContain('0.400×');
  });

  it('a point some w matches on both ratios does not, and names the smallest such w', () => {
    const v = verdictOf({ label: 'Neural A*', expandedRatio: 0.86, pathRatio: 1.09, successRate: 1 }, curve);
    expect(v.beats).toBe(false);
    expect(v.dominatedBy).toBe(1.5);
    expect(v.sentence).toContain(
      'weighted A* at w = 1.5 does at least as well on both counts, expanding 0.500×',
    );
  });

  it('worse than A* itself is said as such', () => {
    const v = verdictOf({ label: 'iA*', expandedRatio: 1.3, pathRatio: 1.0, successRate: 1 }, curve);
    expect(v.dominatedBy).toBe(1);
    expect(v.sentence).toContain('plain A* (w = 1)');
  });

  it('a point off the curve that fails on some maps does not beat it', () => {
    const v = verdictOf({ label: 'iA*', expandedRatio: 0.3, pathRatio: 1.01, successRate: 0.9 }, curve);
    expect(v.beats).toBe(false);
    expect(v.sentence).toContain('only 90 %');
  });

  it('no path at all', () => {
    const v = verdictOf({ label: 'iA*', expandedRatio: 0.3, pathRatio: NaN, successRate: 0 }, curve);
    expect(v.beats).toBe(false);
    expect(v.sentence).toBe('iA* found no path on any test map.');
  });
});
