import { describe, expect, it } from 'vitest';
import { assignmentFromTours, evaluateAllocation, isBetterSolution } from './allocation';
import { randomAssignment } from './baseline-random';
import { closedTourLength } from '../tsp/distance';
import { clusteredInstance, uniformInstance } from '../instances/generators';
import { solveTour } from '../tsp/tsp-solve';
import { bruteForceTourLength, isTourOf } from '../test-helpers';

describe('evaluateAllocation', () => {
  it('solves each agent’s cities with the engine and reports consistent lengths, max and sum', () => {
    const inst = uniformInstance({ n: 150, seed: 3 });
    const agents = 6;
    const assignment = randomAssignment(150, agents, 8);
    const result = evaluateAllocation(inst, assignment, agents);
    expect(result.tours.length).toBe(agents);
    let sum = 0;
    for (let a = 0; a < agents; a++) {
      const mine = [0, ...Array.from({ length: 149 }, (_, i) => i + 1).filter((c) => assignment[c] === a)];
      expect(isTourOf(result.tours[a], mine)).toBe(true);
      expect(closedTourLength(inst, result.tours[a], 'euclidean')).toBeCloseTo(result.lengths[a], 10);
      expect(result.lengths[a]).toBeCloseTo(solveTour(inst, mine.slice(1)).length, 10);
      sum += result.lengths[a];
    }
    expect(result.sumTour).toBeCloseTo(sum, 10);
    expect(result.maxTour).toBe(Math.max(...result.lengths));
    expect(Array.from(assignmentFromTours(150, result.tours)).slice(1)).toEqual(
      Array.from(assignment).slice(1),
    );
  });

  it('is optimal per agent on small groups (checked by brute force) and ignores the depot entry', () => {
    const inst = clusteredInstance({ n: 16, seed: 4 });
    const assignment = Int32Array.from({ length: 16 }, (_, c) => c % 2);
    assignment[0] = 7; // the depot's entry is never read
    const result = evaluateAllocation(inst, assignment, 2);
    for (let a = 0; a < 2; a++) {
      const cities = [0, ...Array.from({ length: 15 }, (_, i) => i + 1).filter((c) => c % 2 === a)];
      expect(result.lengths[a]).toBeCloseTo(bruteForceTourLength(inst, cities), 10);
    }
  });

  it('gives empty agents the tour [depot] of length 0', () => {
    const inst = uniformInstance({ n: 5, seed: 1 });
    const result = evaluateAllocation(inst, new Int32Array(5), 3);
    expect(Array.from(result.tours[1])).toEqual([0]);
    expect(result.lengths[1]).toBe(0);
    expect(result.maxTour).toBe(result.lengths[0]);
    expect(evaluateAllocation(uniformInstance({ n: 1, seed: 1 }), new Int32Array(1), 2).maxTour).toBe(0);
  });

  it('rejects allocations that do not fit', () => {
    const inst = uniformInstance({ n: 5, seed: 1 });
    expect(() => evaluateAllocation(inst, new Int32Array(4), 2)).toThrow(/4 entries/);
    expect(() => evaluateAllocation(inst, Int32Array.from([0, 0, 2, 0, 0]), 2)).toThrow(/agent 2/);
    expect(() => evaluateAllocation(inst, new Int32Array(5), 0)).toThrow(/agents/);
  });
});

describe('isBetterSolution', () => {
  it('orders by the longest tour, then the total', () => {
    expect(isBetterSolution({ maxTour: 1, sumTour: 9 }, { maxTour: 2, sumTour: 3 })).toBe(true);
    expect(isBetterSolution({ maxTour: 2, sumTour: 3 }, { maxTour: 2, sumTour: 4 })).toBe(true);
    expect(isBetterSolution({ maxTour: 2, sumTour: 4 }, { maxTour: 2, sumTour: 4 })).toBe(false);
    expect(isBetterSolution({ maxTour: 3, sumTour: 1 }, { maxTour: 2, sumTour: 4 })).toBe(false);
  });
});
