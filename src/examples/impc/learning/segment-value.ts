/**
 * U of a recorded training segment as a function of ψ, for finite-difference checks of the hypergradient.
 * It rebuilds exactly what ul-segment.ts differentiates: x_k's body rates and y_{k+1} from a given set of
 * denoised gyro readings (x_k's angles, altitude and vertical speed held as recorded), the MPC re-solved at
 * p_mpc (or its recorded solution kept), the model's prediction at p_model. With p_mpc held and p_model varied,
 * its p-derivative is the applied-input gradient; with both varied together, the path through the MPC.
 */
import { unwrapYaw } from '../mpc/controllers';
import { AXES, applyCorrection, denoiserOutput, INPUT_SIZE, windowFeatures } from './denoiser';
import { type ImuSample, integrateImu } from '../vehicle/imu';
import type { MpcContext, MpcSolution } from '../mpc/mpc';
import { solveMpc } from '../mpc/mpc';
import { NU, NX } from '../params';
import { predictStep } from '../vehicle/dynamics';
import { wrapAngle } from '../vehicle/rotation';
import type { Segment } from '../vehicle/training-flight';
import { DEFAULT_GAP_WEIGHTS, DEFAULT_TRACKING_WEIGHTS, MODEL_SUBSTEPS, gapCost } from './ul-costs';
import type { UpperCostKind } from './ul-segment';

/** The segment's samples corrected by θ (each from its window in the flight's raw history). */
export function denoiseSegment(theta: ArrayLike<number> | null, segment: Segment): ImuSample[] {
  const v = new Float64Array(AXES * INPUT_SIZE);
  return segment.raw.map((s, i) => {
    if (!theta) return s;
    windowFeatures(segment.history, segment.historyStart + i, v);
    return applyCorrection(s, denoiserOutput(theta, v));
  });
}

/** x_k and y_{k+1} of every step rebuilt from denoised samples (in segment order). */
export function restate(
  segment: Segment,
  samples: readonly ImuSample[],
  imuPerControl: number,
  imuDt: number,
  gravity: number,
): { x: Float64Array; y: Float64Array }[] {
  return segment.steps.map((step, k) => {
    const prev = samples.slice(k * imuPerControl, (k + 1) * imuPerControl);
    const x = Float64Array.from(step.x);
    const last = prev[prev.length - 1].gyro;
    const before = prev[prev.length - 2].gyro;
    for (let a = 0; a < 3; a++) x[3 + a] = 1.5 * last[a] - 0.5 * before[a];
    const y = integrateImu(
      x,
      samples.slice((k + 1) * imuPerControl, (k + 2) * imuPerControl),
      imuDt,
      gravity,
    );
    return { x, y };
  });
}

export interface SegmentValueOptions {
  upper: UpperCostKind;
  /**
   * Re-solve the MPC at the rebuilt x_k (the path through U* for x_k, so for θ), or keep the recorded
   * solution (the applied input held).
   */
  resolve: boolean;
  /** λ of the penalty on the gyro corrections (samples − raw). */
  correctionPenalty: number;
  imuPerControl: number;
  imuDt: number;
  gravity: number;
}

/**
 * Mean U over the segment. `ctxMpc` solves the MPC (at p_mpc), `ctxModel` predicts (at p_model). For the
 * tracking cost, y_{k+1} is the measurement moved to first order by the change of the first input:
 * ỹ = y + ∂f/∂u (u*_0 − u_applied), whose gradient at the recorded point is the control path.
 */
export function segmentValue(
  ctxMpc: MpcContext,
  ctxModel: MpcContext,
  segment: Segment,
  samples: readonly ImuSample[],
  options: SegmentValueOptions,
): number {
  const states = restate(segment, samples, options.imuPerControl, options.imuDt, options.gravity);
  let total = 0;
  segment.steps.forEach((step, k) => {
    const { x, y } = states[k];
    const solution: MpcSolution = options.resolve
      ? solveMpc(ctxMpc, unwrapYaw(x, step.ref), step.ref)
      : step.solution;
    if (options.upper === 'gap') {
      total += gapCost(
        ctxModel,
        { x, y, ref: step.ref },
        { kind: 'applied' },
        DEFAULT_GAP_WEIGHTS,
        solution,
      ).value;
      return;
    }
    const applied = step.solution.u.subarray(0, NU);
    const { jac } = predictStep(
      ctxModel.geo,
      step.x,
      applied,
      ctxModel.p,
      ctxModel.config.dt,
      MODEL_SUBSTEPS,
    );
    const cols = jac.length / NX;
    for (let r = 0; r < NX; r++) {
      let yr = step.y[r];
      for (let c = 0; c < NU; c++) yr += jac[r * cols + NX + c] * (solution.u[c] - applied[c]);
      const e = r < 3 ? wrapAngle(yr - step.ref[r]) : yr - step.ref[r];
      total += 0.5 * DEFAULT_TRACKING_WEIGHTS[r] * e * e;
    }
  });
  let penalty = 0;
  samples.forEach((s, i) => {
    for (let a = 0; a < 3; a++) penalty += (s.gyro[a] - segment.raw[i].gyro[a]) ** 2;
  });
  return total / segment.steps.length + (options.correctionPenalty * penalty) / samples.length;
}
