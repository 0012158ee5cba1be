import type { Rng } from '../../../il/rng';

/**
 * Sampling allocations from the network's distribution π (one categorical per city over M agents), with the
 * Gumbel relaxation that the surrogate estimator needs. Plain TypeScript on typed arrays, row-major n × M.
 *
 *   z_k = log π_k + G_k, G_k ~ Gumbel(0, 1),   b = argmax_k z_k  ~  Categorical(π)
 *
 * and, given b, a second relaxed sample z̃ ~ p(z | b) (Grathwohl et al. 2018, "Backpropagation through the
 * void", appendix): with v ~ U(0, 1)^M,
 *
 *   z̃_b = −log(−log v_b),   z̃_k = −log(−log v_k / π_k − log v_b)  (k ≠ b).
 *
 * z̃ depends on the logits ℓ through π only: ∂z̃_k/∂ℓ_j = ρ_k (δ_kj − π_j) with ρ_k = e_k / (e_k − log v_b),
 * e_k = −log v_k / π_k, and ρ_b = 0. `zTildeSlope` stores ρ.
 */
export interface AllocationSample {
  /** Agent of each city (length n). */
  choice: Int32Array;
  /** The relaxed sample z (n × M) whose argmax is `choice`. */
  z: Float64Array;
  /** The conditional relaxed sample z̃ (n × M), also with argmax `choice`. */
  zTilde: Float64Array;
  /** ρ (n × M), see above. */
  zTildeSlope: Float64Array;
}

/** Keeps e_k finite when π_k underflows (a city that can no longer go to agent k). */
const MIN_PROBABILITY = 1e-30;

/** Row-wise log-softmax of the logits (n × M). */
export function logSoftmaxRows(logits: ArrayLike<number>, n: number, m: number): Float64Array {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let top = -Infinity;
    for (let k = 0; k < m; k++) top = Math.max(top, logits[i * m + k]);
    let sum = 0;
    for (let k = 0; k < m; k++) sum += Math.exp(logits[i * m + k] - top);
    const lse = top + Math.log(sum);
    for (let k = 0; k < m; k++) out[i * m + k] = logits[i * m + k] - lse;
  }
  return out;
}

export function softmaxRows(logits: ArrayLike<number>, n: number, m: number): Float64Array {
  return logSoftmaxRows(logits, n, m).map(Math.exp);
}

/** Uniform in (0, 1), never exactly 0. */
function openUniform(rng: Rng): number {
  let u = 0;
  while (u === 0) u = rng.next();
  return u;
}

/** The most probable agent of each city. */
export function argmaxAllocation(probs: ArrayLike<number>, n: number, m: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < m; k++) if (probs[i * m + k] > probs[i * m + best]) best = k;
    out[i] = best;
  }
  return out;
}

/** One allocation b ~ π with its relaxations z and z̃ (see the file comment). */
export function sampleAllocation(logProbs: Float64Array, n: number, m: number, rng: Rng): AllocationSample {
  const choice = new Int32Array(n);
  const z = new Float64Array(n * m);
  const zTilde = new Float64Array(n * m);
  const zTildeSlope = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    let best = 0;
    for (let k = 0; k < m; k++) {
      z[row + k] = logProbs[row + k] - Math.log(-Math.log(openUniform(rng)));
      if (z[row + k] > z[row + best]) best = k;
    }
    choice[i] = best;
    const logVb = Math.log(openUniform(rng));
    zTilde[row + best] = -Math.log(-logVb);
    for (let k = 0; k < m; k++) {
      if (k === best) continue;
      const e = -Math.log(openUniform(rng)) / Math.max(Math.exp(logProbs[row + k]), MIN_PROBABILITY);
      const a = e - logVb;
      zTilde[row + k] = -Math.log(a);
      zTildeSlope[row + k] = e / a;
    }
  }
  return { choice, z, zTilde, zTildeSlope };
}

/** Entropy of the allocation distribution, summed over cities (nats). */
export function allocationEntropy(logProbs: Float64Array): number {
  let h = 0;
  for (const lp of logProbs) h -= Math.exp(lp) * lp;
  return h;
}
