import type { BenchRunner } from '../../il/bench';
import { setupNodeBackend } from '../../il/node-backend';
import { summarise, trainHeadless } from '../../il/headless';
import { relativeError } from '../../il/gradients/finite-difference';
import { explorerFactory, type ExplorerProblem } from './problem';
import { explorerMeta } from './meta';

/**
 * Trains θ with the chosen hypergradient, then measures, at the initial θ of the same seed, how far unrolled
 * (K = 1, 10, 100) and implicit (n = 1, 5, 50) hypergradients are from the closed form.
 */
export const run: BenchRunner = async ({ seed, steps = 300, backend, flags, log }) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  const preset =
    explorerMeta.presets.find((p) => p.id === (flags.preset ?? 'prune')) ?? explorerMeta.presets[0];
  const settings = { ...explorerMeta.defaults, ...preset.settings, seed };
  const params = { ...preset.params, ...(typeof flags.method === 'string' ? { method: flags.method } : {}) };
  const fresh = (await explorerFactory.create(
    settings,
    explorerFactory.parseParams(params),
  )) as ExplorerProblem;
  const theta0 = Float64Array.from(await fresh.variables[0].data());
  const ridge = fresh.bilevel;
  const exact = ridge.exactHypergradient(theta0);
  const unrolled = Object.fromEntries(
    [1, 10, 100].map((k) => [k, relativeError(ridge.unrolledHypergradient(theta0, k), exact)]),
  );
  const implicit = Object.fromEntries(
    [1, 5, 50].map((n) => [n, relativeError(ridge.implicitHypergradient(theta0, n), exact)]),
  );
  const finiteDifference = relativeError(ridge.finiteDifferenceHypergradient(theta0), exact);
  fresh.dispose();

  log(
    `explorer: training ${steps} steps on ${choice.name} (preset ${preset.id}, method ${String(params.method)})`,
  );
  const trained = await trainHeadless(explorerFactory, settings, params, steps);
  const summary = summarise(trained.reports);
  const snapshot = await (trained.problem as ExplorerProblem).snapshot();
  const meanTheta = (kind: string) => {
    const xs = snapshot.theta.filter((_, j) => snapshot.featureKinds[j] === kind);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
  };
  trained.trainer.dispose();
  trained.problem.dispose();

  return {
    table: [
      ['quantity', 'value'],
      ['U start → end', `${summary.ulStart.toPrecision(4)} → ${summary.ulEnd.toPrecision(4)}`],
      ['L start → end', `${summary.llStart.toPrecision(4)} → ${summary.llEnd.toPrecision(4)}`],
      ['ms per step (median)', summary.msPerStep],
      [
        'unrolled rel. error K=1 / 10 / 100',
        `${unrolled[1].toExponential(2)} / ${unrolled[10].toExponential(2)} / ${unrolled[100].toExponential(2)}`,
      ],
      [
        'implicit rel. error n=1 / 5 / 50',
        `${implicit[1].toExponential(2)} / ${implicit[5].toExponential(2)} / ${implicit[50].toExponential(2)}`,
      ],
      ['finite-difference rel. error', finiteDifference],
      [
        'mean θ relevant / irrelevant / noisy',
        `${meanTheta('relevant').toFixed(2)} / ${meanTheta('irrelevant').toFixed(2)} / ${meanTheta('noisy').toFixed(2)}`,
      ],
    ],
    json: {
      seed,
      backend: choice.name,
      preset: preset.id,
      method: params.method,
      ...summary,
      diverged: trained.divergence ?? null,
      unrolledRelError: { K1: unrolled[1], K10: unrolled[10], K100: unrolled[100] },
      implicitRelError: { n1: implicit[1], n5: implicit[5], n50: implicit[50] },
      finiteDifferenceRelError: finiteDifference,
      meanThetaRelevant: meanTheta('relevant'),
      meanThetaIrrelevant: meanTheta('irrelevant'),
      meanThetaNoisy: meanTheta('noisy'),
    },
  };
};
