import type { BenchArgs, BenchRunner } from '../../../il/bench';
import { setupNodeBackend } from '../../../il/node-backend';
import { benchTspEngine, type TspBenchRow } from './bench-solvers';
import { convergenceForSeed, meanSd, type SeedConvergence } from './convergence';
import { cellVerdict, evaluateGrid, evaluateTsplib, type GridCell } from './held-out-grid';
import { DEFAULT_LEARNED_WEIGHTS, loadLearnedNetwork } from '../learning/learned-method';
import { parseTsplib, type TsplibFile } from '../tsp/tsplib';
import {
  REINFORCE_BASELINES,
  SURROGATE_BASELINES,
  type ReinforceBaseline,
  type SurrogateBaseline,
} from '../params';

/**
 * Training steps per estimator and seed for the convergence comparison. U is smoothed over 100 steps, so the
 * earliest the surrogate can reach REINFORCE's final U is step 100: 1 000 steps let the ratio go up to 10×.
 */
const DEFAULT_STEPS = 1000;
const DEFAULT_SEEDS = 5;
/** Held-out instances per (distribution, N, M) cell. */
const DEFAULT_COUNT = 2;
/** Wall-clock cap of the local search (its 100 perturbation rounds usually end it well before). */
const LOCAL_SEARCH_MS = 20_000;
/** Perturbation rounds of the local search by default (its own default). */
const LOCAL_SEARCH_ROUNDS = 100;

