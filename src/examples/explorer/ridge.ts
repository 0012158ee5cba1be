import {
  cholesky,
  choleskySolve,
  gram,
  largestEigenvalue,
  matTVec,
  matVec,
  type Matrix,
} from '../../il/linalg';
import { implicitHypergradient } from '../../il/gradients/implicit';
import { unrolledHypergradient } from '../../il/gradients/unrolled';
import { finiteDifferenceGradient } from '../../il/gradients/finite-difference';
import type { RegressionData } from './data';

/**
 * The lower level g: ridge regression with per-feature regularisation θ,
 *   μ*(θ) = argmin_μ L(μ, θ) = ‖Xμ − y‖² + Σ_j exp(θ_j) μ_j²,
 * and the upper level U(θ) = (1/n_val) ‖X_val μ*(θ) − y_val‖².
 * H = ∇²_μμ L = 2(XᵀX + diag(e^θ)); ∂(∇_μ L)/∂θ_j = 2 e^{θ_j} μ_j e_j.
 */
export class RidgeBilevel {
  private readonly xtx: Matrix;
  private readonly xty: Float64Array;
  readonly features: number;

  constructor(readonly data: RegressionData) {
    this.xtx = gram(data.trainX);
    this.xty = matTVec(data.trainX, data.trainY);
    this.features = data.features;
  }

  private hessian(theta: Float64Array): Matrix {
    const d = this.features;
    const h = { rows: d, cols: d, data: new Float64Array(d * d) };
    for (let i = 0; i < d * d; i++) h.data[i] = 2 * this.xtx.data[i];
    for (let j = 0; j < d; j++) h.data[j * d + j] += 2 * Math.exp(theta[j]);
    return h;
  }

  /** H v without forming H. */
  hessianVectorProduct(theta: Float64Array, v: Float64Array): Float64Array {
    const out = matVec(this.xtx, v);
    for (let j = 0; j < this.features; j++) out[j] = 2 * out[j] + 2 * Math.exp(theta[j]) * v[j];
    return out;
  }

  /** μ*(θ), exactly (Cholesky). */
  solveLower(theta: Float64Array): Float64Array {
    const rhs = this.xty.map((v) => 2 * v);
    return choleskySolve(cholesky(this.hessian(theta)), rhs);
  }

  lowerCost(theta: Float64Array, mu: Float64Array): number {
    const r = matVec(this.data.trainX, mu);
    let s = 0;
    for (let i = 0; i < r.length; i++) s += (r[i] - this.data.trainY[i]) ** 2;
    for (let j = 0; j < mu.length; j++) s += Math.exp(theta[j]) * mu[j] ** 2;
    return s;
  }

  upperCostAt(mu: Float64Array): number {
    const r = matVec(this.data.validX, mu);
    let s = 0;
    for (let i = 0; i < r.length; i++) s += (r[i] - this.data.validY[i]) ** 2;
    return s / r.length;
  }

  upperCost(theta: Float64Array): number {
    return this.upperCostAt(this.solveLower(theta));
  }

  /** ∇_μ U = (2/n) X_valᵀ (X_val μ − y_val). */
  upperGradMu(mu: Float64Array): Float64Array {
    const r = matVec(this.data.validX, mu);
    for (let i = 0; i < r.length; i++) r[i] = (2 * (r[i] - this.data.validY[i])) / r.length;
    return matTVec(this.data.validX, r);
  }

  private mixed(theta: Float64Array, mu: Float64Array, w: Float64Array): Float64Array {
    return w.map((wj, j) => 2 * Math.exp(theta[j]) * mu[j] * wj);
  }

  /** (a) closed form: dU/dθ = −(2 e^θ ∘ μ*) ∘ H⁻¹ ∇_μ U, with an exact solve. */
  exactHypergradient(theta: Float64Array): Float64Array {
    const mu = this.solveLower(theta);
    const v = choleskySolve(cholesky(this.hessian(theta)), this.upperGradMu(mu));
    return this.mixed(theta, mu, v).map((x) => -x);
  }

  /** (b) unrolled: K steps of gradient descent on L from μ = 0 with step 1/λ_max(H), differentiated exactly. */
  unrolledHypergradient(theta: Float64Array, steps: number): Float64Array {
    const d = this.features;
    const lambdaMax = largestEigenvalue((v) => this.hessianVectorProduct(theta, v), d, 60);
    const gradPhi = (mu: Float64Array) => {
      const g = this.hessianVectorProduct(theta, mu);
      for (let j = 0; j < d; j++) g[j] -= 2 * this.xty[j];
      return g;
    };
    return unrolledHypergradient(
      {
        phi0: new Float64Array(d),
        stepSize: 1 / (lambdaMax * 1.01),
        gradPhi,
        hessianVectorProduct: (_mu, v) => this.hessianVectorProduct(theta, v),
        mixedVectorProduct: (mu, w) => this.mixed(theta, mu, w),
        upperGradPhi: (mu) => this.upperGradMu(mu),
        upperGradPsi: () => new Float64Array(d),
      },
      steps,
    ).gradient;
  }

  /** (c) implicit: the IFT with n conjugate-gradient iterations on H, at the exact μ*. */
  implicitHypergradient(theta: Float64Array, cgIterations: number): Float64Array {
    const mu = this.solveLower(theta);
    return implicitHypergradient(
      {
        hessianVectorProduct: (v) => this.hessianVectorProduct(theta, v),
        mixedVectorProduct: (w) => this.mixed(theta, mu, w),
        upperGradPhi: this.upperGradMu(mu),
        upperGradPsi: new Float64Array(this.features),
      },
      cgIterations,
    ).gradient;
  }

  /** (d) central finite differences of U(μ*(θ)): 2d exact LL solves. */
  finiteDifferenceHypergradient(theta: Float64Array, h = 1e-5): Float64Array {
    return finiteDifferenceGradient((t) => this.upperCost(t), theta, h);
  }
}
