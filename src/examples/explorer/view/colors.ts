import type { FeatureKind } from '../data';

export const KIND_COLOR: Record<FeatureKind, string> = {
  relevant: '#15803d',
  irrelevant: '#b91c1c',
  noisy: '#a16207',
};

export const METHOD_LABEL = {
  exact: '(a) closed form',
  unrolled: '(b) unrolled',
  implicit: '(c) implicit (IFT + CG)',
  'finite-difference': '(d) finite differences',
} as const;
