import { RELAXED_FEATURES } from './relaxed-features';

/**
 * The surrogate network ŝ_φ of iMTSP's estimator: a small ReLU network on the relaxed-allocation summaries
 * ψ(z) (relaxed-features.ts), with the summaries at the mean allocation, κ = ψ(π), as per-instance context:
 *
 *   ŝ(z) = c₀ + Σ_k a_k ψ_k + Σ_j w_j relu(h_j),   h_j = Σ_k W_jk · D(ψ_k − κ_k) + Σ_k V_jk κ_k + b_j
 *
 * ŝ is linear in its output weights and piecewise linear in everything else, so the mixed derivatives that
 * training ŝ for low variance needs, ∂(∇_z ŝ)/∂φ, are written out below by hand (the ReLU masks have zero
 * derivative almost everywhere). φ = [c₀, a, W, V, b, w], one flat vector.
 */
export const SURROGATE_HIDDEN = 16;
const K = RELAXED_FEATURES;
const H = SURROGATE_HIDDEN;
/** D: sample-to-sample changes of ψ are small next to ψ itself; this makes them O(1) for the hidden layer. */
const DEVIATION_SCALE = 10;

const OFFSET = {
  c0: 0,
  a: 1,
  w2d: 1 + K,
  v: 1 + K + H * K,
  b: 1 + K + 2 * H * K,
  w: 1 + K + 2 * H * K + H,
};
export const SURROGATE_SIZE = 1 + K + 2 * H * K + 2 * H;

/** ψ_k that ŝ starts from: smax₁₆ of the linearised tour lengths (relaxed-features.ts). */
const PRIOR_FEATURE = 2;

/**
 * Initial φ: ŝ(z) = smax₁₆ L̂(z), the linearised engine's smooth longest tour (a physics prior that training then
 * reshapes); the hidden layer random and switched off (w = 0).
 */
export function initialSurrogate(seedNormals: () => number): Float32Array {
  const phi = new Float32Array(SURROGATE_SIZE);
  phi[OFFSET.a + PRIOR_FEATURE] = 1;
  for (let j = 0; j < H * K; j++) phi[OFFSET.w2d + j] = seedNormals() / Math.sqrt(K);
  for (let j = 0; j < H * K; j++) phi[OFFSET.v + j] = seedNormals() / Math.sqrt(K);
  return phi;
}

export interface SurrogateEval {
  value: number;
  /** ∂ŝ/∂ψ_k. */
  gamma: Float64Array;
  /** h_j (pre-activation). */
  hidden: Float64Array;
}

export function evaluateSurrogate(
  phi: ArrayLike<number>,
  psi: Float64Array,
  context: Float64Array,
): SurrogateEval {
  const hidden = new Float64Array(H);
  const gamma = new Float64Array(K);
  let value = phi[OFFSET.c0];
  for (let k = 0; k < K; k++) {
    value += phi[OFFSET.a + k] * psi[k];
    gamma[k] = phi[OFFSET.a + k];
  }
  for (let j = 0; j < H; j++) {
    let h = phi[OFFSET.b + j];
    for (let k = 0; k < K; k++)
      h +=
        phi[OFFSET.w2d + j * K + k] * DEVIATION_SCALE * (psi[k] - context[k]) +
        phi[OFFSET.v + j * K + k] * context[k];
    hidden[j] = h;
    if (h > 0) {
      const wj = phi[OFFSET.w + j];
      value += wj * h;
      for (let k = 0; k < K; k++) gamma[k] += wj * DEVIATION_SCALE * phi[OFFSET.w2d + j * K + k];
    }
  }
  return { value, gamma, hidden };
}

/**
 * What one sample contributes to ∂‖ĝ‖²/∂φ (accumulated into `out`), given the dot products of the sample's
 * estimate ĝ with the score (α = ĝ·s_b) and with the summaries' logit gradients at z (β_k) and at z̃ (β̃_k):
 * ĝ = (c − ŝ(z̃)) s_b + Σ_k γ_k(z) ∇ψ_k(z) − Σ_k γ_k(z̃) ∇ψ_k(z̃), so 2ĝ·∂ĝ/∂φ = 2[−α ∂ŝ(z̃)/∂φ +
 * Σ_k β_k ∂γ_k(z)/∂φ − Σ_k β̃_k ∂γ_k(z̃)/∂φ].
 */
export function accumulateVarianceGradient(
  out: Float64Array,
  phi: ArrayLike<number>,
  atZ: SurrogateEval,
  atZTilde: SurrogateEval,
  psiTilde: Float64Array,
  context: Float64Array,
  alpha: number,
  beta: Float64Array,
  betaTilde: Float64Array,
): void {
  out[OFFSET.c0] += -2 * alpha;
  for (let k = 0; k < K; k++) out[OFFSET.a + k] += 2 * (-alpha * psiTilde[k] + beta[k] - betaTilde[k]);
  for (let j = 0; j < H; j++) {
    const wj = phi[OFFSET.w + j];
    const onZ = atZ.hidden[j] > 0 ? 1 : 0;
    const onT = atZTilde.hidden[j] > 0 ? 1 : 0;
    let wBeta = 0;
    let wBetaTilde = 0;
    for (let k = 0; k < K; k++) {
      const wjk = phi[OFFSET.w2d + j * K + k];
      wBeta += wjk * beta[k];
      wBetaTilde += wjk * betaTilde[k];
      const deviation = DEVIATION_SCALE * (psiTilde[k] - context[k]);
      out[OFFSET.w2d + j * K + k] +=
        2 * (-alpha * wj * onT * deviation + DEVIATION_SCALE * wj * (onZ * beta[k] - onT * betaTilde[k]));
      out[OFFSET.v + j * K + k] += 2 * (-alpha * wj * onT * context[k]);
    }
    out[OFFSET.b + j] += 2 * (-alpha * wj * onT);
    out[OFFSET.w + j] +=
      2 * (-alpha * Math.max(0, atZTilde.hidden[j]) + DEVIATION_SCALE * (onZ * wBeta - onT * wBetaTilde));
  }
}
