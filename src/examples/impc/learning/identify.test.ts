import { describe, expect, it } from 'vitest';
import { identifyOnline } from './identify';
import { PARAM_NAMES, relativeParamErrors, scaledParams, trueParams } from '../params';

describe('online identification of m and J through the gap cost (noise-free IMU)', () => {
  const pTrue = trueParams();
  it.each([1.5, 0.5])('recovers p to within 2 percent from p × %s', (factor) => {
    const result = identifyOnline({ pTrue, pInit: scaledParams(pTrue, factor), steps: 150, seed: 1 });
    const errors = relativeParamErrors(result.p, pTrue);
    const report = PARAM_NAMES.map((name, i) => `${name} ${(100 * errors[i]).toFixed(3)} %`).join(', ');
    console.log(
      `identification from ×${factor}: ${report}; gap cost ${result.history[0].ul.toExponential(2)} → ${result.history.at(-1)!.ul.toExponential(2)}`,
    );
    for (const e of errors) expect(e).toBeLessThan(0.02);
    // It started 50 % off: the descent did the work.
    expect(Math.max(...relativeParamErrors(result.history[0].p, pTrue))).toBeCloseTo(0.5, 9);
  });
});
