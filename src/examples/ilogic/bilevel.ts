import * as tf from '@tensorflow/tfjs';
import { lowerCost, upperCost, type Batch } from './losses';
import { addScaled, dotAll, type Params } from './tensors';

/**
 * The LL solve and the three ways dU/dθ crosses it. The LL is K warm-started gradient steps on μ,
 *   μ_{k+1} = μ_k − α ∇_μ L(θ, μ_k),
 * and the hypergradient of U(θ, μ_K(θ)) is
 *   first-order  ∂U/∂θ at μ_K held fixed (dμ* / dθ dropped: alternating optimisation);
 *   unrolled     reverse mode through the K steps (second-order autodiff in tfjs: exact for the K-step map, given
 *                the twice-differentiable sigmoid / exp / logSoftmax of ops.ts);
 *   implicit     ∂U/∂θ − (∂²L/∂θ∂μ)ᵀ (H + δI)⁻¹ ∇_μ U with n conjugate-gradient steps on Hessian–vector products,
 *                stopped at the first direction of non-positive curvature (never NaN; the report says when).
 * Every function runs inside tf.tidy; the returned tensors are the caller's.
 */
export type GradientPath = 'first-order' | 'unrolled' | 'implicit';

export interface LowerLevel {
  steps: number;
  stepSize: number;
  ridge: number;
}

export interface HypergradientOptions extends LowerLevel {
  path: GradientPath;
  cgIterations: number;
  damping: number;
}

export interface HypergradientResult {
  dTheta: Params;
  muK: Params;
  upper: tf.Scalar;
  lower: tf.Scalar;
  /** The implicit path's CG report (absent on the other paths). */
  cg?: CgReport;
}

export const gradMu = (theta: Params, mu: Params, batch: Batch, ridge: number): Params =>
  tf.grads((...m: tf.Tensor[]) => lowerCost(theta, m, batch, ridge))(mu);

/**
 * Newton steps on μ, μ ← μ − (H + δI)⁻¹ ∇_μ L by guarded CG (cg iterations each): polishes a GD solution to a
 * float32-exact stationary point near a local minimum (quadratic convergence). Used by the gradient check, whose
 * implicit row needs μ*(θ) itself.
 */
export function newtonLower(
  theta: Params,
  mu0: Params,
  batch: Batch,
  ridge: number,
  newtonSteps: number,
  cg: number,
): Params {
  let mu = mu0;
  for (let s = 0; s < newtonSteps; s++) {
    const m = mu;
    const g = gradMu(theta, m, batch, ridge);
    const { x, report } = conjugateGradientTensors(
      (v) => hessianVectorProduct(theta, m, v, batch, ridge, 0),
      g,
      cg,
    );
    // Away from a minimum (H not positive definite) a Newton step has no reason to descend: it is skipped.
    const take = tf.sub(1, report.negativeCurvature);
    mu = m.map((mi, i) => tf.sub(mi, tf.mul(x[i], take)));
  }
  return mu;
}

/** K gradient steps on μ from μ0 (differentiable in θ and μ0 when called under a tape). */
export function solveLower(theta: Params, mu0: Params, batch: Batch, ll: LowerLevel): Params {
  let mu = mu0;
  for (let k = 0; k < ll.steps; k++) mu = addScaled(mu, -ll.stepSize, gradMu(theta, mu, batch, ll.ridge));
  return mu;
}

/** (H + δI) v with H = ∇²_μμ L(θ, μ): the gradient of ⟨∇_μ L, v⟩. */
export function hessianVectorProduct(
  theta: Params,
  mu: Params,
  v: Params,
  batch: Batch,
  ridge: number,
  damping: number,
): Params {
  const hv = tf.grads((...m: tf.Tensor[]) => dotAll(gradMu(theta, m, batch, ridge), v))(mu);
  return addScaled(hv, damping, v);
}

/** (∂²L/∂θ∂μ)ᵀ w: the gradient in θ of ⟨∇_μ L(θ, μ), w⟩. */
export function mixedVectorProduct(
  theta: Params,
  mu: Params,
  w: Params,
  batch: Batch,
  ridge: number,
): Params {
  return tf.grads((...t: tf.Tensor[]) => dotAll(gradMu(t, mu, batch, ridge), w))(theta);
}

/** What the guarded CG did, as scalars (read back with the step's costs: no extra readback). */
export type CgReport = {
  /** Iterations that moved x (n when no guard fired). */
  iterations: tf.Scalar;
  /** 1 when a direction of non-positive curvature pᵀAp ≤ ε‖p‖² stopped CG (H + δI not positive definite there). */
  negativeCurvature: tf.Scalar;
  /** ‖r‖ / ‖b‖ at the end, r the recursively updated residual (in float32 it falls below the true ‖b − A x‖). */
  relativeResidual: tf.Scalar;
};

