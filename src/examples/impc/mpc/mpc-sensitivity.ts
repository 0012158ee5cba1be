/**
 * Partial derivatives of the MPC QP w.r.t. ψ-side inputs (x0 and p) at a fixed input sequence U: the
 * building blocks that the implicit (KKT) and the unrolled gradients share.
 */
import { dot } from './dense';
import { type MpcContext, predictedErrors } from './mpc';
import { matTVec, matVec } from './mpc-model';
import { NX, N_PARAMS } from '../params';

/** Gradients w.r.t. the MPC's inputs: the initial state x0 (NX) and the physical parameters p (4). */
export interface MpcInputGradients {
  x0: Float64Array;
  p: Float64Array;
}

export function zeroGradients(): MpcInputGradients {
  return { x0: new Float64Array(NX), p: new Float64Array(N_PARAMS) };
}

/**
 * Adds  scale · ∂/∂[x0, p] of  wᵀ (H(p) U + q(x0, p))  at fixed w and U. With U* and w = H_FF⁻¹ ū_F this
 * is (minus) the implicit VJP; summed over iterations it is the unrolled one.
 */
export function addStationarityPartials(
  ctx: MpcContext,
  e0: Float64Array,
  U: ArrayLike<number>,
  w: Float64Array,
  scale: number,
  acc: MpcInputGradients,
): void {
  const { nX, nU, qBar } = ctx;
  const E = predictedErrors(ctx, U, e0);
  const Suw = matVec(ctx.Su, nX, nU, w);
  const qSuw = Suw.map((v, i) => v * qBar[i]);
  const gx = matTVec(ctx.Sx, nX, NX, qSuw);
  for (let i = 0; i < NX; i++) acc.x0[i] += scale * gx[i];
  for (let j = 0; j < N_PARAMS; j++) {
    const dSuw = matVec(ctx.dSu[j], nX, nU, w);
    const dSuU = matVec(ctx.dSu[j], nX, nU, U);
    let s = 0;
    for (let i = 0; i < nX; i++) s += qBar[i] * (dSuw[i] * E[i] + Suw[i] * dSuU[i]);
    s -= ctx.config.inputWeight * dot(w, ctx.dUHover[j]);
    acc.p[j] += scale * s;
  }
}

/** Adds scale · ∂L/∂[x0, p] at fixed U (the envelope-theorem gradient of the optimal LL cost). */
export function addCostPartials(
  ctx: MpcContext,
  e0: Float64Array,
  U: ArrayLike<number>,
  scale: number,
  acc: MpcInputGradients,
): void {
  const { nX, nU, qBar } = ctx;
  const E = predictedErrors(ctx, U, e0);
  const qE = E.map((v, i) => v * qBar[i]);
  const gx = matTVec(ctx.Sx, nX, NX, qE);
  for (let i = 0; i < NX; i++) acc.x0[i] += scale * gx[i];
  for (let j = 0; j < N_PARAMS; j++) {
    const dSuU = matVec(ctx.dSu[j], nX, nU, U);
    let s = dot(dSuU, qE);
    for (let i = 0; i < nU; i++) s -= ctx.config.inputWeight * (U[i] - ctx.uHover[i]) * ctx.dUHover[j][i];
    acc.p[j] += scale * s;
  }
}
