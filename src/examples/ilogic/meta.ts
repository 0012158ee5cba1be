import type { ExampleMeta } from '../../il/example-meta';
import { ilogicParamSchema } from './params';

export const ilogicMeta: ExampleMeta = {
  id: 'ilogic',
  title: 'iLogic: concept grounding and rule induction',
  teaches:
    'A perception network learns concepts with no concept labels, only because a Neural Logic Machine must induce the traffic rules from them.',
  engine: 'Neural Logic Machine (breadth 2, depth 3), K warm-started gradient steps',
  gradientPath: 'First-order (alternating) · unrolled K steps · implicit (IFT + CG)',
  preview: 'previews/ilogic.png',
  defaults: { seed: 1, learningRate: 0.01, batchSize: 16, optimizer: 'adam' },
  usesBatch: true,
  batchSizes: [8, 16, 32],
  // θ (the grounder) trained on each preset's own scenes: `npm run train -- ilogic --preset <id> --steps N`
  // (intersection 800, unrolled 400, implicit 400). μ (the NLM, an LL variable) is not shipped: the LL re-induces it
  // from the loaded θ. The weights fit another gradient path or K too (θ's shapes never change); they are offered
  // only while the scenes are the preset's (grid, agents, training scenes).
  pretrainedWeights: (presetId, params) => {
    const preset = ilogicMeta.presets.find((p) => p.id === presetId);
    if (!preset) return null;
    const scene = ['grid', 'agents', 'trainScenes'] as const;
    const value = (p: typeof params, k: (typeof scene)[number]) => p[k] ?? ilogicParamSchema[k].default;
    const same = scene.every((k) => value(params, k) === value(preset.params, k));
    return same ? `weights/ilogic/${presetId}` : null;
  },
  presets: [
    {
      id: 'intersection',
      label: 'City intersection (first-order)',
      description:
        '12×12 grid, 8 agents, fixed composition for training; the NLM follows θ by 5 gradient steps per UL step.',
      params: { gradientPath: 'first-order', grid: 12, agents: 8, innerSteps: 5 },
    },
    {
      id: 'unrolled',
      label: 'Through the LL: unrolled',
      description:
        'The same city, dU/dθ back-propagated through K = 3 NLM training steps (second-order autodiff).',
      settings: { seed: 2 },
      params: { gradientPath: 'unrolled', grid: 12, agents: 8, innerSteps: 3 },
    },
    {
      id: 'implicit',
      label: 'Through the LL: implicit',
      description:
        'A smaller 10×10 town of 6 agents; dU/dθ by the implicit function theorem with 5 CG steps.',
      settings: { seed: 3 },
      params: { gradientPath: 'implicit', grid: 10, agents: 6, innerSteps: 5, cgIterations: 5 },
    },
  ],
};
