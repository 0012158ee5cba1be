import type { ExampleMeta } from '../../il/example-meta';
import { parseIslamParams } from './params';

export const islamMeta: ExampleMeta = {
  id: 'islam',
  title: 'iSLAM: odometry corrected by pose-graph optimisation',
  teaches:
    'A learned odometry front-end adapts to a new robot without labels: the pose graph (odometry, IMU, loop closures) is solved by LM, and its solution supervises the network.',
  engine: 'Pose-graph optimisation: Levenberg–Marquardt with a sparse Cholesky (SE(2))',
  gradientPath: 'One-step (P* held, exact at ∇_P L = 0) · implicit (IFT, Gauss–Newton Hessian)',
  preview: 'previews/islam.png',
  defaults: { seed: 1, learningRate: 0.003, batchSize: 8, optimizer: 'adam' },
  usesBatch: true,
  batchSizes: [4, 8, 16],
  // Shipped weights: `npm run train -- islam --preset <id> --steps 10` (see public/weights/islam/).
  pretrainedWeights: (presetId, params) => {
    const preset = islamMeta.presets.find((p) => p.id === presetId);
    if (!preset) return null;
    const page = parseIslamParams(params);
    const shipped = parseIslamParams(preset.params);
    const same = (Object.keys(shipped) as (keyof typeof shipped)[]).every((k) => page[k] === shipped[k]);
    return same ? `weights/islam/${presetId}` : null;
  },
  presets: [
    {
      id: 'figure8',
      label: 'Figure-8 with loop closures',
      description:
        'Robot B’s wheels are 4–5 % off and it pulls left: the robot-A network drifts. Each pass solves the whole drive’s pose graph and pulls the network towards P*.',
      params: { mode: 'loop', gradient: 'one-step', trajectory: 'figure8', links: 150, drives: 4 },
    },
    {
      id: 'faithful',
      label: 'Faithful: sliding windows of 8 poses',
      description:
        'As the iSLAM code trains: windows of 8 poses, odometry and IMU links only, the gradient accumulated over a batch of windows.',
      settings: { batchSize: 8 },
      params: { mode: 'window', gradient: 'one-step', trajectory: 'random-walk', links: 150, drives: 4 },
    },
    {
      id: 'early-stop',
      label: 'LL stopped early: the implicit correction',
      description:
        'LM stops after 3 iterations, before ∇_P L = 0: the one-step gradient is now biased, and the implicit (IFT) gradient corrects it.',
      params: {
        mode: 'loop',
        gradient: 'implicit',
        llIterations: 3,
        trajectory: 'manhattan',
        links: 150,
        drives: 4,
      },
    },
    {
      id: 'random-walk',
      label: 'Random walk with revisits',
      description: 'Many short loops: a strong signal through the loop closures.',
      params: { mode: 'loop', gradient: 'one-step', trajectory: 'random-walk', links: 200, drives: 4 },
    },
  ],
};
