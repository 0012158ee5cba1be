import type { BenchArgs, BenchRunner } from '../../../il/bench';
import { summarise, trainHeadless, type HeadlessRun } from '../../../il/headless';
import { setupNodeBackend } from '../../../il/node-backend';
import type { StepReport } from '../../../il/trainer';
import { benchTspEngine, type TspBenchRow } from './bench-solvers';
import { evaluateHeldOut, type HeldOutRow } from '../allocation/compare';
import { imtspMeta } from '../meta';
import { imtspFactory, type ImtspProblem } from '../problem';
import { parseTsplib } from '../tsp/tsplib';

/** Held-out sizes of the issue: N = 100, 200, 500 with M = 5 and 10. */
const HELD_OUT: readonly { cities: number; agents: number; count: number }[] = [
  { cities: 100, agents: 5, count: 6 },
  { cities: 100, agents: 10, count: 6 },
  { cities: 200, agents: 5, count: 5 },
  { cities: 200, agents: 10, count: 5 },
  { cities: 500, agents: 5, count: 4 },
  { cities: 500, agents: 10, count: 4 },
];
const DEFAULT_STEPS = 1000;
/** Steps averaged for the variance figures and for the smoothed U curves. */
const WINDOW = 100;

function movingAverage(values: readonly number[], window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  values.forEach((v, i) => {
    sum += v;
    if (i >= window) sum -= values[i - window];
    out.push(sum / Math.min(i + 1, window));
  });
  return out;
}

function tailMean(reports: readonly StepReport[], key: string, window: number): number {
  const tail = reports.slice(-window).map((r) => r.metrics?.[key] ?? NaN);
  return tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length);
}

/**
 * Steps the surrogate run needs to reach the U the REINFORCE run ends with (both smoothed over WINDOW steps; both
 * runs see the same instances at every step, so the curves are paired). null if it never gets there.
 */
function stepsToReach(surrogate: readonly StepReport[], reinforce: readonly StepReport[]): number | null {
  const target = movingAverage(
    reinforce.map((r) => r.upper),
    WINDOW,
  ).at(-1)!;
  const smoothed = movingAverage(
    surrogate.map((r) => r.upper),
    WINDOW,
  );
  const at = smoothed.findIndex((u, i) => i >= WINDOW - 1 && u <= target);
  return at < 0 ? null : at + 1;
}

/** The TSPLIB instances of ../shared/data/tsplib, where that folder is present. */
function tsplibFiles(
  read: BenchArgs['readSharedData'],
  log: (line: string) => void,
): ReturnType<typeof parseTsplib>[] {
  const files = ['eil51', 'berlin52', 'st70'].flatMap((name) => {
    const bytes = read(`tsplib/${name}.tsp`);
    return bytes ? [parseTsplib(new TextDecoder().decode(bytes), name)] : [];
  });
  if (files.length === 0) log("imtsp: ../shared/data/tsplib is absent; skipping the engine's gap check");
  return files;
}

