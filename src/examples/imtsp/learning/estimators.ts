import { gradientVariance } from '../../../il/gradients/score-function';
import {
  oneHot,
  RELAXED_FEATURES,
  relaxedFeatures,
  relaxedFeatureValues,
  throughConditional,
  type RelaxedFeatureInput,
} from './relaxed-features';
import type { AllocationSample } from './sampling';
import { accumulateVarianceGradient, evaluateSurrogate, SURROGATE_SIZE } from './surrogate';

/**
 * The two gradient estimators of J(ℓ) = E_{b~π(ℓ)}[c(b)] with respect to the network's logits ℓ (n × M), from
 * S sampled allocations of one instance and their costs c_s (the TSP engine's longest tour, normalised):
 *
 *   REINFORCE:  ĝ_s = (c_s − b̄) ∇_ℓ log π(b_s),   b̄ a running mean of past costs
 *   surrogate:  ĝ_s = (c_s − b_s − ŝ(z̃_s)) ∇_ℓ log π(b_s) + ∇_ℓ ŝ(z_s) − ∇_ℓ ŝ(z̃_s)      (RELAX form)
 *
 * where the surrogate's own baseline b_s is 0 by default, or any number independent of sample s (e.g. the
 * leave-one-out mean of the other samples' costs): then ŝ only has to explain what b_s does not.
 * with ∇_ℓ log π(b)_ik = δ(b_i = k) − π_ik. Both are unbiased; the second for any ŝ, because z and z̃ are
 * reparameterised Gumbel samples (sampling.ts). The θ-gradient is Jᵀ(mean_s ĝ_s), one backward pass
 * through the network. ŝ is trained on ∂ mean_s‖ĝ_s‖²/∂φ: the mean of ĝ does not depend on φ, so this
 * is the gradient of the estimator's variance.
 */
export interface InstanceEstimate {
  /** Mean over samples of each estimator (n × M). */
  surrogate: Float64Array;
  reinforce: Float64Array;
  /** Trace of the covariance of the per-sample estimates (logit space), per estimator. */
  surrogateVariance: number;
  reinforceVariance: number;
  /** Σ_s ‖ĝ_s‖² of the surrogate estimator, the quantity whose φ-gradient is `phiGradient`. */
  secondMoment: number;
  /** Σ_s ∂‖ĝ_s‖²/∂φ. */
  phiGradient: Float64Array;
  /** ŝ(z̃_s), per sample. */
  surrogateValues: Float64Array;
}

export interface EstimateRequest {
  input: RelaxedFeatureInput;
  /** log π (n × M). */
  logProbs: Float64Array;
  samples: readonly AllocationSample[];
  costs: ArrayLike<number>;
  phi: ArrayLike<number>;
  /** REINFORCE's baseline b̄: one number, or one per sample (each independent of its own sample). */
  baseline: number | ArrayLike<number>;
  /** τ of the relaxation Y = softmax(z/τ). */
  temperature: number;
  /**
   * The surrogate estimator's baseline b_s, subtracted with ŝ(z̃_s): one number, or one per sample, each
   * independent of its own sample and of φ (default 0); or `leave-one-out-residual`, the mean over the other
   * samples of what ŝ left unexplained, b_s = mean_{j≠s}(c_j − ŝ(z̃_j)) (independent of sample s; its
   * φ-dependence is part of the variance gradient).
   */
  surrogateBaseline?: number | ArrayLike<number> | 'leave-one-out-residual';
}

function surrogateBaselines(
  choice: EstimateRequest['surrogateBaseline'],
  costs: ArrayLike<number>,
  surrogateValues: Float64Array,
): Float64Array {
  const count = surrogateValues.length;
  if (choice === 'leave-one-out-residual') {
    if (count < 2) throw new RangeError('a leave-one-out baseline needs at least 2 samples per instance');
    const residuals = Float64Array.from(surrogateValues, (v, s) => costs[s] - v);
    const total = residuals.reduce((a, b) => a + b, 0);
    return residuals.map((r) => (total - r) / (count - 1));
  }
  if (choice === undefined || typeof choice === 'number') return new Float64Array(count).fill(choice ?? 0);
  return Float64Array.from({ length: count }, (_, s) => choice[s]);
}

function dot(a: Float64Array, b: Float64Array, offset = 0): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[offset + i];
  return s;
}

