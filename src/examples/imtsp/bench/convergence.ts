import { trainHeadless, type HeadlessRun } from '../../../il/headless';
import type { StepReport } from '../../../il/trainer';
import { imtspMeta } from '../meta';
import { imtspFactory } from '../problem';
import type { ImtspParams, ReinforceBaseline, SurrogateBaseline } from '../params';

/** Steps averaged for the smoothed U curves and the variance figures. */
export const CONVERGENCE_WINDOW = 100;

export function movingAverage(values: readonly number[], window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  values.forEach((v, i) => {
    sum += v;
    if (i >= window) sum -= values[i - window];
    out.push(sum / Math.min(i + 1, window));
  });
  return out;
}

/**
 * The first step (1-based) at which the surrogate run's smoothed U is at or below the REINFORCE run's final
 * smoothed U (both over `window` steps, counted only once a full window exists); null if it never gets there.
 * Both runs draw the same instances at every step, so the curves are paired.
 */
export function stepsToReach(
  surrogate: readonly number[],
  reinforce: readonly number[],
  window: number,
): number | null {
  const target = movingAverage(reinforce, window).at(-1);
  if (target === undefined) return null;
  const at = movingAverage(surrogate, window).findIndex((u, i) => i >= window - 1 && u <= target);
  return at < 0 ? null : at + 1;
}

function tailMean(reports: readonly StepReport[], key: string, window: number): number {
  const tail = reports.slice(-window).map((r) => r.metrics?.[key] ?? NaN);
  return tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length);
}

export interface SeedConvergence {
  seed: number;
  steps: number;
  /** Final smoothed U of each run. */
  finalU: { surrogate: number; reinforce: number };
  /** Step at which the surrogate run reaches REINFORCE's final U (null: never). */
  reach: number | null;
  /** steps / reach: how many times sooner (0 when never reached). */
  ratio: number;
  /** Tail means, measured on the surrogate run's own samples: REINFORCE's variance / the surrogate's. */
  varianceRatio: number;
  /** Wall time per step of both runs together. */
  msPerStep: number;
  /**
   * The same ratio in wall-clock time: REINFORCE's whole run / the surrogate run's time to reach its final U.
   * Both runs compute both estimators (the variances are logged every step), so this is close to `ratio`.
   */
  wallClockRatio: number;
  /** REINFORCE's baseline in this comparison. */
  reinforceBaseline: ReinforceBaseline;
  /** The surrogate estimator's baseline (subtracted with ŝ) in this comparison. */
  surrogateBaseline: SurrogateBaseline;
  /** The surrogate run (trained θ and φ), for the caller to use and dispose. */
  surrogateRun: HeadlessRun;
}

async function trainOne(
  estimator: 'surrogate' | 'reinforce',
  seed: number,
  steps: number,
  reinforceBaseline: ReinforceBaseline,
  surrogateBaseline: SurrogateBaseline,
  overrides: Partial<ImtspParams>,
): Promise<{ run: HeadlessRun; ms: number }> {
  const preset = imtspMeta.presets[0];
  const settings = { ...imtspMeta.defaults, ...preset.settings, seed };
  const started = performance.now();
  const run = await trainHeadless(
    imtspFactory,
    settings,
    { ...preset.params, ...overrides, estimator, reinforceBaseline, surrogateBaseline },
    steps,
  );
  return { run, ms: performance.now() - started };
}

/**
 * Trains both estimators from one seed (same instances, same initial θ) and compares their convergence.
 * `reinforceBaseline` picks the REINFORCE run's baseline (default: the running mean of the page's preset) and
 * `surrogateBaseline` the surrogate run's own baseline under ŝ (default: none, as in the page's preset);
 * `overrides` changes other preset params of both runs (e.g. the samples S per instance).
 */
export async function convergenceForSeed(
  seed: number,
  steps: number,
  reinforceBaseline: ReinforceBaseline = 'running-mean',
  surrogateBaseline: SurrogateBaseline = 'none',
  overrides: Partial<ImtspParams> = {},
): Promise<SeedConvergence> {
  const both = [reinforceBaseline, surrogateBaseline, overrides] as const;
  const surrogateTimed = await trainOne('surrogate', seed, steps, ...both);
  const reinforceTimed = await trainOne('reinforce', seed, steps, ...both);
  const surrogateRun = surrogateTimed.run;
  const reinforceRun = reinforceTimed.run;
  const msPerStep = (surrogateTimed.ms + reinforceTimed.ms) / (2 * steps);
  const window = Math.min(CONVERGENCE_WINDOW, Math.max(1, Math.floor(steps / 4)));
  const uS = surrogateRun.reports.map((r) => r.upper);
  const uR = reinforceRun.reports.map((r) => r.upper);
  const reach = stepsToReach(uS, uR, window);
  reinforceRun.trainer.dispose();
  reinforceRun.problem.dispose();
  return {
    seed,
    steps,
    finalU: {
      surrogate: movingAverage(uS, window).at(-1) ?? NaN,
      reinforce: movingAverage(uR, window).at(-1) ?? NaN,
    },
    reach,
    ratio: reach === null ? 0 : steps / reach,
    wallClockRatio: reach === null ? 0 : reinforceTimed.ms / ((surrogateTimed.ms * reach) / steps),
    reinforceBaseline,
    surrogateBaseline,
    varianceRatio:
      tailMean(surrogateRun.reports, 'varianceReinforce', window) /
      tailMean(surrogateRun.reports, 'varianceSurrogate', window),
    msPerStep,
    surrogateRun,
  };
}

export function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd =
    values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd };
}
