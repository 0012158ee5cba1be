/**
 * The UL cost of one training segment and its gradient w.r.t. ψ's two parts, all in TypeScript:
 *   γ (p)  — directly, as dU/dp;
 *   θ      — as dU/d(denoised gyro of every sample), which model.ts turns into dU/dθ (tfjs backward).
 *
 * (i) gap: U = mean_k ½ ‖y_{k+1} − f(x_k, u*_0(x_k, p); p)‖²_W. The denoised samples of interval k make
 *     y_{k+1} = integrate(x_k, samples) (through its exact Jacobian), and the last two of interval k − 1 make
 *     x_k's body rates; x_k's angles, altitude and vertical speed are held (truncated: they sum the whole
 *     flight). x_k reaches U directly and through the MPC (implicit or unrolled VJP). For p the default is
 *     the applied-input path (see ul-costs.ts): the measurement answers the input that was applied, so the
 *     path through U* cancels; 'mpc' keeps it (the lesson shows why that fails to identify the mass).
 * (ii) tracking: U = mean_k ½ ‖y_{k+1} − x_ref‖²_W, with y_{k+1} measured (held). Its gradient is the
 *     control path only: how U would change had the MPC applied another first input, with the model's
 *     ∂x_{k+1}/∂u standing in for the vehicle's, through U* to p and to x_k (so to θ).
 */
import { unwrapYaw } from '../mpc/controllers';
import { predictStep } from '../vehicle/dynamics';
import { integrateImuWithJacobian, imuInputColumns, sampleColumn } from '../vehicle/imu-jacobian';
import type { MpcContext } from '../mpc/mpc';
import type { MpcInputGradients } from '../mpc/mpc-sensitivity';
import { NU, NX, N_PARAMS } from '../params';
import { wrapAngle } from '../vehicle/rotation';
import type { Segment } from '../vehicle/training-flight';
import {
  DEFAULT_GAP_WEIGHTS,
  DEFAULT_TRACKING_WEIGHTS,
  type LowerLevelGradient,
  MODEL_SUBSTEPS,
  firstInputVjp,
  gapCost,
} from './ul-costs';

export type UpperCostKind = 'gap' | 'tracking';
export type ParamPath = 'applied' | 'mpc';

export interface SegmentCostOptions {
  upper: UpperCostKind;
  /** How the gradient crosses the MPC (for x_k; and for p where the path through U* is kept). */
  mode: LowerLevelGradient;
  /** Gap cost only: the path for p, and for x_k (so θ). */
  pPath: ParamPath;
  xPath: ParamPath;
  /** λ of the penalty λ · mean ‖gyro correction‖² (rad²/s²) that keeps the denoiser's corrections small. */
  correctionPenalty: number;
  /** IMU samples per control interval and their spacing (s); gravity (m/s²). */
  imuPerControl: number;
  imuDt: number;
  gravity: number;
}

export interface SegmentCost {
  /** Mean U and mean L (the MPC cost at its solutions) over the segment. */
  upper: number;
  lower: number;
  gradP: Float64Array;
  /** dU/d(denoised gyro): (steps + 1) · imuPerControl samples × 3, in segment order. */
  gradGyro: Float64Array;
}

/** Adds x̄'s body-rate part to the gyro of the two samples that x_k's rates were extrapolated from. */
function addRateGradient(gradGyro: Float64Array, xBar: ArrayLike<number>, lastSample: number): void {
  for (let a = 0; a < 3; a++) {
    gradGyro[lastSample * 3 + a] += 1.5 * xBar[3 + a];
    gradGyro[(lastSample - 1) * 3 + a] -= 0.5 * xBar[3 + a];
  }
}

/** Adds ȳᵀ ∂y/∂(gyro of the interval's samples), the interval starting at sample `first`. */
function addIntegrationGradient(
  gradGyro: Float64Array,
  jac: Float64Array,
  yBar: ArrayLike<number>,
  first: number,
  count: number,
): void {
  const m = imuInputColumns(count);
  for (let j = 0; j < count; j++)
    for (let a = 0; a < 3; a++) {
      const col = sampleColumn(j, a);
      let s = 0;
      for (let r = 0; r < NX; r++) s += yBar[r] * jac[r * m + col];
      gradGyro[(first + j) * 3 + a] += s;
    }
}

