import { choiceSpec, integerSpec, numberSpec, type ParamsOf } from '../../il/params/schema';

export const GRADIENT_PATHS = ['first-order', 'unrolled', 'implicit'] as const;

/** iLogic's own settings, all carried in the URL hash. */
export const ilogicParamSchema = {
  gradientPath: choiceSpec(GRADIENT_PATHS, 'first-order', {
    label: 'gradient path across the LL',
    choiceLabels: {
      'first-order': 'first-order (alternating)',
      unrolled: 'unrolled K steps',
      implicit: 'implicit (IFT + CG)',
    },
  }),
  innerSteps: integerSpec(5, 1, 20, { label: 'K (LL steps per UL step)' }),
  llStepSize: numberSpec(1, 0.05, 4, { label: 'α (LL step size)', step: 0.05 }),
  cgIterations: integerSpec(5, 1, 30, { label: 'n (CG iterations)' }),
  damping: numberSpec(0.1, 0, 2, { label: 'δ (Hessian damping)', step: 0.01 }),
  grid: integerSpec(12, 8, 16, { label: 'grid side', unit: 'cells' }),
  agents: integerSpec(8, 4, 10, { label: 'agents per scene' }),
  trainScenes: integerSpec(256, 32, 1024, { label: 'training scenes (L)' }),
  hidden: integerSpec(8, 4, 16, { label: 'NLM hidden predicates' }),
} as const;

export type IlogicParams = ParamsOf<typeof ilogicParamSchema>;