function intFlag(flags: BenchArgs['flags'], name: string, fallback: number): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number ≥ 0, got ${String(raw)}`);
  return value;
}

/**
 * REINFORCE's baseline in the convergence comparison, by default the per-instance leave-one-out mean: the
 * standard one with S samples per instance, so the surrogate is measured against REINFORCE at its fair best
 * (the page's preset and its weights keep the running mean; `--reinforce-baseline running-mean` measures that).
 */
function baselineFlag(flags: BenchArgs['flags']): ReinforceBaseline {
  const raw = flags['reinforce-baseline'] ?? 'leave-one-out';
  const found = REINFORCE_BASELINES.find((b) => b === raw);
  if (found === undefined)
    throw new Error(
      `--reinforce-baseline must be one of ${REINFORCE_BASELINES.join(', ')}, got ${String(raw)}`,
    );
  return found;
}

/** The surrogate estimator's own baseline under ŝ (`--surrogate-baseline`, default none as on the page). */
function surrogateBaselineFlag(flags: BenchArgs['flags']): SurrogateBaseline {
  const raw = flags['surrogate-baseline'] ?? 'none';
  const found = SURROGATE_BASELINES.find((b) => b === raw);
  if (found === undefined)
    throw new Error(
      `--surrogate-baseline must be one of ${SURROGATE_BASELINES.join(', ')}, got ${String(raw)}`,
    );
  return found;
}

/** The TSPLIB instances of ../shared/data/tsplib, where that folder is present. */
function tsplibFiles(read: BenchArgs['readSharedData'], log: (line: string) => void): TsplibFile[] {
  const files = ['eil51', 'berlin52', 'st70'].flatMap((name) => {
    const bytes = read(`tsplib/${name}.tsp`);
    return bytes ? [parseTsplib(new TextDecoder().decode(bytes), name)] : [];
  });
  if (files.length === 0) log('imtsp: ../shared/data/tsplib is absent; skipping the TSPLIB rows');
  return files;
}

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));

/**
 * npm run bench -- imtsp [--seed S] [--steps T] [--seeds K] [--count C] [--weights DIR]
 *   [--reinforce-baseline leave-one-out|running-mean] [--cities 500] [--ls-ms T] [--ls-rounds R] [--ls-stall K]
 *
 * --ls-ms T --ls-rounds 1000000 compares both local searches at one wall-clock budget T (learned + local search
 * gets T less its learned solve); --ls-stall K stops each after K rounds in a row without a better solution.
 *
 * 1. Held-out: the shipped (or --weights) allocation network against k-means, sweep and the min-max local search,
 *    with and without the local search warm-started from the learned allocation, at N = 200, 500, 1 000 and
 *    M = 5, 10, 15 on uniform and clustered instances no training step drew, and on the TSPLIB coordinates.
 * 2. Convergence: for K seeds, θ trained T steps with each estimator from the same seed and instances; the ratio
 *    T / (step at which the surrogate run reaches REINFORCE's final U), per seed and as mean ± sd.
 * 3. The TSP engine's gap on TSPLIB.
 */
export const run: BenchRunner = async ({
  seed,
  steps = DEFAULT_STEPS,
  backend,
  flags,
  log,
  readSharedData,
  readFile,
}) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  const seeds = intFlag(flags, 'seeds', DEFAULT_SEEDS);
  const count = intFlag(flags, 'count', DEFAULT_COUNT);
  const reinforceBaseline = baselineFlag(flags);
  const surrogateBaseline = surrogateBaselineFlag(flags);
  // --samples S: allocations per instance per step in the convergence runs (default: the preset's).
  const overrides = flags.samples === undefined ? {} : { samples: intFlag(flags, 'samples', 0) };
  const localSearchMs = intFlag(flags, 'ls-ms', LOCAL_SEARCH_MS);
  const stall = intFlag(flags, 'ls-stall', 0);
  const localSearchBudget = {
    rounds: intFlag(flags, 'ls-rounds', LOCAL_SEARCH_ROUNDS),
    stallRounds: stall > 0 ? stall : undefined,
  };
  const onlyCities = flags.cities === undefined ? undefined : [intFlag(flags, 'cities', 0)];
  const weights = typeof flags.weights === 'string' ? flags.weights : DEFAULT_LEARNED_WEIGHTS;
  const { network } = await loadLearnedNetwork({ weights, readFile: async (p) => readFile(p) });
  const tsplib = tsplibFiles(readSharedData, log);

  const grid: GridCell[] =
    count > 0
      ? await evaluateGrid(network, {
          count,
          seed,
          localSearchMs,
          localSearchBudget,
          cities: onlyCities,
          log,
        })
      : [];
  grid.push(
    ...(await evaluateTsplib(
      network,
      tsplib.map((f) => f.instance),
      localSearchMs,
      localSearchBudget,
    )),
  );

  const convergence: SeedConvergence[] = [];
  for (let k = 0; k < seeds; k++) {
    log(
      `imtsp: convergence seed ${seed + k}: ${steps} steps per estimator on ${choice.name} (REINFORCE baseline: ${reinforceBaseline}; surrogate baseline: ${surrogateBaseline})`,
    );
    const result = await convergenceForSeed(seed + k, steps, reinforceBaseline, surrogateBaseline, overrides);
    result.surrogateRun.trainer.dispose();
    result.surrogateRun.problem.dispose();
    log(
      `  ratio ${fmt(result.ratio, 2)}× (reach ${result.reach ?? 'never'}; wall clock ${fmt(result.wallClockRatio, 2)}×), variance ÷${fmt(result.varianceRatio, 1)}`,
    );
    convergence.push(result);
  }
  const engine: TspBenchRow[] = benchTspEngine(tsplib, { repeats: 3 });

  const table: (string | number)[][] = [
    ['instances', 'N', 'M', 'method', 'max tour', '÷ local search', 'ms'],
  ];
  for (const cell of grid)
    for (const r of cell.rows)
      table.push([
        cell.family,
        cell.cities,
        cell.agents,
        r.method,
        fmt(r.meanMaxTour, 4),
        fmt(r.meanRatio),
        fmt(r.meanMs, 1),
      ]);
  for (const c of convergence)
    table.push([
      'convergence',
      `seed ${c.seed}`,
      `${c.steps} steps`,
      `U_final surrogate ${fmt(c.finalU.surrogate, 4)} / REINFORCE ${fmt(c.finalU.reinforce, 4)}`,
      `reach ${c.reach ?? 'never'}`,
      `${fmt(c.ratio, 2)}× sooner (wall clock ${fmt(c.wallClockRatio, 2)}×)`,
      `variance ÷${fmt(c.varianceRatio, 1)}`,
    ]);
  const ratio = meanSd(convergence.map((c) => c.ratio));
  const variance = meanSd(convergence.map((c) => c.varianceRatio));
  const wallClock = meanSd(convergence.map((c) => c.wallClockRatio));
  if (convergence.length > 0)
    table.push([
      'convergence',
      `${convergence.length} seeds`,
      '',
      `mean ± sd (REINFORCE baseline: ${reinforceBaseline}; surrogate baseline: ${surrogateBaseline})`,
      `wall clock ${fmt(wallClock.mean, 2)} ± ${fmt(wallClock.sd, 2)}×`,
      `${fmt(ratio.mean, 2)} ± ${fmt(ratio.sd, 2)}×`,
      `variance ÷${fmt(variance.mean, 1)} ± ${fmt(variance.sd, 1)}`,
    ]);
  for (const e of engine)
    table.push(['TSP engine', e.instance, '', e.setting, `gap ${fmt(e.gapPercent, 2)} %`, '', fmt(e.ms, 1)]);

  const verdicts = grid.map((cell) => ({
    family: cell.family,
    cities: cell.cities,
    agents: cell.agents,
    ...cellVerdict(cell),
  }));
  const gridCells = verdicts.filter((v) => !v.family.startsWith('tsplib'));
  const atN500 = gridCells.filter((v) => v.cities === 500);
  return {
    table,
    json: {
      seed,
      backend: choice.name,
      weights,
      localSearch: { ms: localSearchMs, ...localSearchBudget },
      heldOut: grid.map((cell) => ({
        family: cell.family,
        cities: cell.cities,
        agents: cell.agents,
        instances: cell.rows[0]?.instances ?? 0,
        methods: Object.fromEntries(
          cell.rows.map((r) => [r.method, { maxTour: r.meanMaxTour, ratio: r.meanRatio, ms: r.meanMs }]),
        ),
      })),
      convergence: convergence.map((c) => ({
        seed: c.seed,
        steps: c.steps,
        finalU: c.finalU,
        reach: c.reach,
        ratio: c.ratio,
        varianceRatio: c.varianceRatio,
        msPerStep: c.msPerStep,
        wallClockRatio: c.wallClockRatio,
      })),
      reinforceBaseline,
      surrogateBaseline,
      convergenceSamples: overrides.samples ?? null,
      convergenceRatio: ratio,
      convergenceWallClockRatio: wallClock,
      varianceRatio: variance,
      tspEngine: engine.map((e) => ({
        instance: e.instance,
        setting: e.setting,
        gapPercent: e.gapPercent,
        ms: e.ms,
      })),
      goals: {
        learnedBeatsKmeansEverywhere: verdicts.every((v) => v.learnedBeatsKmeans),
        learnedBeatsSweepEverywhere: verdicts.every((v) => v.learnedBeatsSweep),
        cellsLearnedBeatsBoth: verdicts.filter((v) => v.learnedBeatsKmeans && v.learnedBeatsSweep).length,
        cells: verdicts.length,
        learnedWithin5PercentAtN500: atN500.length > 0 && atN500.every((v) => v.learnedRatio <= 1.05),
        minSpeedupAtN500: Math.min(...atN500.map((v) => v.speedupOverLocalSearch)),
        warmStartBetterAndFasterCells: verdicts.filter((v) => v.warmStartBetterAndFaster).length,
        convergence5xSooner: convergence.length >= 5 && ratio.mean >= 5,
      },
      verdicts,
    },
  };
};
