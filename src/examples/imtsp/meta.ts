import type { ExampleMeta } from '../../il/example-meta';

const PRESET_IDS = ['surrogate', 'reinforce', 'clustered'] as const;

export const imtspMeta: ExampleMeta = {
  id: 'imtsp',
  title: 'iMTSP: min-max multi-robot routing',
  teaches:
    'A gradient through an engine that has none: a network allocates cities to robots, a TSP solver plans each tour, and a learned control variate tames the score-function gradient.',
  engine: 'Per-agent TSP solver (nearest neighbour + 2-opt/Or-opt, Held–Karp when small)',
  gradientPath: 'Score function: REINFORCE vs a surrogate control variate ŝ trained for low variance',
  preview: 'previews/imtsp.png',
  defaults: { seed: 1, learningRate: 0.01, batchSize: 8, optimizer: 'adam' },
  usesBatch: true,
  batchSizes: [2, 4, 8, 16],
  // The network works for any N and M, so the shipped weights (θ and φ) fit every page state of their preset.
  // surrogate, reinforce: `npm run train -- imtsp --preset <id> --steps 1000 --p.trainCities 200
  // --p.trainAgents 10 --p.distribution mixed` (what transfers to N = 1 000); clustered: `--steps 1500`.
  pretrainedWeights: (presetId) =>
    (PRESET_IDS as readonly string[]).includes(presetId) ? `weights/imtsp/${presetId}` : null,
  presets: [
    {
      id: 'surrogate',
      label: 'Surrogate control variate',
      description:
        '50 random cities, 5 robots. θ trained with iMTSP’s estimator: REINFORCE plus a learned control variate ŝ.',
      params: {
        estimator: 'surrogate',
        trainCities: 50,
        trainAgents: 5,
        distribution: 'uniform',
        samples: 8,
      },
    },
    {
      id: 'reinforce',
      label: 'REINFORCE baseline',
      description:
        'The same task and seed trained with plain REINFORCE (running-mean baseline): compare the U curve and the variance plot, then switch the baseline to leave-one-out, the fairer one, and watch the gap shrink.',
      params: {
        estimator: 'reinforce',
        trainCities: 50,
        trainAgents: 5,
        distribution: 'uniform',
        samples: 8,
      },
    },
    {
      id: 'clustered',
      label: 'Clustered cities',
      description:
        'Training instances whose cities sit in a few Gaussian clusters, with the depot anywhere: the allocation must follow the clusters.',
      params: {
        estimator: 'surrogate',
        trainCities: 50,
        trainAgents: 5,
        distribution: 'clustered',
        samples: 8,
      },
    },
  ],
};
