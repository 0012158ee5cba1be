import type { BenchRunner } from '../../../il/bench';
import { summarise, trainHeadless } from '../../../il/headless';
import { setupNodeBackend } from '../../../il/node-backend';
import { type ControllerRow, compareControllers } from '../evaluation/compare';
import { impcMeta } from '../meta';
import { readPsi } from '../learning/model';
import { ImpcProblem, impcFactory, paramErrorsPct } from '../problem';

const finiteOrNull = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null);

function controllerJson(row: ControllerRow) {
  return {
    rmseDeg: row.rmseDeg,
    steadyStateErrorDeg: row.steadyStateErrorDeg,
    settlingTimeS: finiteOrNull(row.settlingTimeS),
    maxErrorDeg: row.maxErrorDeg,
    maxStableWind: row.maxStableWind,
    stable: row.stable,
  };
}

const lower = (a: number, b: number): number => 1 - a / b;

/**
 * Trains ψ on the preset (default `identify`) in Node, then flies the held-out disturbance scenarios (a 10°
 * step, an 8 m/s gust and a 6 m/s step wind per seed, and a gust-speed sweep) with iMPC, the MPC on the raw
 * IMU with the starting p, and PID; finally the live gradient check (implicit and unrolled vs finite
 * differences) at the trained ψ.
 */
export const run: BenchRunner = async ({ seed, steps = 500, backend, flags, log }) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  const preset = impcMeta.presets.find((p) => p.id === (flags.preset ?? 'identify')) ?? impcMeta.presets[0];
  const settings = { ...impcMeta.defaults, ...preset.settings, seed };
  log(`impc: training ${steps} steps on ${choice.name} (preset ${preset.id}, seed ${seed})`);
  const trained = await trainHeadless(impcFactory, settings, preset.params, steps, (r) => {
    if (r.step % 100 === 0)
      log(
        `step ${r.step}: U ${r.upper.toExponential(3)}, m off ${r.metrics?.massErrorPct.toFixed(2)} %, J off ${r.metrics?.inertiaErrorPct.toFixed(2)} %`,
      );
  });
  const summary = summarise(trained.reports, 20);
  const problem = trained.problem;
  if (!(problem instanceof ImpcProblem)) throw new Error('impc: the factory built another problem');
  const { theta, p } = await readPsi(problem.vars);
  const errors = paramErrorsPct(p, problem.pTrue);
  log('impc: held-out disturbance scenarios and gust sweeps…');
  const setup = {
    p,
    theta,
    pStart: problem.pStart,
    pTrue: problem.pTrue,
    horizon: problem.params.horizon,
    imu: problem.imu,
  };
  const rows = compareControllers(setup);
  const withoutDenoiser = compareControllers({ ...setup, theta: null }, { maxWind: false })[0];
  const byId = Object.fromEntries(rows.map((r) => [r.id, r])) as Record<ControllerRow['id'], ControllerRow>;
  const check = await problem.handlers.gradcheck({ unrollK: 3000 });
  const checkShortK = await problem.handlers.gradcheck({ unrollK: 300 });
  trained.trainer.dispose();
  problem.dispose();

  const impc = byId.impc;
  const raw = byId['mpc-raw'];
  const pid = byId.pid;
  const goals = {
    paramsWithin2Pct: errors.mass < 2 && errors.inertia < 2,
    rmse10PctLowerThanMpcRaw: lower(impc.rmseDeg, raw.rmseDeg) >= 0.1,
    steadyState10PctLowerThanMpcRaw: lower(impc.steadyStateErrorDeg, raw.steadyStateErrorDeg) >= 0.1,
    stableAtStrongerGustsThanPid: (impc.maxStableWind ?? 0) > (pid.maxStableWind ?? 0),
    gradientsMatchFiniteDifferences: check.implicitRelError < 1e-3 && check.thetaRelError < 1e-3,
  };
  const fmt = (v: number | null, d = 3): string =>
    v === null || !Number.isFinite(v) ? 'never' : v.toFixed(d);
  return {
    table: [
      ['controller', 'RMSE °', 'steady-state °', 'settling s', 'max stable gust m/s'],
      ...rows.map((r) => [
        r.label,
        fmt(r.rmseDeg),
        fmt(r.steadyStateErrorDeg),
        fmt(r.settlingTimeS, 2),
        fmt(r.maxStableWind, 2),
      ]),
      [
        'iMPC without the denoiser',
        fmt(withoutDenoiser.rmseDeg),
        fmt(withoutDenoiser.steadyStateErrorDeg),
        fmt(withoutDenoiser.settlingTimeS, 2),
        '—',
      ],
      ['mass / inertia error %', `${errors.mass.toFixed(2)} / ${errors.inertia.toFixed(2)}`, '', '', ''],
      [
        'U start → end',
        `${summary.ulStart.toExponential(3)} → ${summary.ulEnd.toExponential(3)}`,
        '',
        '',
        '',
      ],
      ['ms per step (median)', summary.msPerStep.toFixed(1), '', '', ''],
      [
        'grad check rel. error: implicit / unrolled K=300 / K=3000 / θ',
        `${check.implicitRelError.toExponential(2)} / ${checkShortK.unrolledRelError.toExponential(2)} / ${check.unrolledRelError.toExponential(2)} / ${check.thetaRelError.toExponential(2)}`,
        '',
        '',
        '',
      ],
    ],
    json: {
      seed,
      backend: choice.name,
      preset: preset.id,
      ...summary,
      diverged: trained.divergence ?? null,
      massErrorPct: errors.mass,
      inertiaErrorPct: errors.inertia,
      learnedParams: Array.from(p),
      trueParams: Array.from(setup.pTrue),
      impc: controllerJson(impc),
      mpcRaw: controllerJson(raw),
      pid: controllerJson(pid),
      impcWithoutDenoiser: controllerJson(withoutDenoiser),
      rmseLowerThanMpcRawPct: 100 * lower(impc.rmseDeg, raw.rmseDeg),
      steadyStateLowerThanMpcRawPct: 100 * lower(impc.steadyStateErrorDeg, raw.steadyStateErrorDeg),
      gradientCheck: {
        implicitRelError: check.implicitRelError,
        unrolledRelErrorK300: checkShortK.unrolledRelError,
        unrolledRelErrorK3000: check.unrolledRelError,
        appliedRelError: check.appliedRelError,
        thetaRelError: check.thetaRelError,
      },
      goals,
    },
  };
};
