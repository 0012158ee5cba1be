/**
 * Online parameter identification through the MPC, iMPC-style and without any network: the vehicle
 * flies the `excite` scenario under the MPC with the current estimate p; every `segment` control steps,
 * the mean gap cost (i) over those steps is differentiated (through the model and through U*) and
 * Adam updates log p (log-parameters keep p positive and put m and J on one scale).
 *
 * The data are collected online, under the current p, because the IMU's next state is the response to
 * the input the MPC(p) actually applied: re-solving logged states with another p would compare the
 * model's prediction for one input with the response to another.
 *
 * What makes p identifiable from the gap: the inertia, through the body-rate residual
 * Δt (τ/J_true − τ/J) with τ known from the commanded thrusts (each axis must be excited: the `excite`
 * flight steps roll, pitch, yaw and altitude); the mass, through the vertical-speed residual
 * Δt T cosφ cosθ (1/m_true − 1/m): gravity is known and the collective thrust T ≈ m g never vanishes,
 * so the accelerometer's specific force T/m_true pins m (no scale ambiguity between m and T).
 *
 * The default gradient treats that input as applied (`{ kind: 'applied' }`): the measurement answers it
 * as the model does, so the path through U* cancels. Holding y fixed and keeping only the prediction's
 * path through U* (the 'implicit' / 'unrolled' modes) does not identify p here: the MPC inverts its own
 * model (hover thrust m g, torque J α), so the prediction barely depends on p and the mass drifts off.
 */
import { unwrapYaw } from '../mpc/controllers';
import type { ImuNoise } from '../vehicle/imu';
import { NOISE_FREE_IMU } from '../vehicle/imu';
import {
  type MpcConfig,
  type MpcSolution,
  buildMpcContext,
  defaultMpcConfig,
  shiftedWarmStart,
  solveMpc,
} from '../mpc/mpc';
import { DEFAULT_GEOMETRY, type Geometry, type PhysParams, NU, N_PARAMS } from '../params';
import { makeScenario, referenceAt } from '../vehicle/scenarios';
import { DEFAULT_RATES, controlDt, createFlight, flyInterval } from '../vehicle/sim';
import { DEFAULT_GAP_WEIGHTS, type LowerLevelGradient, gapCost } from './ul-costs';

export interface IdentificationOptions {
  pTrue: PhysParams;
  pInit: PhysParams;
  /** UL updates. */
  steps: number;
  /** Control steps per update. */
  segment?: number;
  learningRate?: number;
  /** The learning rate decays exponentially to this fraction by the last step. */
  finalLearningRateFraction?: number;
  seed?: number;
  imu?: ImuNoise;
  mode?: LowerLevelGradient;
  geo?: Geometry;
  config?: MpcConfig;
}

export interface IdentificationStep {
  p: Float64Array;
  /** Mean UL (gap) cost and mean LL (MPC) cost over the segment. */
  ul: number;
  ll: number;
}

export interface IdentificationResult {
  p: Float64Array;
  history: IdentificationStep[];
}

export function identifyOnline(options: IdentificationOptions): IdentificationResult {
  const geo = options.geo ?? DEFAULT_GEOMETRY;
  const config = options.config ?? defaultMpcConfig(10);
  const segment = options.segment ?? 10;
  const lr0 = options.learningRate ?? 0.08;
  const lrDecay = Math.log(options.finalLearningRateFraction ?? 0.05) / Math.max(1, options.steps - 1);
  const mode = options.mode ?? { kind: 'applied' };
  const duration = options.steps * segment * controlDt(DEFAULT_RATES) + 1;
  const scenario = makeScenario('excite', options.seed ?? 1, {
    duration,
    imu: options.imu ?? NOISE_FREE_IMU,
  });
  const flight = createFlight(scenario, geo, options.pTrue);
  const logP = options.pInit.map(Math.log);
  const m1 = new Float64Array(N_PARAMS);
  const m2 = new Float64Array(N_PARAMS);
  const history: IdentificationStep[] = [];
  let warm: Float64Array | undefined;
  for (let step = 0; step < options.steps; step++) {
    const p = logP.map(Math.exp);
    const ctx = buildMpcContext(geo, config, p);
    const grad = new Float64Array(N_PARAMS);
    let ul = 0;
    let ll = 0;
    for (let k = 0; k < segment; k++) {
      const ref = referenceAt(scenario, flight.t);
      const x = Float64Array.from(flight.estimate);
      const sol: MpcSolution = solveMpc(ctx, unwrapYaw(x, ref), ref, warm);
      warm = shiftedWarmStart(sol.u);
      flyInterval(flight, sol.u.subarray(0, NU));
      const r = gapCost(
        ctx,
        { x, y: Float64Array.from(flight.estimate), ref },
        mode,
        DEFAULT_GAP_WEIGHTS,
        sol,
      );
      ul += r.value / segment;
      ll += sol.cost / segment;
      for (let j = 0; j < N_PARAMS; j++) grad[j] += r.gradP[j] / segment;
    }
    history.push({ p, ul, ll });
    // Adam on log p: ∂U/∂log p = p ⊙ ∂U/∂p.
    const lr = lr0 * Math.exp(lrDecay * step);
    const t = step + 1;
    for (let j = 0; j < N_PARAMS; j++) {
      const g = p[j] * grad[j];
      m1[j] = 0.9 * m1[j] + 0.1 * g;
      m2[j] = 0.999 * m2[j] + 0.001 * g * g;
      const mHat = m1[j] / (1 - 0.9 ** t);
      const vHat = m2[j] / (1 - 0.999 ** t);
      logP[j] -= (lr * mHat) / (Math.sqrt(vHat) + 1e-12);
    }
  }
  return { p: logP.map(Math.exp), history };
}
