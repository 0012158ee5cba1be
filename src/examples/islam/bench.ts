import type { BenchRunner } from '../../il/bench';
import { summarise, trainHeadless } from '../../il/headless';
import { setupNodeBackend } from '../../il/node-backend';
import { buildGraph } from './data/graph';
import { gradientCheck } from './gradients/gradient-check';
import { predict } from './model/mlp';
import { islamMeta } from './meta';
import { islamFactory, type IslamProblem } from './problem';
import { solverSpeed } from './solver-speed';
import { evaluateOn, supervisedUpperBound } from './world';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Pre-trains on robot A (labels), adapts on robot B's unlabelled drives for `--passes` passes (one optimiser step per
 * drive), and measures on held-out drives of robot B (other seeds): front-end and optimised ATE (metres, after a
 * rigid SE(2) alignment: rotation + translation, no scale), RPE, the supervised upper bound, the gradient checks,
 * and the LL solver against a dense Gauss–Newton.
 */
export const run: BenchRunner = async ({ seed, steps, backend, flags, log, readSharedData }) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  const preset = islamMeta.presets.find((p) => p.id === (flags.preset ?? 'figure8')) ?? islamMeta.presets[0];
  const settings = { ...islamMeta.defaults, ...preset.settings, seed };
  const params = islamFactory.parseParams(preset.params);
  const passes = Number(flags.passes ?? 10);
  const perPass =
    params.mode === 'loop'
      ? params.drives
      : Math.ceil((params.drives * params.links) / (settings.batchSize * 7));
  const outer = steps ?? passes * perPass;
  log(
    `islam: preset ${preset.id}, ${outer} optimiser steps (${passes} passes) on ${choice.name}, seed ${seed}`,
  );
  const trained = await trainHeadless(islamFactory, settings, params, outer);
  const problem = trained.problem as IslamProblem;
  const world = problem.world;
  const summary = summarise(trained.reports, Math.min(4, perPass));
  const maxLl = Math.max(...trained.reports.map((r) => r.metrics?.maxGradLL ?? Infinity));
  const msLl = median(trained.reports.map((r) => r.metrics?.msPerLlSolve ?? NaN));
  const before = evaluateOn(world.pretrained, world.heldOut);
  const after = evaluateOn(await problem.weights(), world.heldOut);
  const upper = evaluateOn(supervisedUpperBound(world), world.heldOut);
  const show = world.heldOut[0];
  const { graph, start } = buildGraph(show, predict(await problem.weights(), show.x), {
    imu: true,
    loops: true,
  });
  const checks = gradientCheck(graph, start, [1, 3, 10, 200]);
  const converged = checks[checks.length - 1];
  trained.trainer.dispose();
  problem.dispose();
  const speed = solverSpeed(readSharedData, log);
  const pct = (a: number, b: number) => `${(100 * (b / a - 1)).toFixed(1)} %`;
  return {
    table: [
      ['held-out drives of robot B', 'pre-trained (A)', 'iSLAM (no labels)', 'supervised (labels)', 'change'],
      [
        'ATE front-end (m)',
        before.ateFrontEnd,
        after.ateFrontEnd,
        upper.ateFrontEnd,
        pct(before.ateFrontEnd, after.ateFrontEnd),
      ],
      [
        'ATE optimised (m)',
        before.ateOptimised,
        after.ateOptimised,
        upper.ateOptimised,
        pct(before.ateOptimised, after.ateOptimised),
      ],
      [
        'RPE translation (m/step)',
        before.rpeTranslation,
        after.rpeTranslation,
        upper.rpeTranslation,
        pct(before.rpeTranslation, after.rpeTranslation),
      ],
      [
        'RPE yaw (°/step)',
        before.rpeYawDeg,
        after.rpeYawDeg,
        upper.rpeYawDeg,
        pct(before.rpeYawDeg, after.rpeYawDeg),
      ],
      [
        'gradient vs FD (converged LL): one-step / implicit',
        converged.oneStepRelError,
        converged.implicitRelError,
        '',
        '',
      ],
      ...checks
        .slice(0, -1)
        .map((c) => [
          `  LL stopped after ${c.llIterations} it.: one-step / implicit`,
          c.oneStepRelError,
          c.implicitRelError,
          '',
          '',
        ]),
      ['max |∇_P L| over all training LL solves', maxLl, '', '', ''],
    ],
    json: {
      seed,
      backend: choice.name,
      preset: preset.id,
      passes,
      outerIterations: trained.reports.length,
      alignment: 'rigid SE(2) (rotation + translation, no scale), RMSE over poses',
      ateFrontEndBefore: before.ateFrontEnd,
      ateFrontEndAfter: after.ateFrontEnd,
      ateOptimisedBefore: before.ateOptimised,
      ateOptimisedAfter: after.ateOptimised,
      ateFrontEndSupervised: upper.ateFrontEnd,
      ateOptimisedSupervised: upper.ateOptimised,
      rpeTranslationBefore: before.rpeTranslation,
      rpeTranslationAfter: after.rpeTranslation,
      rpeYawDegBefore: before.rpeYawDeg,
      rpeYawDegAfter: after.rpeYawDeg,
      frontEndAteChange: after.ateFrontEnd / before.ateFrontEnd - 1,
      optimisedAteChange: after.ateOptimised / before.ateOptimised - 1,
      gradientCheckRelError: { oneStep: converged.oneStepRelError, implicit: converged.implicitRelError },
      gradientCheckEarlyStop: checks.slice(0, -1),
      maxLlGradient: maxLl,
      msPerLlSolve: msLl,
      ...summary,
      diverged: trained.divergence ?? null,
      solver: speed,
    },
  };
};
