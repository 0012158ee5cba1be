import { choiceParam, numberParam, type ExampleParams } from '../../il/problem';

export const HYPERGRADIENT_METHODS = ['exact', 'unrolled', 'implicit', 'finite-difference'] as const;
export type HypergradientMethod = (typeof HYPERGRADIENT_METHODS)[number];

/** The explorer's own settings, all carried in the URL hash. */
export interface ExplorerParams extends ExampleParams {
  /** Which hypergradient drives training. */
  method: HypergradientMethod;
  /** K: gradient-descent steps unrolled through. */
  unrollSteps: number;
  /** n: conjugate-gradient iterations of the implicit method. */
  cgIterations: number;
  relevant: number;
  irrelevant: number;
  noisy: number;
  trainSize: number;
  labelNoise: number;
}

export const DEFAULT_EXPLORER_PARAMS: ExplorerParams = {
  method: 'implicit',
  unrollSteps: 20,
  cgIterations: 5,
  relevant: 3,
  irrelevant: 5,
  noisy: 2,
  trainSize: 24,
  labelNoise: 0.5,
};

export function parseExplorerParams(raw: ExampleParams): ExplorerParams {
  const d = DEFAULT_EXPLORER_PARAMS;
  const relevant = Math.round(numberParam(raw, 'relevant', d.relevant, 1, 20));
  const irrelevant = Math.round(numberParam(raw, 'irrelevant', d.irrelevant, 0, 40));
  const noisy = Math.round(numberParam(raw, 'noisy', d.noisy, 0, 20));
  return {
    method: choiceParam(raw, 'method', HYPERGRADIENT_METHODS, d.method),
    unrollSteps: Math.round(numberParam(raw, 'unrollSteps', d.unrollSteps, 1, 500)),
    cgIterations: Math.round(numberParam(raw, 'cgIterations', d.cgIterations, 1, 100)),
    relevant,
    irrelevant,
    noisy,
    trainSize: Math.round(numberParam(raw, 'trainSize', d.trainSize, 5, 500)),
    labelNoise: numberParam(raw, 'labelNoise', d.labelNoise, 0, 5),
  };
}
