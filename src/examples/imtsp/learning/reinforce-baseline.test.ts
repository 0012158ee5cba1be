import { describe, expect, it } from 'vitest';
import { leaveOneOutBaselines } from './reinforce-baseline';

describe('leave-one-out REINFORCE baseline', () => {
  it("is the mean of the instance's other samples", () => {
    const b = leaveOneOutBaselines([1, 2, 6]);
    expect(Array.from(b)).toEqual([4, 3.5, 1.5]);
  });

  it('makes the advantages sum to zero, so a constant cost shift changes no gradient', () => {
    const costs = [0.3, 1.7, 2.2, 0.9];
    const b = leaveOneOutBaselines(costs);
    const advantages = costs.map((c, s) => c - b[s]);
    expect(advantages.reduce((x, y) => x + y, 0)).toBeCloseTo(0, 12);
    const shifted = leaveOneOutBaselines(costs.map((c) => c + 5));
    costs.forEach((c, s) => expect(c + 5 - shifted[s]).toBeCloseTo(advantages[s], 12));
  });

  it('refuses a single sample', () => {
    expect(() => leaveOneOutBaselines([1])).toThrow(RangeError);
  });
});
