import { choiceParam, numberParam, type ExampleParams } from '../../il/problem';

export const ESTIMATORS = ['surrogate', 'reinforce'] as const;
/** Which gradient estimator trains θ (both variances are measured every step either way). */
export type EstimatorKind = (typeof ESTIMATORS)[number];

export const DISTRIBUTIONS = ['uniform', 'clustered', 'mixed'] as const;
/** Where the training instances come from. */
export type Distribution = (typeof DISTRIBUTIONS)[number];

/** iMTSP's own settings, carried in the URL hash; changing one rebuilds the run from its seed. */
export interface ImtspParams extends ExampleParams {
  estimator: EstimatorKind;
  /** N of the random training instances (the depot included). */
  trainCities: number;
  /** M of the training instances. */
  trainAgents: number;
  distribution: Distribution;
  /** S: allocations sampled per instance per step. */
  samples: number;
  /** τ of the relaxation softmax(z/τ) the surrogate reads. */
  temperature: number;
  /** Decay of REINFORCE's running-mean baseline. */
  baselineDecay: number;
}

export const DEFAULT_IMTSP_PARAMS: ImtspParams = {
  estimator: 'surrogate',
  trainCities: 50,
  trainAgents: 5,
  distribution: 'uniform',
  samples: 8,
  temperature: 0.5,
  baselineDecay: 0.9,
};

export function parseImtspParams(raw: ExampleParams): ImtspParams {
  const d = DEFAULT_IMTSP_PARAMS;
  return {
    estimator: choiceParam(raw, 'estimator', ESTIMATORS, d.estimator),
    trainCities: Math.round(numberParam(raw, 'trainCities', d.trainCities, 6, 200)),
    trainAgents: Math.round(numberParam(raw, 'trainAgents', d.trainAgents, 2, 10)),
    distribution: choiceParam(raw, 'distribution', DISTRIBUTIONS, d.distribution),
    samples: Math.round(numberParam(raw, 'samples', d.samples, 2, 64)),
    temperature: numberParam(raw, 'temperature', d.temperature, 0.05, 5),
    baselineDecay: numberParam(raw, 'baselineDecay', d.baselineDecay, 0, 0.999),
  };
}
