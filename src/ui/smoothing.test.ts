import { describe, expect, it } from 'vitest';
import { ema, smoothingWindow } from './smoothing';

describe('curve smoothing', () => {
  it('the window is about an eighth of the curve, from a short list, at least 5', () => {
    expect([0, 10, 40, 79, 80, 160, 400, 800, 1600, 4000, 100_000].map(smoothingWindow)).toEqual([
      5, 5, 5, 5, 10, 20, 50, 100, 200, 500, 500,
    ]);
  });

  it('a constant stays constant from the first point (bias-corrected), a step is followed with a lag', () => {
    const flat = ema(
      Array.from({ length: 10 }, (_, i) => [i, 3] as [number, number]),
      20,
    );
    for (const [, y] of flat) expect(y).toBeCloseTo(3, 12);
    const stepUp = ema(
      Array.from({ length: 60 }, (_, i) => [i, i < 30 ? 0 : 1] as [number, number]),
      5,
    );
    expect(stepUp[29][1]).toBe(0);
    expect(stepUp[30][1]).toBeCloseTo(1 / 3, 4);
    expect(stepUp[59][1]).toBeGreaterThan(0.999);
  });

  it('shows the trend of a noisy falling curve: smoothed values fall monotonically where raw ones jump', () => {
    let s = 1;
    const noise = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.4;
    const raw = Array.from(
      { length: 400 },
      (_, i) => [i, 1 + Math.exp(-i / 100) + noise()] as [number, number],
    );
    const smooth = ema(raw, 50);
    const rises = (p: [number, number][]) => p.slice(1).filter((q, i) => q[1] > p[i][1]).length;
    expect(rises(raw)).toBeGreaterThan(150);
    expect(smooth[399][1]).toBeLessThan(smooth[50][1] - 0.4);
    expect(Math.abs(smooth[399][1] - (1 + Math.exp(-3.99)))).toBeLessThan(0.1);
  });

  it('skips non-finite values and keeps the x of every finite one', () => {
    expect(
      ema(
        [
          [1, 2],
          [2, Number.NaN],
          [3, 2],
        ],
        5,
      ),
    ).toEqual([
      [1, 2],
      [3, 2],
    ]);
  });
});
