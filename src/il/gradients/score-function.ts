import * as tf from '@tensorflow/tfjs';
import { stopGradient } from './straight-through';

/**
 * Score-function (REINFORCE) gradient estimators, written as surrogate objectives: the gradient of the returned
 * scalar w.r.t. θ is the estimate, so any optimiser can use it.
 *
 *   ĝ = (1/S) Σ_s (c_s − b_s) ∇θ log π_θ(a_s) + (1/S) Σ_s ∇θ b_s
 *
 * - With a constant baseline b (e.g. a running mean of c) the second term is zero and the estimator is unbiased
 *   because E[∇θ log π] = 0.
 * - With a control variate b_s = ŝ(z_s) that depends on θ through a reparameterised sample z_s (LAX, as iMTSP's
 *   surrogate network), the second term restores unbiasedness: E[ŝ ∇ log π] = ∇θ E[ŝ] = E[∇θ ŝ].
 */
export interface ScoreFunctionInput {
  /** log π_θ(a_s) per sample, shape [S]. */
  logProbs: tf.Tensor1D;
  /** The black-box costs c_s (the LL engine's results), length S. */
  costs: ArrayLike<number>;
  /** Constant baseline(s): one number or one per sample. */
  baseline?: number | ArrayLike<number>;
  /** Differentiable control variate ŝ_s, shape [S], reparameterised so that the correction term applies. */
  controlVariate?: tf.Tensor1D;
}

export function scoreFunctionObjective(input: ScoreFunctionInput): tf.Scalar {
  return tf.tidy(() => {
    const s = input.logProbs.shape[0];
    const costs = tf.tensor1d(Array.from(input.costs));
    let advantage: tf.Tensor1D = costs;
    if (input.baseline !== undefined) {
      const b =
        typeof input.baseline === 'number'
          ? tf.scalar(input.baseline)
          : tf.tensor1d(Array.from(input.baseline));
      advantage = tf.sub(advantage, b);
    }
    if (input.controlVariate) advantage = tf.sub(advantage, stopGradient(input.controlVariate));
    let objective = tf.div(tf.sum(tf.mul(advantage, input.logProbs)), s);
    if (input.controlVariate) objective = tf.add(objective, tf.mean(input.controlVariate));
    return objective as tf.Scalar;
  });
}

/** Exponential running mean, the usual REINFORCE baseline. */
export class RunningBaseline {
  private value: number | null = null;
  constructor(private readonly decay = 0.9) {}
  get(): number {
    return this.value ?? 0;
  }
  update(x: number): void {
    this.value = this.value === null ? x : this.decay * this.value + (1 - this.decay) * x;
  }
}

/** Total variance (trace of the covariance) of a set of gradient samples, for the variance plots. */
export function gradientVariance(samples: ArrayLike<number>[]): number {
  if (samples.length < 2) return 0;
  const d = samples[0].length;
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (const g of samples) mean += g[j];
    mean /= samples.length;
    let v = 0;
    for (const g of samples) v += (g[j] - mean) ** 2;
    total += v / (samples.length - 1);
  }
  return total;
}
