import type { BenchRunner } from '../../il/bench';
import { summarise, trainHeadless } from '../../il/headless';
import { setupNodeBackend } from '../../il/node-backend';
import { runBaselines } from './baselines';
import { APPROXIMATE_ROWS, gradientCheck } from './gradcheck';
import { ilogicMeta } from './meta';
import manifest from './manifest';
import type { IlogicProblem } from './problem';

/**
 * Trains iLogic on a preset (default `intersection`) for a fixed budget, scores it on held-out scenes of both
 * splits (seeds the training never saw), checks every gradient path against finite differences at the trained θ,
 * and trains the three baselines on the same scenes and step budget.
 */
export const run: BenchRunner = async ({ seed, steps = 600, backend, flags, log }) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  const preset =
    ilogicMeta.presets.find((p) => p.id === (flags.preset ?? 'intersection')) ?? ilogicMeta.presets[0];
  const settings = { ...ilogicMeta.defaults, ...preset.settings, seed };
  const params = {
    ...preset.params,
    ...(typeof flags.path === 'string' ? { gradientPath: flags.path } : {}),
  };
  const factory = await manifest.loadProblem();
  log(`ilogic: training ${steps} steps on ${choice.name} (preset ${preset.id}, seed ${seed})`);
  const started = Date.now();
  const trained = await trainHeadless(factory, settings, params, steps, (r) => {
    if (r.step % 100 === 0) log(`  step ${r.step}  U=${r.upper.toFixed(4)}  L=${r.lower.toFixed(4)}`);
  });
  const trainSeconds = (Date.now() - started) / 1000;
  const summary = summarise(trained.reports, 20);
  const problem = trained.problem as IlogicProblem;
  const snap = await problem.snapshot();
  const check = await gradientCheck(problem, 3);
  const baselineSteps = Number(flags['baseline-steps'] ?? steps);
  log(`ilogic: baselines, ${baselineSteps} steps each`);
  const baselines = flags['no-baselines'] ? [] : await runBaselines(problem.data, settings, baselineSteps);
  trained.trainer.dispose();
  problem.dispose();
  const byName = Object.fromEntries(baselines.map((b) => [b.name, b]));
  const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
  return {
    table: [
      ['model', 'weighted acc. fixed', 'weighted acc. random', 'concept probe'],
      [
        'iLogic (bilevel)',
        fmt(snap.scores.weightedAccuracyFixed),
        fmt(snap.scores.weightedAccuracyRandom),
        fmt(snap.scores.conceptProbeAccuracy),
      ],
      ...baselines.map((b) => [
        b.name,
        fmt(b.weightedAccuracyFixed),
        fmt(b.weightedAccuracyRandom),
        fmt(b.conceptProbeAccuracy),
      ]),
      ['U start → end', `${summary.ulStart.toFixed(4)} → ${summary.ulEnd.toFixed(4)}`, '', ''],
      ['ms per step (median)', summary.msPerStep.toFixed(1), `train ${trainSeconds.toFixed(1)} s`, ''],
      ...check.map((c) => [
        `gradient check ${c.path}`,
        c.relativeError.toExponential(2),
        c.objective,
        c.applies ? '' : 'does not apply (CG met non-positive curvature)',
      ]),
    ],
    json: {
      seed,
      backend: choice.name,
      preset: preset.id,
      gradientPath: params.gradientPath,
      ...summary,
      trainSeconds,
      diverged: trained.divergence ?? null,
      weightedAccuracyFixed: snap.scores.weightedAccuracyFixed,
      weightedAccuracyRandom: snap.scores.weightedAccuracyRandom,
      conceptProbeAccuracy: snap.scores.conceptProbeAccuracy,
      conceptProbePerConcept: snap.probe.map((p) => p.accuracy),
      // The worst exact row among those that apply (an implicit row whose CG met non-positive curvature does not;
      // the as-set implicit row, n CG steps with damping δ, is an approximation by design and is reported only).
      gradientCheckRelError: Math.max(
        ...check.filter((c) => c.applies && !APPROXIMATE_ROWS.includes(c.path)).map((c) => c.relativeError),
      ),
      gradientCheckNotApplicable: check.filter((c) => !c.applies).map((c) => c.path),
      gradientCheck: Object.fromEntries(check.map((c) => [c.path, c.relativeError])),
      baselines: byName,
      endToEndWeightedAccuracyRandom: byName['end-to-end']?.weightedAccuracyRandom ?? null,
      marginOverEndToEndRandom: byName['end-to-end']
        ? snap.scores.weightedAccuracyRandom - byName['end-to-end'].weightedAccuracyRandom
        : null,
    },
  };
};
