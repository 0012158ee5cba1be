import * as tf from '@tensorflow/tfjs';
import { lowerCost, upperCost, type Batch } from './losses';
import { addScaled, dotAll, type Params } from './tensors';

/**
 * The LL solve and the three ways dU/dθ crosses it. The LL is K warm-started gradient steps on μ,
 *   μ_{k+1} = μ_k − α ∇_μ L(θ, μ_k),
 * and the hypergradient of U(θ, μ_K(θ)) is
 *   first-order  ∂U/∂θ at μ_K held fixed (dμ* / dθ dropped: alternating optimisation);
 *   unrolled     reverse mode through the K steps (second-order autodiff in tfjs: exact for the K-step map);
 *   implicit     ∂U/∂θ − (∂²L/∂θ∂μ)ᵀ (H + δI)⁻¹ ∇_μ U with n conjugate-gradient steps on Hessian–vector products.
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
}

const gradMu = (theta: Params, mu: Params, batch: Batch, ridge: number): Params =>
  tf.grads((...m: tf.Tensor[]) => lowerCost(theta, m, batch, ridge))(mu);

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

/** n conjugate-gradient iterations for A v = b on parameter lists (tensors only: no readback). */
export function conjugateGradientTensors(
  apply: (v: Params) => Params,
  b: Params,
  iterations: number,
): Params {
  let x = b.map((t) => tf.zerosLike(t));
  let r = b;
  let p = b;
  let rr = dotAll(r, r);
  for (let i = 0; i < iterations; i++) {
    const ap = apply(p);
    const alpha = tf.div(rr, tf.maximum(dotAll(p, ap), 1e-12));
    x = x.map((xi, j) => tf.add(xi, tf.mul(p[j], alpha)));
    r = r.map((ri, j) => tf.sub(ri, tf.mul(ap[j], alpha)));
    const rrNext = dotAll(r, r);
    const beta = tf.div(rrNext, tf.maximum(rr, 1e-30));
    p = r.map((ri, j) => tf.add(ri, tf.mul(p[j], beta)));
    rr = rrNext;
  }
  return x;
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
      const v = conjugateGradientTensors(
        (p) => hessianVectorProduct(theta, muK, p, train, o.ridge, o.damping),
        gMu,
        o.cgIterations,
      );
      const mixed = mixedVectorProduct(theta, muK, v, train, o.ridge);
      dTheta = direct.map((g, i) => tf.sub(g, mixed[i]));
    }
    return { dTheta, muK, upper: value as tf.Scalar, lower: lowerCost(theta, muK, train, o.ridge) };
  });
}
