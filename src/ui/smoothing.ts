/** Smoothing for the live curves: the raw per-step value stays on the plot (faint), the trend is drawn over it. */

const NICE_WINDOWS = [5, 10, 20, 50, 100, 200, 500] as const;

/**
 * The EMA window (in steps) for a curve of `n` points: about an eighth of the curve, rounded down to a value from
 * 5, 10, 20, 50, 100, 200, 500 so that the legend (and the line) changes rarely while a run grows.
 */
export function smoothingWindow(n: number): number {
  let chosen: number = NICE_WINDOWS[0];
  for (const w of NICE_WINDOWS) if (w <= n / 8) chosen = w;
  return chosen;
}

/**
 * Exponential moving average with α = 2 / (window + 1) (the span convention: the same centre of mass as a
 * `window`-step mean), bias-corrected as in Adam (divided by 1 − (1 − α)^t), so the first points are the mean of
 * what came so far rather than pulled towards the first value. Non-finite values are skipped, not propagated.
 */
export function ema(points: readonly (readonly [number, number])[], window: number): [number, number][] {
  const alpha = 2 / (Math.max(1, window) + 1);
  const out: [number, number][] = [];
  let m = 0;
  let weight = 0;
  for (const [x, y] of points) {
    if (!Number.isFinite(y)) continue;
    m = (1 - alpha) * m + alpha * y;
    weight = (1 - alpha) * weight + alpha;
    out.push([x, m / weight]);
  }
  return out;
}
