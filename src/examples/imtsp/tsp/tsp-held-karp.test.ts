import { describe, expect, it } from 'vitest';
import { closedTourLength, localDistanceMatrix } from './distance';
import { uniformInstance } from '../instances/generators';
import { heldKarp } from './tsp-held-karp';
import { bruteForceTourLength, isTourOf } from '../test-helpers';

describe('Held–Karp', () => {
  it('matches brute-force enumeration on small random instances', () => {
    for (let k = 1; k <= 9; k++) {
      for (let seed = 0; seed < 4; seed++) {
        const inst = uniformInstance({ n: k, seed: 100 * k + seed });
        const cities = Array.from({ length: k }, (_, i) => i);
        const { tour, length } = heldKarp(localDistanceMatrix(inst, cities, 'euclidean'), k);
        expect(isTourOf(tour, cities)).toBe(true);
        expect(closedTourLength(inst, tour, 'euclidean')).toBeCloseTo(length, 12);
        expect(length).toBeCloseTo(bruteForceTourLength(inst, cities), 12);
      }
    }
  });

  it('is exact on integer (TSPLIB nint) distances too', () => {
    const inst = uniformInstance({ n: 8, seed: 5 });
    const scaled = { name: 's', x: inst.x.map((v) => v * 100), y: inst.y.map((v) => v * 100) };
    const cities = Array.from({ length: 8 }, (_, i) => i);
    const { length } = heldKarp(localDistanceMatrix(scaled, cities, 'nint'), 8);
    expect(length).toBe(bruteForceTourLength(scaled, cities, 'nint'));
  });

  it('refuses tours too large for the table', () => {
    expect(() => heldKarp(new Float64Array(17 * 17), 17)).toThrow(RangeError);
  });
});
