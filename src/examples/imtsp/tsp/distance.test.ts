import { describe, expect, it } from 'vitest';
import {
  closedTourLength,
  distanceLookup,
  localDistanceMatrix,
  localTourLength,
  metricLength,
} from './distance';
import { makeInstance } from '../instances/instance';

describe('metricLength', () => {
  it('follows the TSPLIB formulas', () => {
    expect(metricLength(3, 4, 'euclidean')).toBe(5);
    expect(metricLength(1, 1, 'euclidean')).toBeCloseTo(Math.SQRT2, 15);
    expect(metricLength(1, 1, 'nint')).toBe(1); // nint(1.414) = 1
    expect(metricLength(1.1, 1.1, 'nint')).toBe(2); // nint(1.556) = 2
    expect(metricLength(1, 1, 'ceil')).toBe(2);
    expect(metricLength(3, 4, 'ceil')).toBe(5);
    // ATT: r = sqrt((dx²+dy²)/10), t = nint(r), and t + 1 when t < r.
    expect(metricLength(1, 1.5, 'att')).toBe(1); // r = 0.57 → 1
    expect(metricLength(5, 0, 'att')).toBe(2); // r = 1.58 → 2
    expect(metricLength(3, 1, 'att')).toBe(1); // r = 1 exactly
    expect(metricLength(11, 0, 'att')).toBe(4); // r = 3.479 → nint 3 < r → 4
  });
});

describe('distance tables', () => {
  const inst = makeInstance('t', [0, 3, 3, 0], [0, 0, 4, 4]);

  it('builds a symmetric local matrix that agrees with the coordinates', () => {
    const d = localDistanceMatrix(inst, [2, 0, 1], 'euclidean');
    expect(Array.from(d)).toEqual([0, 5, 4, 5, 0, 3, 4, 3, 0]);
    expect(localTourLength([0, 1, 2], d, 3)).toBe(12);
  });

  it('measures closed tours and looks distances up like the metric', () => {
    expect(closedTourLength(inst, [0, 1, 2, 3], 'euclidean')).toBe(14);
    expect(closedTourLength(inst, [0, 2, 1, 3], 'euclidean')).toBe(18);
    const d = distanceLookup(inst, 'euclidean');
    expect(d(0, 2)).toBe(5);
    expect(d(3, 1)).toBe(5);
  });
});
