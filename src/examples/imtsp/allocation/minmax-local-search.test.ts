import { describe, expect, it } from 'vitest';
import { evaluateAllocation, isBetterSolution } from './allocation';
import { solveClusterAllocation } from './baseline-cluster';
import { randomAssignment, solveRandomAllocation } from './baseline-random';
import { closedTourLength } from '../tsp/distance';
import { clusteredInstance, uniformInstance } from '../instances/generators';
import { solveMinMaxLocalSearch } from './minmax-local-search';
import { solveTour } from '../tsp/tsp-solve';
import { bruteForceTourLength } from '../test-helpers';

const budget = { rounds: 20, timeLimitMs: Infinity };

function checkSolution(
  n: number,
  tours: Int32Array[],
  lengths: Float64Array,
  inst: Parameters<typeof closedTourLength>[0],
): void {
  const seen = new Array<number>(n).fill(0);
  for (let a = 0; a < tours.length; a++) {
    expect(tours[a][0]).toBe(0);
    for (let i = 1; i < tours[a].length; i++) seen[tours[a][i]]++;
    expect(closedTourLength(inst, tours[a], 'euclidean')).toBeCloseTo(lengths[a], 9);
  }
  expect(seen.slice(1).every((v) => v === 1)).toBe(true);
}

describe('min-max local search', () => {
  it('is never worse than its start, and valid, from clustering and from random allocations', () => {
    for (let s = 0; s < 4; s++) {
      const inst = (s % 2 === 0 ? uniformInstance : clusteredInstance)({ n: 80, seed: 70 + s });
      const fromCluster = solveMinMaxLocalSearch(inst, 4, { ...budget, seed: s });
      expect(fromCluster.start.maxTour).toBeCloseTo(solveClusterAllocation(inst, 4, { seed: s }).maxTour, 12);
      expect(fromCluster.maxTour).toBeLessThanOrEqual(fromCluster.start.maxTour + 1e-12);
      checkSolution(80, fromCluster.tours, fromCluster.lengths, inst);
      const start = randomAssignment(80, 4, s);
      const fromRandom = solveMinMaxLocalSearch(inst, 4, { ...budget, seed: s, start });
      expect(fromRandom.start.maxTour).toBeCloseTo(evaluateAllocation(inst, start, 4).maxTour, 12);
      expect(fromRandom.maxTour).toBeLessThan(fromRandom.start.maxTour);
      checkSolution(80, fromRandom.tours, fromRandom.lengths, inst);
    }
  });

  it('beats random allocation by a wide margin and improves on clustering on average', () => {
    let vsRandom = 0;
    let vsCluster = 0;
    const trials = 4;
    for (let s = 0; s < trials; s++) {
      const inst = uniformInstance({ n: 100, seed: 200 + s });
      const ls = solveMinMaxLocalSearch(inst, 5, { ...budget, seed: s });
      vsRandom += ls.maxTour / solveRandomAllocation(inst, 5, s).maxTour;
      vsCluster += ls.maxTour / ls.start.maxTour;
    }
    expect(vsRandom / trials).toBeLessThan(0.75);
    expect(vsCluster / trials).toBeLessThan(0.995);
  });

  it('finds the optimum of a tiny instance checked by brute force over all allocations', () => {
    // 7 cities + depot, 2 agents: 2^7 allocations, each agent's tour by brute force.
    for (const seed of [1, 2, 3]) {
      const inst = uniformInstance({ n: 8, seed });
      let best = Infinity;
      for (let mask = 0; mask < 1 << 7; mask++) {
        const tours: number[][] = [[0], [0]];
        for (let c = 1; c < 8; c++) tours[(mask >> (c - 1)) & 1].push(c);
        best = Math.min(best, Math.max(...tours.map((t) => bruteForceTourLength(inst, t))));
      }
      const ls = solveMinMaxLocalSearch(inst, 2, { rounds: 50, timeLimitMs: Infinity, seed });
      expect(ls.maxTour).toBeGreaterThanOrEqual(best - 1e-12);
      expect(ls.maxTour).toBeLessThanOrEqual(best * 1.02);
    }
  });

  it('is deterministic per seed', () => {
    const inst = clusteredInstance({ n: 90, seed: 8 });
    const a = solveMinMaxLocalSearch(inst, 3, { ...budget, seed: 4 });
    const b = solveMinMaxLocalSearch(inst, 3, { ...budget, seed: 4 });
    expect(b.tours.map((t) => Array.from(t))).toEqual(a.tours.map((t) => Array.from(t)));
    expect(b.maxTour).toBe(a.maxTour);
  });

  it('with a stall budget stops after that many rounds in a row without a better solution', () => {
    const inst = uniformInstance({ n: 70, seed: 31 });
    const open = { seed: 2, timeLimitMs: Infinity };
    const stalled = solveMinMaxLocalSearch(inst, 4, { ...open, rounds: 10_000, stallRounds: 6 });
    expect(stalled.rounds).toBeGreaterThanOrEqual(6);
    expect(stalled.rounds).toBeLessThan(10_000);
    // The search is a prefix of the fixed-round one: the same rounds give the same tours...
    const fixed = solveMinMaxLocalSearch(inst, 4, { ...open, rounds: stalled.rounds });
    expect(fixed.maxTour).toBe(stalled.maxTour);
    // ... its last 6 rounds found nothing better, and the round before them did (or it was the start).
    expect(solveMinMaxLocalSearch(inst, 4, { ...open, rounds: stalled.rounds - 6 }).maxTour).toBe(
      stalled.maxTour,
    );
    if (stalled.rounds > 6) {
      const before = solveMinMaxLocalSearch(inst, 4, { ...open, rounds: stalled.rounds - 7 });
      expect(isBetterSolution(stalled, before)).toBe(true);
    }
  });

  it('with one agent returns a polished single tour; with more agents than cities it still covers all', () => {
    const inst = uniformInstance({ n: 40, seed: 12 });
    const one = solveMinMaxLocalSearch(inst, 1, budget);
    checkSolution(40, one.tours, one.lengths, inst);
    expect(one.maxTour).toBeLessThanOrEqual(
      solveTour(
        inst,
        Array.from({ length: 39 }, (_, i) => i + 1),
      ).length + 1e-12,
    );
    const small = uniformInstance({ n: 4, seed: 3 });
    const many = solveMinMaxLocalSearch(small, 6, budget);
    checkSolution(4, many.tours, many.lengths, small);
    // With spare agents, each city gets its own round trip: the longest is the farthest city's.
    const farthest = Math.max(
      ...[1, 2, 3].map((c) => 2 * Math.hypot(small.x[c] - small.x[0], small.y[c] - small.y[0])),
    );
    expect(many.maxTour).toBeCloseTo(farthest, 12);
  });
});
