import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath, sharedDataTitle } from '../../../test-support/shared-data';
import { closedTourLength, localDistanceMatrix } from './distance';
import { clusteredInstance, uniformInstance } from '../instances/generators';
import { cheapestInsertionTour, nearestNeighbourTour } from './tsp-construct';
import { heldKarp } from './tsp-held-karp';
import { DEFAULT_EXACT_UP_TO, solveLocalTsp, solveTour } from './tsp-solve';
import { isTourOf } from '../test-helpers';
import { parseTsplib, TSPLIB_METRIC } from './tsplib';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('construction', () => {
  it('gives tours from the depot; cheapest insertion matches a direct O(k³) implementation', () => {
    for (const seed of [1, 2, 3]) {
      const k = 30;
      const inst = uniformInstance({ n: k, seed });
      const d = localDistanceMatrix(inst, range(k), 'euclidean');
      expect(isTourOf(nearestNeighbourTour(d, k), range(k))).toBe(true);
      const ci = cheapestInsertionTour(d, k);
      expect(isTourOf(ci, range(k))).toBe(true);
      // Direct rule: start with the depot and its nearest city, insert the (city, edge) pair of least cost.
      const tour = [
        0,
        range(k)
          .slice(1)
          .reduce((b, c) => (d[c] < d[b] ? c : b), 1),
      ];
      while (tour.length < k) {
        let best = { cost: Infinity, c: -1, at: 0 };
        for (let c = 0; c < k; c++) {
          if (tour.includes(c)) continue;
          for (let i = 0; i < tour.length; i++) {
            const a = tour[i];
            const b = tour[(i + 1) % tour.length];
            const cost = d[a * k + c] + d[c * k + b] - d[a * k + b];
            if (cost < best.cost) best = { cost, c, at: i + 1 };
          }
        }
        tour.splice(best.at, 0, best.c);
      }
      expect(closedTourLength(inst, ci, 'euclidean')).toBeCloseTo(
        closedTourLength(inst, tour, 'euclidean'),
        10,
      );
    }
  });
});

