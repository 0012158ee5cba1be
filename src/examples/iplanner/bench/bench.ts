import type { BenchArgs, BenchRunner } from '../../../il/bench';
import { assignVariables, readWeightsFolder } from '../../../il/checkpoint.ts';
import { summarise, trainHeadless } from '../../../il/headless.ts';
import { setupNodeBackend } from '../../../il/node-backend.ts';
import { navigationMetrics } from '../evaluation/metrics.ts';
import { iplannerMeta } from '../meta.ts';
import { compareOnEpisodes, heldOutEpisodes, type Comparison } from '../evaluation/evaluation.ts';
import { iplannerFactory, type IPlannerProblem } from '../problem.ts';
import type { WorldKind } from '../worlds/types.ts';

/** The fixed budget: about two minutes of training on one wasm core, then the held-out evaluation. */
const DEFAULT_STEPS = 4000;
const EVAL_KINDS: WorldKind[] = ['forest', 'rooms'];

function pooled(rows: Comparison[]): Comparison {
  // Re-weight the per-kind means by their episode counts.
  const n = rows.reduce((a, r) => a + r.episodes, 0);
  // Weighted by episodes; a kind whose value is undefined (NaN: no successful episode) is left out.
  const mean = (f: (r: Comparison) => number) => {
    const ok = rows.filter((r) => Number.isFinite(f(r)));
    const m = ok.reduce((a, r) => a + r.episodes, 0);
    return m ? ok.reduce((a, r) => a + f(r) * r.episodes, 0) / m : NaN;
  };
  return {
    episodes: n,
    learned: {
      episodes: n,
      successRate: mean((r) => r.learned.successRate),
      spl: mean((r) => r.learned.spl),
      meanPathLength: mean((r) => r.learned.meanPathLength),
      msPerPlan: mean((r) => r.learned.msPerPlan),
      collisions: rows.reduce((a, r) => a + r.learned.collisions, 0),
      timeouts: rows.reduce((a, r) => a + r.learned.timeouts, 0),
      rayCastMs: mean((r) => r.learned.rayCastMs),
    },
    classical: {
      ...navigationMetrics([]),
      episodes: n,
      successRate: mean((r) => r.classical.successRate),
      spl: mean((r) => r.classical.spl),
      meanPathLength: mean((r) => r.classical.meanPathLength),
      msPerPlan: mean((r) => r.classical.msPerPlan),
    },
  };
}

