/**
 * Unrolled differentiation of the MPC: K iterations of accelerated (Nesterov, constant
 * momentum β) projected gradient, recorded on a tape and differentiated in reverse mode:
 *   U_{−1} = U_0 = clip(u_hover(p)),   Y_k = U_k + β (U_k − U_{k−1}),
 *   U_{k+1} = clip(Y_k − s ⊙ (H(p) Y_k + q(x0, p))).
 * The step s and β come from H's spectrum (see `unrolledSettings`) and are held constant (not
 * differentiated), as is usual. As K grows U_K → U* and the unrolled gradient → the implicit one;
 * β = 0 gives plain projected gradient, which needs far more iterations (H is ill-conditioned).
 */
import { type MpcContext, freeResponseError, hessianDerivatives, linearTerm, mpcCost } from './mpc';
import {
  type MpcInputGradients,
  addCostPartials,
  addStationarityPartials,
  zeroGradients,
} from './mpc-sensitivity';
import { dot, symMatVec } from './dense';
import { N_PARAMS } from '../params';
import { extremeEigenvalues } from '../learning/spectrum';

export interface UnrolledSettings {
  step: Float64Array;
  momentum: number;
}

/**
 * Step s = 1 / L and the strongly convex momentum β = (1 − √(μ/L)) / (1 + √(μ/L)), with μ and L the
 * extreme eigenvalues of H. (Diagonal scalings, Jacobi or Gershgorin, make H's conditioning worse here:
 * each motor drives every channel, so H's diagonal says little about its spectrum.)
 */
export function unrolledSettings(ctx: MpcContext, accelerated = true): UnrolledSettings {
  const { min, max } = spectrumOf(ctx);
  const L = 1.001 * max;
  const r = Math.sqrt(min / L);
  return { step: new Float64Array(ctx.nU).fill(1 / L), momentum: accelerated ? (1 - r) / (1 + r) : 0 };
}

const spectra = new WeakMap<MpcContext, { min: number; max: number }>();
function spectrumOf(ctx: MpcContext): { min: number; max: number } {
  let s = spectra.get(ctx);
  if (!s) {
    s = extremeEigenvalues(ctx.H, ctx.nU, 400);
    spectra.set(ctx, s);
  }
  return s;
}

export interface UnrolledTape {
  iterations: number;
  settings: UnrolledSettings;
  e0: Float64Array;
  q: Float64Array;
  /** Y_0 … Y_{K−1} (the points where gradients were taken), each nU long. */
  points: Float64Array;
  /** 1 where the k-th update was not clipped. */
  masks: Uint8Array;
  /** U_K and the LL cost there. */
  u: Float64Array;
  cost: number;
}

export function mpcUnrolled(
  ctx: MpcContext,
  x0: ArrayLike<number>,
  ref: ArrayLike<number>,
  iterations: number,
  settings: UnrolledSettings = unrolledSettings(ctx),
): UnrolledTape {
  const n = ctx.nU;
  const { step, momentum } = settings;
  const e0 = freeResponseError(ctx, x0, ref);
  const q = linearTerm(ctx, e0);
  const points = new Float64Array(iterations * n);
  const masks = new Uint8Array(iterations * n);
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) u[i] = Math.min(ctx.hi[i], Math.max(ctx.lo[i], ctx.uHover[i]));
  const prev = Float64Array.from(u);
  const y = new Float64Array(n);
  const g = new Float64Array(n);
  for (let k = 0; k < iterations; k++) {
    for (let i = 0; i < n; i++) y[i] = u[i] + momentum * (u[i] - prev[i]);
    points.set(y, k * n);
    prev.set(u);
    symMatVec(ctx.H, n, y, g);
    for (let i = 0; i < n; i++) {
      const v = y[i] - step[i] * (g[i] + q[i]);
      const inside = v > ctx.lo[i] && v < ctx.hi[i];
      masks[k * n + i] = inside ? 1 : 0;
      u[i] = inside ? v : v <= ctx.lo[i] ? ctx.lo[i] : ctx.hi[i];
    }
  }
  return { iterations, settings, e0, q, points, masks, u, cost: mpcCost(ctx, u, e0) };
}

/** Gradients of ūᵀ U_K + costBar · L(U_K) w.r.t. x0 and p, by reverse mode through the tape. */
export function mpcVjpUnrolled(
  ctx: MpcContext,
  tape: UnrolledTape,
  uBar: ArrayLike<number> | null,
  costBar = 0,
): MpcInputGradients {
  const n = ctx.nU;
  const { step, momentum } = tape.settings;
  const grads = zeroGradients();
  // Rolling adjoints: next = Ū_{k+1} (complete), cur = Ū_k and prev = Ū_{k−1} (partial sums).
  let next = new Float64Array(n);
  let cur = new Float64Array(n);
  let prev = new Float64Array(n);
  if (uBar) for (let i = 0; i < n; i++) next[i] = uBar[i];
  if (costBar !== 0) {
    const g = symMatVec(ctx.H, n, tape.u);
    for (let i = 0; i < n; i++) next[i] += costBar * (g[i] + tape.q[i]);
    addCostPartials(ctx, tape.e0, tape.u, costBar, grads);
  }
  // Σ_k w_k and Σ_k w_k Y_kᵀ, with w_k = s ⊙ mask_k ⊙ Ū_{k+1}: the parameter terms are linear in them.
  const wSum = new Float64Array(n);
  const outer = new Float64Array(n * n);
  const w = new Float64Array(n);
  const yBar = new Float64Array(n);
  for (let k = tape.iterations - 1; k >= 0; k--) {
    for (let i = 0; i < n; i++) {
      const v = tape.masks[k * n + i] ? next[i] : 0;
      yBar[i] = v;
      w[i] = step[i] * v;
      wSum[i] += w[i];
      if (w[i] === 0) continue;
      for (let j = 0, o = k * n; j < n; j++) outer[i * n + j] += w[i] * tape.points[o + j];
    }
    const Hw = symMatVec(ctx.H, n, w);
    for (let i = 0; i < n; i++) {
      const yb = yBar[i] - Hw[i];
      cur[i] += (1 + momentum) * yb;
      prev[i] -= momentum * yb;
    }
    [next, cur, prev] = [cur, prev, next.fill(0)];
  }
  // x0 and the q-part of p are linear in Σ w_k and independent of the iterates: one call with U = 0.
  addStationarityPartials(ctx, tape.e0, new Float64Array(n), wSum, -1, grads);
  const dH = hessianDerivatives(ctx);
  for (let j = 0; j < N_PARAMS; j++) grads.p[j] -= dot(dH[j], outer);
  // U_{−1} = U_0 = clip(u_hover(p)): their adjoints are `next` and `cur` now.
  for (let i = 0; i < n; i++) {
    const h = ctx.uHover[i];
    if (!(h > ctx.lo[i] && h < ctx.hi[i])) continue;
    for (let j = 0; j < N_PARAMS; j++) grads.p[j] += (next[i] + cur[i]) * ctx.dUHover[j][i];
  }
  return grads;
}
