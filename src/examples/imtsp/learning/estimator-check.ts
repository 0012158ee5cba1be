import { gradientVariance } from '../../../il/gradients/score-function';
import { createRng } from '../../../il/rng';
import { evaluateAllocation } from '../allocation/allocation';
import { surrogateContext } from './anchor';
import { estimateInstance } from './estimators';
import { cityFeatures } from './features';
import type { MtspInstance } from '../instances/instance';
import { fullAssignment } from './learned';
import { sampleAllocation } from './sampling';

export interface EstimatorAccuracy {
  /** ‖mean − exact‖ / ‖exact‖. */
  relativeError: number;
  /** ‖mean − exact‖ over the standard error of the mean (≈ 1 for an unbiased estimator, growing with bias). */
  standardErrors: number;
  /** Trace of the covariance of one batch's estimate (REINFORCE with the exact E[c] as its baseline). */
  variance: number;
}

export interface EstimatorCheck {
  allocations: number;
  batches: number;
  exactNorm: number;
  reinforce: EstimatorAccuracy;
  surrogate: EstimatorAccuracy;
}

export interface EstimatorCheckOptions {
  batches?: number;
  samples?: number;
  seed?: number;
  temperature?: number;
  baseline?: number;
}

/**
 * The estimators against ground truth on an instance small enough to enumerate every allocation (M^n of them):
 * ∇_ℓ E[c] = Σ_A π(A) c(A) ∇_ℓ log π(A) exactly, then the mean of many batches of each estimator.
 */
export function checkEstimators(
  instance: MtspInstance,
  agents: number,
  logProbs: Float64Array,
  phi: ArrayLike<number>,
  options: EstimatorCheckOptions = {},
): EstimatorCheck {
  const { batches = 300, samples = 8, seed = 0, temperature = 0.5 } = options;
  const features = cityFeatures(instance, agents);
  const n = features.n;
  const size = n * agents;
  const probs = logProbs.map(Math.exp);
  const count = agents ** n;
  if (count > 4096) throw new RangeError(`${count} allocations are too many to enumerate`);
  const cost = (choice: Int32Array) =>
    evaluateAllocation(instance, fullAssignment(choice), agents).maxTour / features.scale;

  const exact = new Float64Array(size);
  let expectedCost = 0;
  const choice = new Int32Array(n);
  for (let code = 0; code < count; code++) {
    let p = 1;
    for (let i = 0, c = code; i < n; i++, c = Math.floor(c / agents)) {
      choice[i] = c % agents;
      p *= probs[i * agents + choice[i]];
    }
    const c = cost(choice);
    expectedCost += p * c;
    for (let i = 0; i < n; i++)
      for (let k = 0; k < agents; k++)
        exact[i * agents + k] += p * c * ((choice[i] === k ? 1 : 0) - probs[i * agents + k]);
  }

  const input = surrogateContext(instance, features, probs).input;
  const rng = createRng(seed).fork('estimator-check');
  const perBatch = { reinforce: [] as Float64Array[], surrogate: [] as Float64Array[] };
  for (let b = 0; b < batches; b++) {
    const drawn = Array.from({ length: samples }, () => sampleAllocation(logProbs, n, agents, rng));
    const e = estimateInstance({
      input,
      logProbs,
      samples: drawn,
      costs: drawn.map((s) => cost(s.choice)),
      phi,
      // REINFORCE gets the best constant baseline there is: the exact E[c] (unless told otherwise).
      baseline: options.baseline ?? expectedCost,
      temperature,
    });
    perBatch.reinforce.push(e.reinforce);
    perBatch.surrogate.push(e.surrogate);
  }
  const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((a, x) => a + x * x, 0));
  const exactNorm = norm(exact);
  const accuracy = (rows: Float64Array[]): EstimatorAccuracy => {
    const mean = new Float64Array(size);
    for (const r of rows) for (let j = 0; j < size; j++) mean[j] += r[j] / rows.length;
    const error = norm(mean.map((m, j) => m - exact[j]));
    const variance = gradientVariance(rows);
    return {
      relativeError: error / Math.max(exactNorm, 1e-300),
      standardErrors: error / Math.max(Math.sqrt(variance / rows.length), 1e-300),
      variance,
    };
  };
  return {
    allocations: count,
    batches,
    exactNorm,
    reinforce: accuracy(perBatch.reinforce),
    surrogate: accuracy(perBatch.surrogate),
  };
}
