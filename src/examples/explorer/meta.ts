import type { ExampleMeta } from '../../il/example-meta';

export const explorerMeta: ExampleMeta = {
  id: 'explorer',
  title: 'Bilevel gradient explorer',
  teaches:
    'Hypergradients by hand: closed form, unrolled, implicit (IFT + CG) and finite differences, side by side on ridge regression.',
  engine: 'Ridge regression (exact solve)',
  gradientPath: 'Closed form · unrolled K steps · implicit (IFT + conjugate gradient)',
  preview: 'previews/explorer.png',
  defaults: { seed: 1, learningRate: 0.1, batchSize: 1, optimizer: 'adam' },
  usesBatch: false,
  batchSizes: [1],
  // Shipped weights (θ) were trained on each preset's default data: `npm run train -- explorer --preset <id> --steps 400`.
  pretrainedWeights: (presetId, params) => {
    const preset = explorerMeta.presets.find((p) => p.id === presetId);
    if (!preset) return null;
    const sameData = ['relevant', 'irrelevant', 'noisy', 'trainSize', 'labelNoise'].every(
      (k) => params[k] === undefined || params[k] === preset.params[k],
    );
    return sameData ? `weights/explorer/${presetId}` : null;
  },
  presets: [
    {
      id: 'prune',
      label: 'Prune irrelevant features',
      description:
        '3 relevant, 5 irrelevant, 2 noisy features; 24 training points. Learning θ switches off the junk.',
      params: {
        relevant: 3,
        irrelevant: 5,
        noisy: 2,
        trainSize: 24,
        labelNoise: 0.5,
        method: 'implicit',
        cgIterations: 5,
      },
    },
    {
      id: 'unrolled-short',
      label: 'Short unrolling is biased',
      description:
        'The same task trained with only K = 3 unrolled steps: watch the hypergradient error and the slower descent.',
      params: {
        relevant: 3,
        irrelevant: 5,
        noisy: 2,
        trainSize: 24,
        labelNoise: 0.5,
        method: 'unrolled',
        unrollSteps: 3,
      },
    },
    {
      id: 'wide',
      label: 'More features than samples',
      description:
        '30 features, 20 training points: without learned regularisation the LL interpolates noise.',
      settings: { learningRate: 0.2 },
      params: { relevant: 4, irrelevant: 22, noisy: 4, trainSize: 20, labelNoise: 0.3, method: 'exact' },
    },
  ],
};