describe('solveTour', () => {
  it('returns the depot first, the requested cities once each, and a length that matches the tour', () => {
    const inst = uniformInstance({ n: 120, seed: 9 });
    const subset = [57, 3, 88, 12, 0, 41, 99, 7, 64, 23, 110, 5, 76, 31];
    for (const quality of [false, true]) {
      const { tour, length } = solveTour(inst, subset, { quality });
      expect(isTourOf(tour, subset)).toBe(true);
      expect(closedTourLength(inst, tour, 'euclidean')).toBeCloseTo(length, 10);
    }
    const noDepot = solveTour(inst, [5, 6, 7]);
    expect(isTourOf(noDepot.tour, [0, 5, 6, 7])).toBe(true);
    expect(solveTour(inst, []).length).toBe(0);
    expect(() => solveTour(inst, [5, 5])).toThrow(RangeError);
    expect(() => solveTour(inst, [120])).toThrow(RangeError);
  });

  it('is exact up to the Held–Karp threshold and never beats the optimum above it', () => {
    for (let seed = 0; seed < 30; seed++) {
      const k = 6 + (seed % 7); // 6..12 cities including the depot
      const inst = uniformInstance({ n: k, seed: 500 + seed });
      const optimum = heldKarp(localDistanceMatrix(inst, range(k), 'euclidean'), k).length;
      if (k <= DEFAULT_EXACT_UP_TO) expect(solveTour(inst, range(k)).length).toBeCloseTo(optimum, 10);
      expect(solveTour(inst, range(k), { exactUpTo: 12 }).length).toBeCloseTo(optimum, 10);
      const heuristic = solveTour(inst, range(k), { exactUpTo: 0 }).length;
      expect(heuristic).toBeGreaterThanOrEqual(optimum - 1e-9);
    }
  });

  it('lands close to Held–Karp at small N with the heuristic alone (mean gap < 1 %, quality mode exact)', () => {
    let gap = 0;
    let qualityGap = 0;
    const trials = 60;
    for (let seed = 0; seed < trials; seed++) {
      const k = 12 + (seed % 5); // 12..16
      const inst = (seed % 2 === 0 ? uniformInstance : clusteredInstance)({ n: k, seed: 900 + seed });
      const optimum = heldKarp(localDistanceMatrix(inst, range(k), 'euclidean'), k).length;
      gap += solveTour(inst, range(k), { exactUpTo: 0 }).length / optimum - 1;
      qualityGap += solveTour(inst, range(k), { exactUpTo: 0, quality: { seed } }).length / optimum - 1;
    }
    expect(gap / trials).toBeLessThan(0.01);
    expect(qualityGap / trials).toBeLessThan(1e-3);
  });

  it('leaves no improving 2-opt or single-city Or-opt move when every city is a candidate', () => {
    for (const seed of [1, 2]) {
      const k = 80;
      const inst = uniformInstance({ n: k, seed });
      const d = localDistanceMatrix(inst, range(k), 'euclidean');
      const { tour, length } = solveLocalTsp(d, k, { neighbours: k - 1 });
      const at = (i: number): number => tour[((i % k) + k) % k];
      const dist = (a: number, b: number): number => d[a * k + b];
      for (let i = 0; i < k; i++) {
        for (let j = i + 2; j < k; j++) {
          if (i === 0 && j === k - 1) continue;
          const delta =
            dist(at(i), at(j)) + dist(at(i + 1), at(j + 1)) - dist(at(i), at(i + 1)) - dist(at(j), at(j + 1));
          expect(delta).toBeGreaterThan(-1e-9);
        }
        const gain = dist(at(i - 1), at(i)) + dist(at(i), at(i + 1)) - dist(at(i - 1), at(i + 1));
        for (let j = 0; j < k; j++) {
          if (j === i || j === i - 1 || (i === 0 && j === k - 1)) continue;
          const add = dist(at(j), at(i)) + dist(at(i), at(j + 1)) - dist(at(j), at(j + 1));
          expect(add - gain).toBeGreaterThan(-1e-9);
        }
      }
      expect(length).toBeLessThan(closedTourLength(inst, nearestNeighbourTour(d, k), 'euclidean'));
    }
  });

  it('is deterministic for a seed and handles N = 500', () => {
    const inst = uniformInstance({ n: 500, seed: 4 });
    const a = solveTour(inst, range(500), { quality: { seed: 3, kicks: 2000 } });
    const b = solveTour(inst, range(500), { quality: { seed: 3, kicks: 2000 } });
    expect(Array.from(a.tour)).toEqual(Array.from(b.tour));
    expect(isTourOf(a.tour, range(500))).toBe(true);
    const fast = solveTour(inst, range(500));
    expect(a.length).toBeLessThanOrEqual(fast.length);
    // 2-opt + Or-opt from nearest neighbour typically ends about 5 % above the optimum; the kicks close most of it.
    expect(fast.length / a.length).toBeLessThan(1.08);
    expect(fast.length / a.length).toBeGreaterThan(1.01);
  });
});

const TSPLIB_OPTIMA: Record<string, number> = { eil51: 426, berlin52: 7542, st70: 675 };

describe.skipIf(!hasSharedData)(sharedDataTitle('TSPLIB optima (nint distances)'), () => {
  for (const [name, optimum] of Object.entries(TSPLIB_OPTIMA)) {
    it(`${name}: quality setting within 2 % of ${optimum}, never below it`, () => {
      const file = parseTsplib(readFileSync(sharedDataPath('tsplib', `${name}.tsp`), 'utf8'));
      const metric = TSPLIB_METRIC[file.edgeWeightType];
      const all = range(file.instance.x.length);
      for (const seed of [0, 1, 2]) {
        const { tour, length } = solveTour(file.instance, all, { metric, quality: { seed } });
        expect(closedTourLength(file.instance, tour, metric)).toBe(length);
        expect(length).toBeGreaterThanOrEqual(optimum);
        expect(length).toBeLessThanOrEqual(optimum * 1.02);
      }
      const fast = solveTour(file.instance, all, { metric }).length;
      expect(fast).toBeGreaterThanOrEqual(optimum);
      expect(fast).toBeLessThanOrEqual(optimum * 1.1);
    });
  }
});
