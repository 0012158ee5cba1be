/**
 * Differentiable summaries ψ(Y) of a soft allocation Y (n × M, rows sum to one), the inputs of the surrogate
 * ŝ. Per agent m (lengths in units of the instance scale):
 *
 *   L̂_m = base_m + Σ_i Y_im ι_im     the engine's tour length, linearised around the network's most likely
 *                                       allocation (linearisation.ts): exact there, first-order around it
 *   E_m = 2R_m + B_m                  a geometric estimate: R_m = (Σ_i Y_im d_i^8)^{1/8} a soft farthest depot
 *                                       distance (out and back), B_m = Σ_i Y_im s_i the zig-zag (s_i: spacing)
 *   C_m = Σ_i Y_im · M/n              the share of the cities
 *
 * aggregated over agents with smooth maxima smax_β(v) = (1/β) log((1/M) Σ_m e^{β v_m}) (the min-max cost is a
 * maximum over agents): ψ = [mean L̂, smax₄ L̂, smax₁₆ L̂, −smax₄(−L̂), smax₁₆ E, smax₈ C]. Everything here has
 * a hand-written gradient, so the surrogate estimator needs no second derivatives from tfjs.
 */

export const RELAXED_FEATURES = 6;
const Q = 8;

export interface RelaxedFeatureInput {
  n: number;
  agents: number;
  /** Depot distance of each city, in units of the instance scale. */
  depotDistance: Float64Array;
  /** Spacing of each city, in units of the instance scale. */
  spacing: Float64Array;
  /** The allocation the tour lengths are linearised around (the network's most likely one), n entries. */
  anchor: Int32Array;
  /** The linearised tour lengths (linearisation.ts). */
  base: Float64Array;
  slope: Float64Array;
}

interface AgentStats {
  l: Float64Array;
  r: Float64Array;
  e: Float64Array;
  c: Float64Array;
}

function agentStats(input: RelaxedFeatureInput, y: Float64Array): AgentStats {
  const { n, agents: m, depotDistance: d, spacing, base, slope } = input;
  const l = Float64Array.from(base);
  const r = new Float64Array(m);
  const b = new Float64Array(m);
  const c = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const dq = d[i] ** Q;
    for (let k = 0; k < m; k++) {
      const yk = y[i * m + k];
      l[k] += yk * slope[i * m + k];
      r[k] += yk * dq;
      b[k] += yk * spacing[i];
      c[k] += (yk * m) / n;
    }
  }
  const e = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    r[k] = (r[k] + 1e-12) ** (1 / Q);
    e[k] = 2 * r[k] + b[k];
  }
  return { l, r, e, c };
}

/** smax_β(v) and its gradient (softmax(βv)); β < 0 gives a smooth minimum. */
function smoothMax(v: Float64Array, beta: number): { value: number; grad: Float64Array } {
  let top = -Infinity;
  for (const x of v) top = Math.max(top, beta * x);
  const grad = new Float64Array(v.length);
  let sum = 0;
  for (let k = 0; k < v.length; k++) {
    grad[k] = Math.exp(beta * v[k] - top);
    sum += grad[k];
  }
  for (let k = 0; k < v.length; k++) grad[k] /= sum;
  return { value: (top + Math.log(sum / v.length)) / beta, grad };
}

/** Per feature: value and ∂ψ/∂(L̂, E, C) per agent. */
interface FeatureParts {
  value: number;
  dL?: Float64Array;
  dE?: Float64Array;
  dC?: Float64Array;
}

function featureParts(stats: AgentStats): FeatureParts[] {
  const m = stats.l.length;
  const agg = (key: 'dL' | 'dE' | 'dC', v: Float64Array, beta: number): FeatureParts => {
    if (beta === 0) {
      const value = v.reduce((a, b) => a + b, 0) / m;
      return { value, [key]: new Float64Array(m).fill(1 / m) };
    }
    const s = smoothMax(v, beta);
    return { value: s.value, [key]: s.grad };
  };
  return [
    agg('dL', stats.l, 0),
    agg('dL', stats.l, 4),
    agg('dL', stats.l, 16),
    agg('dL', stats.l, -4),
    agg('dE', stats.e, 16),
    agg('dC', stats.c, 8),
  ];
}

