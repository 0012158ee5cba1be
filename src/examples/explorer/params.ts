import {
  choiceSpec,
  defaultsOf,
  integerSpec,
  numberSpec,
  parseParams,
  type ParamsOf,
} from '../../il/params/schema';
import type { ExampleParams } from '../../il/problem';

export const HYPERGRADIENT_METHODS = ['exact', 'unrolled', 'implicit', 'finite-difference'] as const;
export type HypergradientMethod = (typeof HYPERGRADIENT_METHODS)[number];

/** The explorer's own settings, all carried in the URL hash. */
export const explorerParamSchema = {
  method: choiceSpec(HYPERGRADIENT_METHODS, 'implicit', {
    label: 'hypergradient',
    choiceLabels: {
      exact: 'closed form',
      unrolled: 'unrolled K steps',
      implicit: 'implicit (IFT + CG)',
      'finite-difference': 'finite differences',
    },
  }),
  unrollSteps: integerSpec(20, 1, 500, {
    label: 'K (training)',
    help: 'gradient-descent steps unrolled through',
  }),
  cgIterations: integerSpec(5, 1, 100, {
    label: 'n (training)',
    help: 'conjugate-gradient iterations of the implicit method',
  }),
  relevant: integerSpec(3, 1, 20, { label: 'relevant features' }),
  irrelevant: integerSpec(5, 0, 40, { label: 'irrelevant features' }),
  noisy: integerSpec(2, 0, 20, { label: 'noisy features' }),
  trainSize: integerSpec(24, 5, 500, { label: 'training samples' }),
  labelNoise: numberSpec(0.5, 0, 5, { label: 'label noise σ', step: 0.05 }),
} as const;

export type ExplorerParams = ParamsOf<typeof explorerParamSchema>;
export const DEFAULT_EXPLORER_PARAMS: ExplorerParams = defaultsOf(explorerParamSchema);
export const parseExplorerParams = (raw: ExampleParams): ExplorerParams =>
  parseParams(explorerParamSchema, raw).values;