async function train(
  estimator: 'surrogate' | 'reinforce',
  seed: number,
  steps: number,
  log: (line: string) => void,
): Promise<HeadlessRun> {
  const preset = imtspMeta.presets[0];
  const settings = { ...imtspMeta.defaults, ...preset.settings, seed };
  const started = Date.now();
  const run = await trainHeadless(imtspFactory, settings, { ...preset.params, estimator }, steps, (r) => {
    if (r.step % Math.max(1, Math.floor(steps / 5)) === 0)
      log(
        `  ${estimator} step ${r.step}/${steps}: U=${r.upper.toFixed(4)} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  });
  if (run.divergence) log(`  ${estimator}: ${run.divergence}`);
  return run;
}

/**
 * Trains θ with both estimators from the same seed on random N = 50, M = 5 instances, then compares the
 * surrogate-trained network with the baselines on held-out instances of N = 100, 200, 500 and M = 5, 10.
 */
export const run: BenchRunner = async ({ seed, steps = DEFAULT_STEPS, backend, log, readSharedData }) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  log(`imtsp: training ${steps} steps per estimator on ${choice.name} (N = 50, M = 5, seed ${seed})`);
  const surrogateRun = await train('surrogate', seed, steps, log);
  const reinforceRun = await train('reinforce', seed, steps, log);
  const summary = summarise(surrogateRun.reports, 20);
  const variance = {
    afterSteps: surrogateRun.reports.length,
    window: WINDOW,
    surrogateRun: {
      surrogate: tailMean(surrogateRun.reports, 'varianceSurrogate', WINDOW),
      reinforce: tailMean(surrogateRun.reports, 'varianceReinforce', WINDOW),
    },
    reinforceRun: {
      surrogate: tailMean(reinforceRun.reports, 'varianceSurrogate', WINDOW),
      reinforce: tailMean(reinforceRun.reports, 'varianceReinforce', WINDOW),
    },
  };
  const varianceRatio = variance.surrogateRun.reinforce / variance.surrogateRun.surrogate;
  const reach = stepsToReach(surrogateRun.reports, reinforceRun.reports);
  const finalU = {
    surrogate:
      movingAverage(
        surrogateRun.reports.map((r) => r.upper),
        WINDOW,
      ).at(-1) ?? NaN,
    reinforce:
      movingAverage(
        reinforceRun.reports.map((r) => r.upper),
        WINDOW,
      ).at(-1) ?? NaN,
  };

  const network = (surrogateRun.problem as ImtspProblem).network;
  const heldOut: Record<string, HeldOutRow[]> = {};
  const argmaxOnly: Record<string, number> = {};
  for (const set of HELD_OUT) {
    const key = `N${set.cities}M${set.agents}`;
    log(`imtsp: held-out ${key} (${set.count} instances)`);
    const request = { ...set, distribution: 'uniform' as const, seed, localSearchMs: 20_000 };
    heldOut[key] = await evaluateHeldOut(network, request);
    argmaxOnly[key] = (await evaluateHeldOut(network, { ...request, learned: { samples: 0 } }))[0].meanRatio;
  }
  for (const r of [surrogateRun, reinforceRun]) {
    r.trainer.dispose();
    r.problem.dispose();
  }
  const engine: TspBenchRow[] = benchTspEngine(tsplibFiles(readSharedData, log), { repeats: 3 });

  const row = (key: string, method: string) => heldOut[key].find((r) => r.method === method)!;
  const big = 'N500M10';
  const learned = row(big, 'learned');
  const cluster = row(big, 'cluster');
  const localSearch = row(big, 'local-search');
  const goals = {
    learnedWithin5PercentAtN500M10: learned.meanRatio <= 1.05,
    learnedSpeedupOverLocalSearch: localSearch.meanMs / learned.meanMs,
    learnedBetterThanCluster: learned.meanRatio < cluster.meanRatio,
    varianceReduction: varianceRatio,
    stepsSpeedup: reach === null ? null : steps / reach,
  };

  const table: (string | number)[][] = [['held-out', 'method', 'ratio to local search', 'ms']];
  for (const [key, rows] of Object.entries(heldOut))
    for (const r of rows) table.push([key, r.method, r.meanRatio, r.meanMs]);
  table.push(
    [
      'training',
      'U start → end (surrogate)',
      `${summary.ulStart.toFixed(4)} → ${summary.ulEnd.toFixed(4)}`,
      summary.msPerStep,
    ],
    [
      'training',
      `U, last ${WINDOW} steps: surrogate / REINFORCE`,
      `${finalU.surrogate.toFixed(4)} / ${finalU.reinforce.toFixed(4)}`,
      '',
    ],
    ['training', 'surrogate reaches REINFORCE’s final U at step', reach === null ? 'never' : reach, ''],
    [
      'variance',
      `REINFORCE / surrogate (last ${WINDOW} steps, same samples)`,
      `${variance.surrogateRun.reinforce.toExponential(3)} / ${variance.surrogateRun.surrogate.toExponential(3)} = ${varianceRatio.toFixed(1)}×`,
      '',
    ],
  );
  for (const e of engine)
    table.push(['TSP engine', `${e.instance} ${e.setting}`, `gap ${e.gapPercent.toFixed(2)} %`, e.ms]);

  return {
    table,
    json: {
      seed,
      backend: choice.name,
      ...summary,
      diverged: surrogateRun.divergence ?? reinforceRun.divergence ?? null,
      finalSmoothedU: finalU,
      stepsToReinforceFinalU: reach,
      variance,
      varianceRatio,
      heldOut: Object.fromEntries(
        Object.entries(heldOut).map(([key, rows]) => [
          key,
          Object.fromEntries(
            rows.map((r) => [r.method, { ratio: r.meanRatio, ms: r.meanMs, maxTour: r.meanMaxTour }]),
          ),
        ]),
      ),
      learnedArgmaxOnlyRatio: argmaxOnly,
      tspEngine: engine.map((e) => ({
        instance: e.instance,
        setting: e.setting,
        gapPercent: e.gapPercent,
        ms: e.ms,
      })),
      goals,
    },
  };
};
