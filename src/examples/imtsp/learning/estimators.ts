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
 *   surrogate:  ĝ_s = (c_s − ŝ(z̃_s)) ∇_ℓ log π(b_s) + ∇_ℓ ŝ(z_s) − ∇_ℓ ŝ(z̃_s)      (RELAX form)
 *
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
  const score = new Float64Array(size);
  const beta = new Float64Array(RELAXED_FEATURES);
  const betaTilde = new Float64Array(RELAXED_FEATURES);

  samples.forEach((sample, s) => {
    for (let i = 0; i < n; i++)
      for (let k = 0; k < m; k++) score[i * m + k] = (sample.choice[i] === k ? 1 : 0) - probs[i * m + k];
    const atZ = relaxedFeatures(input, sample.z, temperature);
    const atT = relaxedFeatures(input, sample.zTilde, temperature);
    throughConditional(atT.grad, RELAXED_FEATURES, probs, sample.zTildeSlope, n, m);
    const sz = evaluateSurrogate(phi, atZ.value, context);
    const st = evaluateSurrogate(phi, atT.value, context);
    surrogateValues[s] = st.value;

    const g = new Float64Array(size);
    const advantage = costs[s] - st.value;
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
    accumulateVarianceGradient(phiGradient, phi, sz, st, atT.value, context, dot(g, score), beta, betaTilde);
    perSampleSurrogate.push(g);
    const b = typeof baseline === 'number' ? baseline : baseline[s];
    perSampleReinforce.push(score.map((v) => (costs[s] - b) * v));
  });

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