/** ψ(Y) only (no gradient): for the per-instance context. */
export function relaxedFeatureValues(input: RelaxedFeatureInput, y: Float64Array): Float64Array {
  return Float64Array.from(featureParts(agentStats(input, y)).map((f) => f.value));
}

/** One-hot rows of an allocation (n × M). */
export function oneHot(choice: ArrayLike<number>, n: number, m: number): Float64Array {
  const y = new Float64Array(n * m);
  for (let i = 0; i < n; i++) y[i * m + choice[i]] = 1;
  return y;
}

/** Soft allocation Y = softmax(z / τ), row-wise. */
export function softAllocation(z: Float64Array, n: number, m: number, temperature: number): Float64Array {
  const y = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let top = -Infinity;
    for (let k = 0; k < m; k++) top = Math.max(top, z[i * m + k]);
    let sum = 0;
    for (let k = 0; k < m; k++) {
      const e = Math.exp((z[i * m + k] - top) / temperature);
      y[i * m + k] = e;
      sum += e;
    }
    for (let k = 0; k < m; k++) y[i * m + k] /= sum;
  }
  return y;
}

/**
 * ψ(softmax(z/τ)) and its gradient with respect to z: `grad` is RELAXED_FEATURES rows of n × M.
 * Chain rule: ∂ψ/∂Y_ik = ∂ψ/∂L̂_k·ι_ik + ∂ψ/∂E_k·∂E_k/∂Y_ik + …, then ∂ψ/∂z_ik = (Y_ik/τ)(G_ik − Σ_j Y_ij G_ij).
 */
export function relaxedFeatures(
  input: RelaxedFeatureInput,
  z: Float64Array,
  temperature: number,
): { value: Float64Array; grad: Float64Array } {
  const { n, agents: m, depotDistance: d, spacing, slope } = input;
  const y = softAllocation(z, n, m, temperature);
  const stats = agentStats(input, y);
  const parts = featureParts(stats);
  const size = n * m;
  const value = new Float64Array(parts.length);
  const grad = new Float64Array(parts.length * size);
  const radialScale = Float64Array.from(stats.r, (r) => r ** (1 - Q) / Q);
  const g = new Float64Array(m);
  parts.forEach((part, f) => {
    value[f] = part.value;
    // Per agent: coefficient of ι_ik, of d_i^q (through R_k), of s_i and of M/n in G_ik = ∂ψ/∂Y_ik.
    const linear = part.dL ?? new Float64Array(m);
    const radial = new Float64Array(m);
    const zig = new Float64Array(m);
    const share = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      radial[k] = 2 * (part.dE?.[k] ?? 0) * radialScale[k];
      zig[k] = part.dE?.[k] ?? 0;
      share[k] = ((part.dC?.[k] ?? 0) * m) / n;
    }
    const out = f * size;
    for (let i = 0; i < n; i++) {
      const dq = d[i] ** Q;
      let mean = 0;
      for (let k = 0; k < m; k++) {
        g[k] = linear[k] * slope[i * m + k] + radial[k] * dq + zig[k] * spacing[i] + share[k];
        mean += y[i * m + k] * g[k];
      }
      for (let k = 0; k < m; k++) grad[out + i * m + k] = (y[i * m + k] / temperature) * (g[k] - mean);
    }
  });
  return { value, grad };
}

/**
 * Carries a gradient with respect to z̃ back to the logits ℓ through the conditional sample:
 * ∂/∂ℓ_j = r_j − π_j Σ_k r_k with r_k = (∂/∂z̃_k) ρ_k (see sampling.ts). In place over `gradients` rows.
 */
export function throughConditional(
  gradients: Float64Array,
  rows: number,
  probs: Float64Array,
  slope: Float64Array,
  n: number,
  m: number,
): void {
  const size = n * m;
  for (let f = 0; f < rows; f++) {
    const base = f * size;
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let k = 0; k < m; k++) {
        const r = gradients[base + i * m + k] * slope[i * m + k];
        gradients[base + i * m + k] = r;
        total += r;
      }
      for (let k = 0; k < m; k++) gradients[base + i * m + k] -= probs[i * m + k] * total;
    }
  }
}
