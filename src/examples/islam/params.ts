import {
  booleanSpec,
  choiceSpec,
  defaultsOf,
  integerSpec,
  parseParams,
  type ParamsOf,
} from '../../il/params/schema';
import type { ExampleParams } from '../../il/problem';
import { TRAJECTORY_KINDS } from './data/trajectory';

export const MODES = ['loop', 'window'] as const;
export type Mode = (typeof MODES)[number];
export const GRADIENTS = ['one-step', 'implicit'] as const;
export type GradientMethod = (typeof GRADIENTS)[number];

/** iSLAM's own settings, all carried in the URL hash. */
export const islamParamSchema = {
  mode: choiceSpec(MODES, 'loop', {
    label: 'training mode',
    choiceLabels: {
      loop: 'loop: whole drive with loop closures',
      window: 'faithful: sliding windows of 8 poses',
    },
  }),
  gradient: choiceSpec(GRADIENTS, 'one-step', {
    label: 'gradient across the LL',
    choiceLabels: { 'one-step': 'one-step (P* held)', implicit: 'implicit (IFT, Gauss–Newton H)' },
  }),
  llIterations: integerSpec(100, 1, 200, {
    label: 'LM iterations (max)',
    help: 'stop the LL early to see the implicit correction become non-zero',
  }),
  trajectory: choiceSpec(TRAJECTORY_KINDS, 'figure8', {
    label: 'trajectory',
    choiceLabels: {
      figure8: 'figure-8',
      manhattan: 'Manhattan blocks',
      'random-walk': 'random walk with revisits',
    },
  }),
  links: integerSpec(150, 100, 400, { label: 'poses per drive', step: 10 }),
  drives: integerSpec(4, 1, 12, { label: 'unlabelled drives of robot B' }),
  pretrained: booleanSpec(true, {
    label: 'start from the robot-A network',
    help: 'pre-trained with labels on robot A; off = random θ',
  }),
} as const;

export type IslamParams = ParamsOf<typeof islamParamSchema>;
export const DEFAULT_ISLAM_PARAMS: IslamParams = defaultsOf(islamParamSchema);
export const parseIslamParams = (raw: ExampleParams): IslamParams =>
  parseParams(islamParamSchema, raw).values;
