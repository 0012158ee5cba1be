/**
 * The UL costs of iMPC that need no network, with analytic gradients.
 *
 * ψ (UL variables): the physical parameters p = (m, Jx, Jy, Jz) here, and later the denoiser's weights θ,
 * which reach these costs through the IMU-integrated states (gradX / gradY below). φ (LL variables): the
 * MPC's input sequence U*, obtained by solving the LL problem and differentiated implicitly (KKT) or by
 * unrolling (`LowerLevelGradient`).
 *
 * (i) Gap cost, iMPC's form: U = ½ ‖y_{k+1} − f(x_k, u*_0(x_k, p); p)‖²_W, where y_{k+1} is the state
 *     integrated from the IMU over the interval and f the model's one-interval prediction.
 * (ii) Tracking cost: the closed loop of the MPC(p) on a plant model with parameters p_plant, over H
 *     control steps from x_0: U = ½ Σ_{i=1..H} ‖x_i − x_ref‖²_W, x_{i+1} = f(x_i, u*_0(x_i, p); p_plant).
 */
import { unwrapYaw } from '../mpc/controllers';
import { predictStep, N_TANGENT } from '../vehicle/dynamics';
import { type MpcContext, type MpcSolution, shiftedWarmStart, solveMpc } from '../mpc/mpc';
import { mpcVjpImplicit } from '../mpc/mpc-implicit';
import type { MpcInputGradients } from '../mpc/mpc-sensitivity';
import { mpcUnrolled, mpcVjpUnrolled } from '../mpc/mpc-unrolled';
import { NU, NX, N_PARAMS } from '../params';
import { wrapAngle } from '../vehicle/rotation';

/**
 * How the gradient crosses the LL: through the KKT conditions, or by unrolling K solver iterations; or
 * not at all ('applied'): the first input is treated as the applied, measured input. That is the
 * gradient to use for p on online data — the measurement y_{k+1} answers the applied input as the
 * model does (∂y/∂u ≈ ∂f/∂u), so the path through U* cancels between y and the prediction.
 */
export type LowerLevelGradient =
  { kind: 'implicit' } | { kind: 'unrolled'; iterations: number } | { kind: 'applied' };

/** Gap weights: angles, body rates, altitude (unused: it only sees second-order effects), vertical speed. */
export const DEFAULT_GAP_WEIGHTS = Float64Array.of(100, 100, 100, 1, 1, 1, 0, 1);
export const DEFAULT_TRACKING_WEIGHTS = Float64Array.of(1, 1, 1, 0, 0, 0, 0, 0);
/** RK4 substeps of the model over one control interval. */
export const MODEL_SUBSTEPS = 4;

export interface GapSample {
  /** State estimate at k (IMU-integrated). */
  x: Float64Array;
  /** IMU-integrated state at k + 1. */
  y: Float64Array;
  /** Target state at k. */
  ref: Float64Array;
}

export interface UlResult {
  value: number;
  gradP: Float64Array;
  /** ∂U/∂x_k (or ∂U/∂x_0 for tracking): the path to the denoiser through the state estimate. */
  gradX: Float64Array;
}

export interface GapResult extends UlResult {
  /** ∂U/∂y_{k+1}. */
  gradY: Float64Array;
  residual: Float64Array;
  solution: MpcSolution;
}

/** The VJP of U*(x0, p) for an upstream gradient on the first input only. */
export function firstInputVjp(
  ctx: MpcContext,
  sol: MpcSolution,
  x0: Float64Array,
  uBar0: Float64Array,
  mode: LowerLevelGradient,
): MpcInputGradients {
  const uBar = new Float64Array(ctx.nU);
  uBar.set(uBar0);
  if (mode.kind === 'applied') return { x0: new Float64Array(NX), p: new Float64Array(N_PARAMS) };
  if (mode.kind === 'implicit') return mpcVjpImplicit(ctx, sol, uBar);
  return mpcVjpUnrolled(ctx, mpcUnrolled(ctx, x0, sol.ref, mode.iterations), uBar);
}

/** Jᵀ v for the block of columns [c0, c0 + width) of a step Jacobian. */
function jacTVec(jac: Float64Array, v: Float64Array, c0: number, width: number): Float64Array {
  const out = new Float64Array(width);
  for (let r = 0; r < NX; r++) for (let c = 0; c < width; c++) out[c] += jac[r * N_TANGENT + c0 + c] * v[r];
  return out;
}