export function estimateInstance(request: EstimateRequest): InstanceEstimate {
  const { input, logProbs, samples, costs, phi, baseline, temperature } = request;
  const { n, agents: m } = input;
  const size = n * m;
  const probs = logProbs.map(Math.exp);
  // ŝ's per-instance context: the summaries at the anchor allocation, where L̂ is the engine's exact tours.
  const context = relaxedFeatureValues(input, oneHot(input.anchor, n, m));
  const perSampleSurrogate: Float64Array[] = [];
  const perSampleReinforce: Float64Array[] = [];
  const phiGradient = new Float64Array(SURROGATE_SIZE);
  const surrogateValues = new Float64Array(samples.length);
  const beta = new Float64Array(RELAXED_FEATURES);
  const betaTilde = new Float64Array(RELAXED_FEATURES);

  // Pass 1: each sample's summaries and ŝ at z and z̃ (the residual baseline needs every ŝ(z̃_j) first).
  const evaluated = samples.map((sample) => {
    const score = new Float64Array(size);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < m; k++) score[i * m + k] = (sample.choice[i] === k ? 1 : 0) - probs[i * m + k];
    const atZ = relaxedFeatures(input, sample.z, temperature);
    const atT = relaxedFeatures(input, sample.zTilde, temperature);
    throughConditional(atT.grad, RELAXED_FEATURES, probs, sample.zTildeSlope, n, m);
    const sz = evaluateSurrogate(phi, atZ.value, context);
    const st = evaluateSurrogate(phi, atT.value, context);
    return { score, atZ, atT, sz, st };
  });
  evaluated.forEach((e, s) => (surrogateValues[s] = e.st.value));
  const residual = request.surrogateBaseline === 'leave-one-out-residual';
  const baselineOf = surrogateBaselines(request.surrogateBaseline, costs, surrogateValues);
  const alphas = new Float64Array(samples.length);

  // Pass 2: ĝ_s, REINFORCE's estimate, and ∂‖ĝ_s‖²/∂φ through ŝ(z̃_s) and ŝ's gradients.
  evaluated.forEach(({ score, atZ, atT, sz, st }, s) => {
    const g = new Float64Array(size);
    const advantage = costs[s] - baselineOf[s] - st.value;
    for (let j = 0; j < size; j++) g[j] = advantage * score[j];
    for (let k = 0; k < RELAXED_FEATURES; k++) {
      const gz = sz.gamma[k];
      const gt = st.gamma[k];
      const base = k * size;
      for (let j = 0; j < size; j++) g[j] += gz * atZ.grad[base + j] - gt * atT.grad[base + j];
    }
    for (let k = 0; k < RELAXED_FEATURES; k++) {
      beta[k] = dot(g, atZ.grad, k * size);
      betaTilde[k] = dot(g, atT.grad, k * size);
    }
    alphas[s] = dot(g, score);
    accumulateVarianceGradient(phiGradient, phi, sz, st, atT.value, context, alphas[s], beta, betaTilde);
    perSampleSurrogate.push(g);
    const b = typeof baseline === 'number' ? baseline : baseline[s];
    perSampleReinforce.push(score.map((v) => (costs[s] - b) * v));
  });
  // The residual baseline b_s = mean_{j≠s}(c_j − ŝ(z̃_j)) depends on φ through the other samples' ŝ(z̃_j):
  // 2ĝ_s·∂ĝ_s/∂φ gains 2α_s/(S − 1) Σ_{j≠s} ∂ŝ(z̃_j)/∂φ. Collected per j, that is ŝ(z̃_j)'s value term with
  // α = −Σ_{s≠j} α_s/(S − 1) (accumulateVarianceGradient with β = β̃ = 0 adds exactly −2α ∂ŝ(z̃)/∂φ).
  if (residual && samples.length > 1) {
    const total = alphas.reduce((a, b) => a + b, 0);
    const zero = new Float64Array(RELAXED_FEATURES);
    evaluated.forEach(({ atT, sz, st }, j) => {
      const alpha = -(total - alphas[j]) / (samples.length - 1);
      accumulateVarianceGradient(phiGradient, phi, sz, st, atT.value, context, alpha, zero, zero);
    });
  }

  const mean = (rows: Float64Array[]) => {
    const out = new Float64Array(size);
    for (const r of rows) for (let j = 0; j < size; j++) out[j] += r[j] / rows.length;
    return out;
  };
  return {
    surrogate: mean(perSampleSurrogate),
    reinforce: mean(perSampleReinforce),
    surrogateVariance: gradientVariance(perSampleSurrogate),
    reinforceVariance: gradientVariance(perSampleReinforce),
    secondMoment: perSampleSurrogate.reduce((acc, g) => acc + dot(g, g), 0),
    phiGradient,
    surrogateValues,
  };
}
