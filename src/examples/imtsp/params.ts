import {
  choiceSpec,
  defaultsOf,
  integerSpec,
  numberSpec,
  parseParams,
  type ParamsOf,
} from '../../il/params/schema';
import type { ExampleParams } from '../../il/problem';

export const ESTIMATORS = ['surrogate', 'reinforce'] as const;
/** Which gradient estimator trains θ (both variances are measured every step either way). */
export type EstimatorKind = (typeof ESTIMATORS)[number];

export const REINFORCE_BASELINES = ['running-mean', 'leave-one-out'] as const;
/** What REINFORCE subtracts from a sample's cost (see learning/reinforce-baseline.ts). */
export type ReinforceBaseline = (typeof REINFORCE_BASELINES)[number];

export const SURROGATE_BASELINES = ['none', 'leave-one-out', 'leave-one-out-residual'] as const;
/** What the surrogate estimator subtracts from a sample's cost besides ŝ(z̃) (see learning/estimators.ts). */
export type SurrogateBaseline = (typeof SURROGATE_BASELINES)[number];

export const DISTRIBUTIONS = ['uniform', 'clustered', 'mixed'] as const;
/** Where the training instances come from. */
export type Distribution = (typeof DISTRIBUTIONS)[number];

/** iMTSP's own settings, carried in the URL hash; changing one rebuilds the run from its seed. */
export const imtspParamSchema = {
  estimator: choiceSpec(ESTIMATORS, 'surrogate', {
    label: 'gradient estimator',
    choiceLabels: {
      surrogate: 'surrogate control variate (iMTSP)',
      reinforce: 'REINFORCE (running-mean baseline)',
    },
  }),
  trainCities: integerSpec(50, 6, 200, {
    label: 'train N',
    help: 'cities of the random training instances (the depot included)',
  }),
  trainAgents: integerSpec(5, 2, 10, { label: 'train M', help: 'robots of the training instances' }),
  distribution: choiceSpec(DISTRIBUTIONS, 'uniform', { label: 'training cities' }),
  samples: integerSpec(8, 2, 64, { label: 'samples S', help: 'allocations sampled per instance per step' }),
  temperature: numberSpec(0.5, 0.05, 5, {
    label: 'τ of softmax(z/τ)',
    help: 'temperature of the relaxation the surrogate reads',
    step: 0.05,
  }),
  reinforceBaseline: choiceSpec(REINFORCE_BASELINES, 'running-mean', {
    label: 'REINFORCE baseline',
    choiceLabels: {
      'running-mean': 'running mean of past costs',
      'leave-one-out': "mean of the instance's other S − 1 samples",
    },
  }),
  surrogateBaseline: choiceSpec(SURROGATE_BASELINES, 'none', {
    label: 'surrogate baseline',
    choiceLabels: {
      none: 'none (ŝ alone)',
      'leave-one-out': "mean of the instance's other S − 1 samples, then ŝ",
      'leave-one-out-residual': "mean of the other samples' c − ŝ(z̃), then ŝ",
    },
  }),
  baselineDecay: numberSpec(0.9, 0, 0.999, {
    label: 'baseline decay',
    help: "decay of REINFORCE's running-mean baseline",
    step: 0.001,
  }),
} as const;

export type ImtspParams = ParamsOf<typeof imtspParamSchema>;
export const DEFAULT_IMTSP_PARAMS: ImtspParams = defaultsOf(imtspParamSchema);
export const parseImtspParams = (raw: ExampleParams): ImtspParams =>
  parseParams(imtspParamSchema, raw).values;
