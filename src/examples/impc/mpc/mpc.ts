/**
 * The LL engine g: attitude MPC over a horizon N, condensed into a box-constrained QP in the motor
 * thrusts U (the LL variables φ):
 *
 *   L(U; x0, p) = ½ Σ_{k=1..N} ‖x_k − x_ref‖²_{Q_k} + ½ Σ_{k=0..N−1} ‖u_k − u_hover(p)‖²_R
 *   s.t. x_{k+1} = A x_k + B(p) u_k + c,   f_min ≤ u_k ≤ f_max,
 *
 * with Q_N the terminal weight and u_hover = m g / 4. In U: L = ½ Uᵀ H(p) U + q(x0, p)ᵀ U + const.
 */
import { buildSu, buildSxSc, linearModel, matTVec, matVec, matrixPowers, weightedGram } from './mpc-model';
import { type Geometry, type PhysParams, NU, NX, N_PARAMS, P_MASS } from '../params';
import { type BoxQpSolution, solveBoxQp } from './qp-box';
import { choleskyInPlace, choleskySolveInPlace } from './dense';

export interface MpcConfig {
  horizon: number;
  /** Control step (s). */
  dt: number;
  /** Diagonal state weights for x_1 … x_{N−1} and for the terminal x_N. */
  stateWeights: Float64Array;
  terminalWeights: Float64Array;
  /** Weight on each motor's deviation from hover thrust (per N²). */
  inputWeight: number;
}

export function defaultMpcConfig(horizon = 10): MpcConfig {
  // Tuned in closed loop (scenarios step + gust, noise-free): aggressive on attitude, so that the model's
  // parameters matter (with soft weights a 50 % inertia error barely changes the response).
  const stateWeights = Float64Array.of(20000, 20000, 10000, 1, 1, 0.5, 200, 50);
  return {
    horizon,
    dt: 0.02,
    stateWeights,
    terminalWeights: stateWeights.map((w) => 5 * w),
    inputWeight: 0.01,
  };
}

/** Everything about the QP that depends on p but not on x0: built once per parameter value. */
export interface MpcContext {
  geo: Geometry;
  config: MpcConfig;
  p: PhysParams;
  nU: number;
  nX: number;
  Su: Float64Array;
  /** ∂Su/∂p_j. */
  dSu: Float64Array[];
  Sx: Float64Array;
  Sc: Float64Array;
  /** Diagonal of blockdiag(Q, …, Q, Q_N). */
  qBar: Float64Array;
  H: Float64Array;
  uHover: Float64Array;
  /** ∂u_hover/∂p_j (only the mass matters). */
  dUHover: Float64Array[];
  lo: Float64Array;
  hi: Float64Array;
  /** ∂H/∂p_j, built on first use (only the unrolled gradient needs it). */
  dH?: Float64Array[];
  /** Cholesky factor of H, built on first use (the cold start's unconstrained minimiser). */
  cholH?: Float64Array;
}

export function buildMpcContext(geo: Geometry, config: MpcConfig, p: PhysParams): MpcContext {
  const N = config.horizon;
  const nU = NU * N;
  const nX = NX * N;
  const model = linearModel(geo, p, config.dt);
  const powers = matrixPowers(model.A, N);
  const Su = buildSu(powers, model.B, N);
  const dSu = model.dB.map((dB) => buildSu(powers, dB, N));
  const { Sx, Sc } = buildSxSc(powers, model.c, N);
  const qBar = new Float64Array(nX);
  for (let k = 0; k < N; k++) qBar.set(k === N - 1 ? config.terminalWeights : config.stateWeights, k * NX);
  const H = weightedGram(Su, Su, qBar, nX, nU);
  for (let i = 0; i < nU; i++) H[i * nU + i] += config.inputWeight;
  const hover = (p[P_MASS] * geo.gravity) / 4;
  const uHover = new Float64Array(nU).fill(hover);
  const dUHover = Array.from({ length: N_PARAMS }, (_, j) =>
    new Float64Array(nU).fill(j === P_MASS ? geo.gravity / 4 : 0),
  );
  const lo = new Float64Array(nU).fill(geo.thrustMin);
  const hi = new Float64Array(nU).fill(geo.thrustMax);
  return { geo, config, p: Float64Array.from(p), nU, nX, Su, dSu, Sx, Sc, qBar, H, uHover, dUHover, lo, hi };
}