/** Relative curvature below which CG stops: pᵀAp ≤ CURVATURE_EPS ‖p‖² counts as non-positive. */
export const CURVATURE_EPS = 1e-6;

/**
 * n conjugate-gradient iterations for A v = b on parameter lists, tensors only (no readback inside). Guarded: CG is
 * only defined for A positive definite, and the LL Hessian of a non-convex NLM need not be. At the first direction p
 * with pᵀAp ≤ ε‖p‖² (or a non-finite product) CG stops and keeps the x it had (Steihaug's rule), so the result is
 * always finite: with a stop at the first iteration x = 0 and the implicit path falls back to first-order.
 */
export function conjugateGradientTensors(
  apply: (v: Params) => Params,
  b: Params,
  iterations: number,
): { x: Params; report: CgReport } {
  let x = b.map((t) => tf.zerosLike(t));
  let r = b;
  let p = b;
  let rr = dotAll(r, r);
  const bb = rr;
  let active: tf.Scalar = tf.scalar(1);
  let moved: tf.Scalar = tf.scalar(0);
  let negative: tf.Scalar = tf.scalar(0);
  for (let i = 0; i < iterations; i++) {
    const ap = apply(p);
    const pap = dotAll(p, ap);
    const pp = dotAll(p, p);
    const curved = tf.logicalAnd(tf.greater(pap, tf.mul(pp, CURVATURE_EPS)), tf.isFinite(pap));
    // A stop counts as negative curvature only while there is a direction left (p ≠ 0 is not convergence).
    negative = tf.maximum(
      negative,
      tf.mul(active, tf.cast(tf.logicalAnd(tf.logicalNot(curved), tf.greater(pp, 1e-30)), 'float32')),
    ) as tf.Scalar;
    active = tf.mul(active, tf.cast(curved, 'float32')) as tf.Scalar;
    const on = tf.greater(active, 0);
    const alpha = tf.where(on, tf.div(rr, tf.where(on, pap, tf.onesLike(pap))), tf.zerosLike(pap));
    x = x.map((xi, j) => tf.where(on, tf.add(xi, tf.mul(p[j], alpha)), xi));
    r = r.map((ri, j) => tf.where(on, tf.sub(ri, tf.mul(ap[j], alpha)), ri));
    const rrNext = dotAll(r, r);
    const beta = tf.div(rrNext, tf.maximum(rr, 1e-30));
    p = r.map((ri, j) => tf.where(on, tf.add(ri, tf.mul(p[j], beta)), p[j]));
    rr = tf.where(on, rrNext, rr) as tf.Scalar;
    moved = tf.add(moved, active) as tf.Scalar;
  }
  return {
    x,
    report: {
      iterations: moved,
      negativeCurvature: negative,
      relativeResidual: tf.sqrt(tf.div(rr, tf.maximum(bb, 1e-30))) as tf.Scalar,
    },
  };
}

export function hypergradient(
  theta: Params,
  mu0: Params,
  train: Batch,
  val: Batch,
  o: HypergradientOptions,
): HypergradientResult {
  return tf.tidy(() => {
    if (o.path === 'unrolled') {
      let muK: Params = [];
      const f = (...t: tf.Tensor[]) => {
        // Kept: the forward pass of tf.grads runs in its own tidy, which would dispose μ_K.
        muK = solveLower(t, mu0, train, o).map((m) => tf.keep(m));
        return upperCost(t, muK, val);
      };
      const { grads, value } = tf.valueAndGrads(f)(theta);
      const kept = muK;
      return {
        dTheta: grads,
        muK: kept,
        upper: value as tf.Scalar,
        lower: lowerCost(theta, kept, train, o.ridge),
      };
    }
    const muK = solveLower(theta, mu0, train, o);
    const { grads: direct, value } = tf.valueAndGrads((...t: tf.Tensor[]) => upperCost(t, muK, val))(theta);
    let dTheta = direct;
    if (o.path === 'implicit') {
      const gMu = tf.grads((...m: tf.Tensor[]) => upperCost(theta, m, val))(muK);
      const { x: v, report } = conjugateGradientTensors(
        (p) => hessianVectorProduct(theta, muK, p, train, o.ridge, o.damping),
        gMu,
        o.cgIterations,
      );
      const mixed = mixedVectorProduct(theta, muK, v, train, o.ridge);
      dTheta = direct.map((g, i) => tf.sub(g, mixed[i]));
      return {
        dTheta,
        muK,
        upper: value as tf.Scalar,
        lower: lowerCost(theta, muK, train, o.ridge),
        cg: report,
      };
    }
    return { dTheta, muK, upper: value as tf.Scalar, lower: lowerCost(theta, muK, train, o.ridge) };
  });
}
