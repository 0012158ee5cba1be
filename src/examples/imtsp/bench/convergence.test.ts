import { describe, expect, it } from 'vitest';
import { meanSd, movingAverage, stepsToReach } from './convergence';

describe('convergence measures', () => {
  it('moving average over a growing then full window', () => {
    expect(movingAverage([2, 4, 6, 8], 2)).toEqual([2, 3, 5, 7]);
  });

  it('steps to reach: the first full-window step at or below the other run’s final smoothed U', () => {
    // REINFORCE ends at a smoothed 5 (mean of 6 and 4); the surrogate's window of 2 first averages ≤ 5 at step 3.
    const reinforce = [10, 9, 8, 6, 4];
    const surrogate = [4, 7, 3, 2, 2];
    // Step 1 (value 4) is below 5 but its window is not full yet; step 2 averages 5.5, step 3 averages 5.
    expect(stepsToReach(surrogate, reinforce, 2)).toBe(3);
    expect(stepsToReach([9, 9, 9], reinforce, 2)).toBeNull();
  });

  it('mean and sample standard deviation', () => {
    const { mean, sd } = meanSd([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(meanSd([7])).toEqual({ mean: 7, sd: 0 });
  });
});
