/**
 * Comparing controllers the way the iMPC paper does: the same seeded disturbance scenarios for every
 * controller, the metrics averaged, and the largest gust each survives. Controllers are given as
 * factories so that every run starts from a fresh state.
 */
import { type FlightMetrics, flightMetrics, maxStableWind } from './metrics';
import type { Geometry, PhysParams } from '../params';
import { type Scenario, type ScenarioOptions, makeScenario } from '../vehicle/scenarios';
import { type Controller, runClosedLoop } from '../vehicle/sim';
import type { ImuSample } from '../vehicle/imu';

export type ControllerFactory = () => Controller;

export interface EvaluationOptions {
  /**
   * Makes the learned IMU correction for one flight (it may keep a window of past samples), applied before
   * integration; none for raw-IMU baselines.
   */
  denoiser?: () => (samples: ImuSample[]) => ImuSample[];
}

/** The held-out set: a 10° step, an 8 m/s gust and a 6 m/s step wind per seed, default IMU noise. */
export function heldOutScenarios(seeds: readonly number[], options: ScenarioOptions = {}): Scenario[] {
  return seeds.flatMap((seed) => [
    makeScenario('step', seed, options),
    makeScenario('gust', seed, { windSpeed: 8, ...options }),
    makeScenario('wind', seed, { windSpeed: 6, ...options }),
  ]);
}

/** Mean of each metric over the scenarios (settling time: Infinity if any run never settles). */
export function evaluateController(
  factory: ControllerFactory,
  scenarios: readonly Scenario[],
  geo: Geometry,
  pTrue: PhysParams,
  options: EvaluationOptions = {},
): FlightMetrics {
  const runs = scenarios.map((s) =>
    flightMetrics(runClosedLoop(s, factory(), geo, pTrue, { denoise: options.denoiser?.() }), {
      eventTime: s.eventTime,
    }),
  );
  const mean = (key: 'rmseDeg' | 'steadyStateErrorDeg' | 'settlingTimeS' | 'maxErrorDeg'): number =>
    runs.reduce((acc, m) => acc + m[key], 0) / runs.length;
  return {
    rmseDeg: mean('rmseDeg'),
    steadyStateErrorDeg: mean('steadyStateErrorDeg'),
    settlingTimeS: mean('settlingTimeS'),
    maxErrorDeg: mean('maxErrorDeg'),
    stable: runs.every((m) => m.stable),
  };
}

/** Largest impulse-gust speed (m/s) that every seed survives (bounded and recovered). */
export function maxStableGust(
  factory: ControllerFactory,
  seeds: readonly number[],
  geo: Geometry,
  pTrue: PhysParams,
  options: EvaluationOptions & { scenario?: ScenarioOptions; kind?: 'gust' | 'wind' } = {},
): number {
  return maxStableWind((speed, seed) => {
    const s = makeScenario(options.kind ?? 'gust', seed, { ...options.scenario, windSpeed: speed });
    const log = runClosedLoop(s, factory(), geo, pTrue, { denoise: options.denoiser?.() });
    return flightMetrics(log, { eventTime: s.eventTime }).stable;
  }, seeds);
}