const sameMode = (a: LowerLevelGradient, b: LowerLevelGradient): boolean =>
  a.kind === b.kind && (a.kind !== 'unrolled' || (b.kind === 'unrolled' && a.iterations === b.iterations));

/**
 * (i) iMPC's gap cost for one sample; `solution` may be passed to reuse the controller's solve. `mode` is the
 * path through U* for x_k (what reaches the denoiser); `pMode` (default: the same) the path for p.
 */
export function gapCost(
  ctx: MpcContext,
  sample: GapSample,
  mode: LowerLevelGradient = { kind: 'implicit' },
  weights: Float64Array = DEFAULT_GAP_WEIGHTS,
  solution?: MpcSolution,
  pMode: LowerLevelGradient = mode,
): GapResult {
  const x0 = unwrapYaw(sample.x, sample.ref);
  const sol = solution ?? solveMpc(ctx, x0, sample.ref);
  const step = predictStep(ctx.geo, sample.x, sol.u.subarray(0, NU), ctx.p, ctx.config.dt, MODEL_SUBSTEPS);
  const residual = new Float64Array(NX);
  let value = 0;
  for (let i = 0; i < NX; i++) {
    const d = sample.y[i] - step.next[i];
    residual[i] = i < 3 ? wrapAngle(d) : d;
    value += 0.5 * weights[i] * residual[i] * residual[i];
  }
  const predBar = residual.map((r, i) => -weights[i] * r);
  const gradX = jacTVec(step.jac, predBar, 0, NX);
  const gradP = jacTVec(step.jac, predBar, NX + NU, N_PARAMS);
  const uBar0 = jacTVec(step.jac, predBar, NX, NU);
  const lower = firstInputVjp(ctx, sol, x0, uBar0, mode);
  const lowerP = sameMode(mode, pMode) ? lower : firstInputVjp(ctx, sol, x0, uBar0, pMode);
  for (let i = 0; i < NX; i++) gradX[i] += lower.x0[i];
  for (let j = 0; j < N_PARAMS; j++) gradP[j] += lowerP.p[j];
  return { value, gradP, gradX, gradY: residual.map((r, i) => weights[i] * r), residual, solution: sol };
}

/** (ii) Closed-loop tracking cost over `horizon` control steps on the plant model with `plantP`. */
export function trackingCost(
  ctx: MpcContext,
  plantP: Float64Array,
  x0: Float64Array,
  ref: Float64Array,
  horizon: number,
  mode: LowerLevelGradient = { kind: 'implicit' },
  weights: Float64Array = DEFAULT_TRACKING_WEIGHTS,
): UlResult {
  const states: Float64Array[] = [Float64Array.from(x0)];
  const sols: MpcSolution[] = [];
  const jacs: Float64Array[] = [];
  let value = 0;
  for (let i = 0; i < horizon; i++) {
    const warm = i > 0 ? shiftedWarmStart(sols[i - 1].u) : undefined;
    const sol = solveMpc(ctx, unwrapYaw(states[i], ref), ref, warm);
    const step = predictStep(
      ctx.geo,
      states[i],
      sol.u.subarray(0, NU),
      plantP,
      ctx.config.dt,
      MODEL_SUBSTEPS,
    );
    sols.push(sol);
    jacs.push(step.jac);
    states.push(step.next);
    for (let a = 0; a < NX; a++) value += 0.5 * weights[a] * (step.next[a] - ref[a]) ** 2;
  }
  const gradP = new Float64Array(N_PARAMS);
  let xBar: Float64Array = new Float64Array(NX);
  for (let i = horizon; i >= 1; i--) {
    for (let a = 0; a < NX; a++) xBar[a] += weights[a] * (states[i][a] - ref[a]);
    // x_i = f(x_{i−1}, u*_0(x_{i−1}, p); p_plant)
    const prev = jacTVec(jacs[i - 1], xBar, 0, NX);
    const uBar0 = jacTVec(jacs[i - 1], xBar, NX, NU);
    const lower = firstInputVjp(ctx, sols[i - 1], unwrapYaw(states[i - 1], ref), uBar0, mode);
    for (let a = 0; a < NX; a++) prev[a] += lower.x0[a];
    for (let j = 0; j < N_PARAMS; j++) gradP[j] += lower.p[j];
    xBar = prev;
  }
  return { value, gradP, gradX: xBar };
}
