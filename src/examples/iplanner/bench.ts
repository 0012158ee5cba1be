import type { BenchRunner } from '../../cli/bench-types.ts';
import { summarise, trainHeadless } from '../../il/headless.ts';
import { useNodeBackend } from '../../il/node-backend.ts';
import { navigationMetrics } from './metrics.ts';
import { iplannerMeta } from './meta.ts';
import { compareOnEpisodes, heldOutEpisodes, type Comparison } from './evaluation.ts';
import { iplannerFactory, type IPlannerProblem } from './problem.ts';
import type { WorldKind } from './types.ts';

/** The fixed budget: about two minutes of training on one wasm core, then the held-out evaluation. */
const DEFAULT_STEPS = 4000;
const EVAL_KINDS: WorldKind[] = ['forest', 'rooms'];

function pooled(rows: Comparison[]): Comparison {
  // Re-weight the per-kind means by their episode counts.
  const n = rows.reduce((a, r) => a + r.episodes, 0);
  const mean = (f: (r: Comparison) => number) => rows.reduce((a, r) => a + f(r) * r.episodes, 0) / n;
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

/**
 * Trains on the chosen preset (default forest + rooms) for a fixed number of steps, then drives the learned planner
 * and the classical one through held-out forest and room worlds (test-split seeds) and compares them.
 */
export const run: BenchRunner = async ({ seed, steps = DEFAULT_STEPS, backend, flags, log }) => {
  const choice = await useNodeBackend(backend ?? 'wasm');
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

  const untrained = (await iplannerFactory.create(
    settings,
    iplannerFactory.parseParams(preset.params),
  )) as IPlannerProblem;
  const before = await evaluate(untrained);
  untrained.dispose();

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
  log(`iplanner: evaluating`);
  const after = await evaluate(trained.problem as IPlannerProblem);
  trained.trainer.dispose();
  trained.problem.dispose();

  const all = pooled(after);
  const speedup = all.classical.msPerPlan / all.learned.msPerPlan;
  const splRatio = all.learned.spl / all.classical.spl;
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const table: (string | number)[][] = [
    ['held-out set', 'planner', 'success', 'SPL', 'path (m)', 'ms / plan', 'collisions', 'timeouts'],
  ];
  EVAL_KINDS.forEach((kind, i) => {
    const r = after[i];
    const b = before[i];
    table.push([
      `${kind} (${r.episodes})`,
      'learned, untrained',
      pct(b.learned.successRate),
      b.learned.spl.toFixed(3),
      b.learned.meanPathLength.toFixed(2),
      b.learned.msPerPlan.toFixed(3),
      b.learned.collisions,
      b.learned.timeouts,
    ]);
    table.push([
      '',
      'learned, trained',
      pct(r.learned.successRate),
      r.learned.spl.toFixed(3),
      r.learned.meanPathLength.toFixed(2),
      r.learned.msPerPlan.toFixed(3),
      r.learned.collisions,
      r.learned.timeouts,
    ]);
    table.push([
      '',
      'classical A*',
      pct(r.classical.successRate),
      r.classical.spl.toFixed(3),
      r.classical.meanPathLength.toFixed(2),
      r.classical.msPerPlan.toFixed(3),
      '',
      '',
    ]);
  });
  table.push([
    'U start → end',
    '',
    `${summary.ulStart.toFixed(3)} → ${summary.ulEnd.toFixed(3)}`,
    '',
    '',
    '',
    '',
    '',
  ]);
  table.push([
    'L start → end',
    '',
    `${summary.llStart.toFixed(3)} → ${summary.llEnd.toFixed(3)}`,
    '',
    '',
    '',
    '',
    '',
  ]);
  table.push(['ms per step (median)', '', summary.msPerStep.toFixed(1), '', '', '', '', '']);

  const side = (c: Comparison['learned'] | Comparison['classical']) => ({
    successRate: c.successRate,
    spl: c.spl,
    msPerPlan: c.msPerPlan,
    meanPathLength: c.meanPathLength,
  });
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
      learned: {
        ...side(all.learned),
        collisions: all.learned.collisions,
        timeouts: all.learned.timeouts,
        rayCastMs: all.learned.rayCastMs,
      },
      classical: side(all.classical),
      untrained: side(pooled(before).learned),
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
