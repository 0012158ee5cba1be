import { createRng } from '../../il/rng';
import { matrix, type Matrix } from '../../il/linalg';

/** Why a feature is in the data set: the explorer colours features by it, and pruning should find it. */
export type FeatureKind = 'relevant' | 'irrelevant' | 'noisy';

export interface RegressionData {
  features: number;
  featureKinds: FeatureKind[];
  /** The weights the targets were made with (0 for irrelevant features). */
  trueWeights: Float64Array;
  trainX: Matrix;
  trainY: Float64Array;
  validX: Matrix;
  validY: Float64Array;
}

export interface RegressionSpec {
  relevant: number;
  irrelevant: number;
  /** Features that are a relevant signal buried in heavy noise: correlated with y on paper, useless in practice. */
  noisy: number;
  trainSize: number;
  validSize: number;
  /** Standard deviation of the label noise. */
  labelNoise: number;
}

/**
 * A seeded synthetic regression set built so that the right per-feature regularisation is obvious in hindsight:
 * irrelevant features only fit noise on the small training split, so learning θ should shrink them.
 */
export function makeRegressionData(spec: RegressionSpec, seed: number): RegressionData {
  const rng = createRng(seed).fork('explorer-data');
  const d = spec.relevant + spec.irrelevant + spec.noisy;
  const kinds: FeatureKind[] = [
    ...Array<FeatureKind>(spec.relevant).fill('relevant'),
    ...Array<FeatureKind>(spec.irrelevant).fill('irrelevant'),
    ...Array<FeatureKind>(spec.noisy).fill('noisy'),
  ];
  rng.shuffle(kinds);
  const trueWeights = new Float64Array(d);
  kinds.forEach((k, j) => {
    if (k === 'relevant') trueWeights[j] = (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.5, 2);
  });
  // Noisy features carry a small true weight under noise of a much larger scale.
  kinds.forEach((k, j) => {
    if (k === 'noisy') trueWeights[j] = rng.uniform(0.05, 0.15);
  });
  const sample = (n: number, r: ReturnType<typeof createRng>) => {
    const x = matrix(n, d);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let target = 0;
      for (let j = 0; j < d; j++) {
        const v = r.normal();
        x.data[i * d + j] = kinds[j] === 'noisy' ? v * 3 : v;
        target += trueWeights[j] * v;
      }
      y[i] = target + spec.labelNoise * r.normal();
    }
    return { x, y };
  };
  const train = sample(spec.trainSize, rng.fork('train'));
  const valid = sample(spec.validSize, rng.fork('valid'));
  return {
    features: d,
    featureKinds: kinds,
    trueWeights,
    trainX: train.x,
    trainY: train.y,
    validX: valid.x,
    validY: valid.y,
  };
}