/** Loads tfjs weight files (model.json + weights.bin in a folder) into the problem's θ. */
async function loadWeights(
  problem: IPlannerProblem,
  folder: string,
  readFile: BenchArgs['readFile'],
): Promise<void> {
  assignVariables('iplanner', problem.variables, await readWeightsFolder(folder, readFile));
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function row(set: string, planner: string, c: Comparison['learned'] | Comparison['classical']) {
  const extra = 'collisions' in c ? [c.collisions, c.timeouts] : ['', ''];
  return [
    set,
    planner,
    pct(c.successRate),
    c.spl.toFixed(3),
    c.meanPathLength.toFixed(2),
    c.msPerPlan.toFixed(3),
    ...extra,
  ];
}

const side = (c: Comparison['learned'] | Comparison['classical']) => ({
  successRate: c.successRate,
  spl: c.spl,
  msPerPlan: c.msPerPlan,
  meanPathLength: c.meanPathLength,
  ...('collisions' in c ? { collisions: c.collisions, timeouts: c.timeouts } : {}),
});

/**
 * Trains on the chosen preset (default forest + rooms) for a fixed number of steps, then drives the learned planner
 * and the classical one through held-out forest and room worlds (test-split seeds) and compares them. With
 * `--weights DIR` it also evaluates those weights (e.g. the shipped public/weights/iplanner/forest-rooms, trained
 * for longer than the bench's budget) on the same episodes.
 */
export const run: BenchRunner = async ({ seed, steps = DEFAULT_STEPS, backend, flags, log, readFile }) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  const preset =
    iplannerMeta.presets.find((p) => p.id === (flags.preset ?? 'forest-rooms')) ?? iplannerMeta.presets[0];
  const settings = { ...iplannerMeta.defaults, ...preset.settings, seed };
  const worlds = Number(flags.worlds ?? 10);
  const perWorld = Number(flags.episodes ?? 5);
  log(`iplanner: building ${worlds}×${perWorld} held-out episodes per kind (${EVAL_KINDS.join(', ')})`);
  const sets = EVAL_KINDS.map((kind) => ({ kind, episodes: heldOutEpisodes([kind], worlds, perWorld) }));
  const evaluate = async (problem: IPlannerProblem) => {
    const rows: Comparison[] = [];
    for (const set of sets)
      rows.push(await compareOnEpisodes(problem.net, problem.op, problem.camera, set.episodes, {}, 40));
    return rows;
  };

  const fresh = (await iplannerFactory.create(
    settings,
    iplannerFactory.parseParams(preset.params),
  )) as IPlannerProblem;
  const before = await evaluate(fresh);

  log(
    `iplanner: training ${steps} steps on ${choice.name} (preset ${preset.id}, batch ${settings.batchSize})`,
  );
  const started = Date.now();
  const trained = await trainHeadless(iplannerFactory, settings, preset.params, steps, (r) => {
    if (r.step % 500 === 0)
      log(`  step ${r.step}: U ${r.upper.toFixed(3)}, L ${r.lower.toFixed(3)}, ${r.ms.toFixed(1)} ms`);
  });
  const trainSeconds = (Date.now() - started) / 1000;
  const summary = summarise(trained.reports, 100);
  log('iplanner: evaluating');
  const after = await evaluate(trained.problem as IPlannerProblem);
  trained.trainer.dispose();
  trained.problem.dispose();

  let loaded: Comparison[] | null = null;
  if (typeof flags.weights === 'string') {
    log(`iplanner: evaluating the weights in ${flags.weights}`);
    await loadWeights(fresh, flags.weights, readFile);
    loaded = await evaluate(fresh);
  }
  fresh.dispose();

  const all = pooled(after);
  const speedup = all.classical.msPerPlan / all.learned.msPerPlan;
  const splRatio = all.learned.spl / all.classical.spl;
  const table: (string | number)[][] = [
    ['held-out set', 'planner', 'success', 'SPL', 'path (m)', 'ms / plan', 'collisions', 'timeouts'],
  ];
  EVAL_KINDS.forEach((kind, i) => {
    table.push(row(`${kind} (${after[i].episodes})`, 'learned, untrained', before[i].learned));
    table.push(row('', `learned, ${steps} steps`, after[i].learned));
    if (loaded) table.push(row('', 'learned, --weights', loaded[i].learned));
    table.push(row('', 'classical A*', after[i].classical));
  });
  const blank = ['', '', '', '', ''];
  table.push(['U start → end', '', `${summary.ulStart.toFixed(3)} → ${summary.ulEnd.toFixed(3)}`, ...blank]);
  table.push(['L start → end', '', `${summary.llStart.toFixed(3)} → ${summary.llEnd.toFixed(3)}`, ...blank]);
  table.push(['ms per step (median)', '', summary.msPerStep.toFixed(1), ...blank]);

  const weights = loaded ? pooled(loaded) : null;
  return {
    table,
    json: {
      seed,
      backend: choice.name,
      preset: preset.id,
      batchSize: settings.batchSize,
      ...summary,
      trainSeconds,
      diverged: trained.divergence ?? null,
      episodes: all.episodes,
      learned: { ...side(all.learned), rayCastMs: all.learned.rayCastMs },
      classical: side(all.classical),
      untrained: side(pooled(before).learned),
      ...(weights
        ? {
            weights: {
              folder: flags.weights,
              ...side(weights.learned),
              splRatio: weights.learned.spl / all.classical.spl,
              speedup: all.classical.msPerPlan / weights.learned.msPerPlan,
            },
          }
        : {}),
      byKind: Object.fromEntries(
        EVAL_KINDS.map((kind, i) => [
          kind,
          { learned: side(after[i].learned), classical: side(after[i].classical) },
        ]),
      ),
      speedup,
      splRatio,
      goals: {
        successAtLeast90: all.learned.successRate >= 0.9,
        splWithin10PercentOfClassical: splRatio >= 0.9,
        atLeast4xFaster: speedup >= 4,
      },
    },
  };
};