/** ½ ‖y − x_ref‖²_W and ∂/∂u_0 through the model, for the tracking cost. */
function trackingStep(
  ctx: MpcContext,
  x: Float64Array,
  u0: ArrayLike<number>,
  y: Float64Array,
  ref: Float64Array,
): { value: number; uBar0: Float64Array } {
  const weights = DEFAULT_TRACKING_WEIGHTS;
  const err = new Float64Array(NX);
  let value = 0;
  for (let i = 0; i < NX; i++) {
    err[i] = i < 3 ? wrapAngle(y[i] - ref[i]) : y[i] - ref[i];
    value += 0.5 * weights[i] * err[i] * err[i];
  }
  const { jac } = predictStep(ctx.geo, x, u0, ctx.p, ctx.config.dt, MODEL_SUBSTEPS);
  const uBar0 = new Float64Array(NU);
  const cols = NX + NU + N_PARAMS;
  for (let r = 0; r < NX; r++)
    for (let c = 0; c < NU; c++) uBar0[c] += jac[r * cols + NX + c] * weights[r] * err[r];
  return { value, uBar0 };
}

/** λ · mean ‖denoised − raw‖² over the segment's gyro samples; adds its gradient to `gradGyro`. */
function correctionPenalty(segment: Segment, lambda: number, gradGyro: Float64Array): number {
  if (lambda === 0) return 0;
  const n = segment.raw.length;
  let value = 0;
  for (let i = 0; i < n; i++)
    for (let a = 0; a < 3; a++) {
      const c = segment.denoised[i].gyro[a] - segment.raw[i].gyro[a];
      value += (lambda * c * c) / n;
      gradGyro[i * 3 + a] += (2 * lambda * c) / n;
    }
  return value;
}

export function segmentCost(ctx: MpcContext, segment: Segment, options: SegmentCostOptions): SegmentCost {
  const per = options.imuPerControl;
  const n = segment.steps.length;
  const gradP = new Float64Array(N_PARAMS);
  const gradGyro = new Float64Array(segment.denoised.length * 3);
  let upper = 0;
  let lower = 0;
  const applied: LowerLevelGradient = { kind: 'applied' };
  segment.steps.forEach((step, k) => {
    const first = (k + 1) * per;
    const samples = segment.denoised.slice(first, first + per);
    lower += step.solution.cost / n;
    if (options.upper === 'gap') {
      const pMode = options.pPath === 'applied' ? applied : options.mode;
      const xMode = options.xPath === 'applied' ? applied : options.mode;
      const r = gapCost(
        ctx,
        { x: step.x, y: step.y, ref: step.ref },
        xMode,
        DEFAULT_GAP_WEIGHTS,
        step.solution,
        pMode,
      );
      upper += r.value / n;
      for (let j = 0; j < N_PARAMS; j++) gradP[j] += r.gradP[j] / n;
      const { jac } = integrateImuWithJacobian(step.x, samples, options.imuDt, options.gravity);
      addIntegrationGradient(
        gradGyro,
        jac,
        r.gradY.map((v) => v / n),
        first,
        per,
      );
      addRateGradient(
        gradGyro,
        r.gradX.map((v) => v / n),
        first - 1,
      );
      return;
    }
    const t = trackingStep(ctx, step.x, step.solution.u.subarray(0, NU), step.y, step.ref);
    upper += t.value / n;
    const uBar = t.uBar0.map((v) => v / n);
    const lowerGrads: MpcInputGradients = firstInputVjp(
      ctx,
      step.solution,
      unwrapYaw(step.x, step.ref),
      uBar,
      options.mode,
    );
    for (let j = 0; j < N_PARAMS; j++) gradP[j] += lowerGrads.p[j];
    addRateGradient(gradGyro, lowerGrads.x0, first - 1);
  });
  upper += correctionPenalty(segment, options.correctionPenalty, gradGyro);
  return { upper, lower, gradP, gradGyro };
}
