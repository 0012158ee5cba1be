/**
 * The multi-rate closed loop: plant at 1 kHz (RK4), IMU at 200 Hz (window means), controller at 50 Hz.
 * The controllers see only the IMU-integrated state estimate, started from the known initial state.
 */
import { createRng } from '../../../il/rng';
import { type Imu, type ImuSample, createImu, integrateImu } from './imu';
import { type Geometry, type PhysParams, NX } from '../params';
import {
  PLANT_SIZE,
  type PlantModel,
  clipThrusts,
  plantStep,
  plantToState,
  stateToPlant,
  trueImuSignals,
} from './quadrotor';
import { type Scenario, referenceAt } from './scenarios';
import { DEFAULT_WIND_MODEL, type WindModel, windVelocity } from './wind';

export interface Rates {
  /** Plant integration step (s). */
  dtSim: number;
  simPerImu: number;
  imuPerControl: number;
}

export const DEFAULT_RATES: Readonly<Rates> = { dtSim: 0.001, simPerImu: 5, imuPerControl: 4 };

export const controlDt = (r: Rates): number => r.dtSim * r.simPerImu * r.imuPerControl;
export const imuDt = (r: Rates): number => r.dtSim * r.simPerImu;

/** A controller maps the state estimate and the target state to four motor thrusts. */
export interface Controller {
  reset(): void;
  act(estimate: Float64Array, ref: Float64Array, t: number): Float64Array;
}

export interface Flight {
  readonly scenario: Scenario;
  readonly model: PlantModel;
  readonly rates: Rates;
  readonly imu: Imu;
  t: number;
  plant: Float64Array;
  estimate: Float64Array;
}

export function createFlight(
  scenario: Scenario,
  geo: Geometry,
  p: PhysParams,
  rates: Rates = DEFAULT_RATES,
  wind: WindModel = DEFAULT_WIND_MODEL,
): Flight {
  return {
    scenario,
    model: { geo, p, wind },
    rates,
    imu: createImu(scenario.imu, createRng(scenario.seed).fork('imu')),
    t: 0,
    plant: stateToPlant(scenario.initialState, new Float64Array(PLANT_SIZE)),
    estimate: Float64Array.from(scenario.initialState),
  };
}

/**
 * Applies the (saturated) thrusts for one control interval; returns the IMU samples taken meanwhile.
 * `denoise` (the learned IMU correction, denoiser.ts) is applied before the estimate is integrated.
 */
export function flyInterval(
  flight: Flight,
  u: ArrayLike<number>,
  denoise?: (samples: ImuSample[]) => ImuSample[],
): ImuSample[] {
  const { rates, model } = flight;
  const thrusts = clipThrusts(model.geo, u);
  const hImu = imuDt(rates);
  const windAt = (t: number): Float64Array => windVelocity(flight.scenario.wind, t);
  const samples: ImuSample[] = [];
  const g0 = new Float64Array(3);
  const a0 = new Float64Array(3);
  const g1 = new Float64Array(3);
  const a1 = new Float64Array(3);
  for (let i = 0; i < rates.imuPerControl; i++) {
    const gyro = new Float64Array(3);
    const accel = new Float64Array(3);
    for (let j = 0; j < rates.simPerImu; j++) {
      // Window mean by the trapezoid rule on each plant step, with that step's input at both ends.
      trueImuSignals(model, flight.plant, thrusts, windAt(flight.t), g0, a0);
      plantStep(model, flight.plant, thrusts, windAt, flight.t, rates.dtSim);
      flight.t += rates.dtSim;
      trueImuSignals(model, flight.plant, thrusts, windAt(flight.t), g1, a1);
      for (let k = 0; k < 3; k++) {
        gyro[k] += (g0[k] + g1[k]) / (2 * rates.simPerImu);
        accel[k] += (a0[k] + a1[k]) / (2 * rates.simPerImu);
      }
    }
    samples.push(flight.imu.measure(gyro, accel, hImu));
  }
  const used = denoise ? denoise(samples) : samples;
  flight.estimate = integrateImu(flight.estimate, used, hImu, model.geo.gravity);
  return samples;
}

/** Everything logged at the control rate (K steps; arrays are K × width, row-major). */
export interface FlightLog {
  dt: number;
  steps: number;
  time: Float64Array;
  trueState: Float64Array;
  estimate: Float64Array;
  reference: Float64Array;
  thrusts: Float64Array;
  windSpeed: Float64Array;
  /** Raw IMU samples, imuPerControl per step (gyro and accel, 3 each). */
  gyro: Float64Array;
  accel: Float64Array;
}

export function runClosedLoop(
  scenario: Scenario,
  controller: Controller,
  geo: Geometry,
  p: PhysParams,
  options: { rates?: Rates; wind?: WindModel; denoise?: (s: ImuSample[]) => ImuSample[] } = {},
): FlightLog {
  const rates = options.rates ?? DEFAULT_RATES;
  const flight = createFlight(scenario, geo, p, rates, options.wind);
  const dt = controlDt(rates);
  const steps = Math.round(scenario.duration / dt);
  const per = rates.imuPerControl;
  const log: FlightLog = {
    dt,
    steps,
    time: new Float64Array(steps),
    trueState: new Float64Array(steps * NX),
    estimate: new Float64Array(steps * NX),
    reference: new Float64Array(steps * NX),
    thrusts: new Float64Array(steps * 4),
    windSpeed: new Float64Array(steps),
    gyro: new Float64Array(steps * per * 3),
    accel: new Float64Array(steps * per * 3),
  };
  controller.reset();
  const ref = new Float64Array(NX);
  for (let k = 0; k < steps; k++) {
    const t = k * dt;
    referenceAt(scenario, t, ref);
    log.time[k] = t;
    log.trueState.set(plantToState(flight.plant), k * NX);
    log.estimate.set(flight.estimate, k * NX);
    log.reference.set(ref, k * NX);
    log.windSpeed[k] = Math.hypot(...windVelocity(scenario.wind, t));
    const u = controller.act(flight.estimate, ref, t);
    log.thrusts.set(clipThrusts(geo, u), k * 4);
    const samples = flyInterval(flight, u, options.denoise);
    samples.forEach((s, i) => {
      log.gyro.set(s.gyro, (k * per + i) * 3);
      log.accel.set(s.accel, (k * per + i) * 3);
    });
  }
  return log;
}