/** ∂H/∂p_j = dSuᵀ Q̄ Su + Suᵀ Q̄ dSu (cached on the context). */
export function hessianDerivatives(ctx: MpcContext): Float64Array[] {
  if (!ctx.dH) {
    ctx.dH = ctx.dSu.map((dSu) => {
      const a = weightedGram(dSu, ctx.Su, ctx.qBar, ctx.nX, ctx.nU);
      const n = ctx.nU;
      for (let i = 0; i < n; i++)
        for (let j = i; j < n; j++) {
          const s = a[i * n + j] + a[j * n + i];
          a[i * n + j] = s;
          a[j * n + i] = s;
        }
      return a;
    });
  }
  return ctx.dH;
}

/** Free response error e0 = Sx x0 + Sc − X_ref (the predicted state error with U = 0). */
export function freeResponseError(
  ctx: MpcContext,
  x0: ArrayLike<number>,
  ref: ArrayLike<number>,
): Float64Array {
  const e0 = matVec(ctx.Sx, ctx.nX, NX, x0);
  for (let i = 0; i < ctx.nX; i++) e0[i] += ctx.Sc[i] - ref[i % NX];
  return e0;
}

/** q(x0, p) = Suᵀ Q̄ e0 − R u_hover. */
export function linearTerm(ctx: MpcContext, e0: Float64Array): Float64Array {
  const qe = e0.map((v, i) => v * ctx.qBar[i]);
  const q = matTVec(ctx.Su, ctx.nX, ctx.nU, qe);
  for (let i = 0; i < ctx.nU; i++) q[i] -= ctx.config.inputWeight * ctx.uHover[i];
  return q;
}

/** Predicted state errors E = Su U + e0 (the rows of the horizon, x_1 … x_N, minus the reference). */
export function predictedErrors(ctx: MpcContext, U: ArrayLike<number>, e0: Float64Array): Float64Array {
  const E = matVec(ctx.Su, ctx.nX, ctx.nU, U);
  for (let i = 0; i < ctx.nX; i++) E[i] += e0[i];
  return E;
}

/** The LL cost L(U; x0, p), evaluated directly (including the constant term). */
export function mpcCost(ctx: MpcContext, U: ArrayLike<number>, e0: Float64Array): number {
  const E = predictedErrors(ctx, U, e0);
  let s = 0;
  for (let i = 0; i < ctx.nX; i++) s += ctx.qBar[i] * E[i] * E[i];
  for (let i = 0; i < ctx.nU; i++) s += ctx.config.inputWeight * (U[i] - ctx.uHover[i]) ** 2;
  return 0.5 * s;
}

export interface MpcSolution extends BoxQpSolution {
  /** L at the solution. */
  cost: number;
  /** The data the gradients need: x0, the reference, e0 and q. */
  x0: Float64Array;
  ref: Float64Array;
  e0: Float64Array;
  q: Float64Array;
}

/** Solves the MPC QP for the state x0 and the target state `ref` (NX entries, held over the horizon). */
export function solveMpc(
  ctx: MpcContext,
  x0: ArrayLike<number>,
  ref: ArrayLike<number>,
  warmStart?: ArrayLike<number>,
): MpcSolution {
  const e0 = freeResponseError(ctx, x0, ref);
  const q = linearTerm(ctx, e0);
  const qp = { n: ctx.nU, H: ctx.H, q, lo: ctx.lo, hi: ctx.hi };
  const sol = warmStart
    ? solveBoxQp(qp, warmStart)
    : solveBoxQp(qp, unconstrainedMinimiser(ctx, q), { guessActiveSet: true });
  return {
    ...sol,
    cost: mpcCost(ctx, sol.u, e0),
    x0: Float64Array.from(x0),
    ref: Float64Array.from(ref),
    e0,
    q,
  };
}

/** −H⁻¹ q: the cold start (the primal–dual sweeps then guess the active set from it). */
function unconstrainedMinimiser(ctx: MpcContext, q: Float64Array): Float64Array {
  if (!ctx.cholH) {
    ctx.cholH = Float64Array.from(ctx.H);
    if (!choleskyInPlace(ctx.cholH, ctx.nU)) throw new Error('MPC Hessian is not positive definite');
  }
  return choleskySolveInPlace(
    ctx.cholH,
    ctx.nU,
    q.map((v) => -v),
  );
}

/** The previous solution shifted by one step (last input repeated): the warm start for the next solve. */
export function shiftedWarmStart(u: Float64Array): Float64Array {
  const out = new Float64Array(u.length);
  out.set(u.subarray(NU));
  out.set(u.subarray(u.length - NU), u.length - NU);
  return out;
}
