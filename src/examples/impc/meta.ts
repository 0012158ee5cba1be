import type { ExampleMeta } from '../../il/example-meta';
import { parseImpcParams } from './example-params';

export const impcMeta: ExampleMeta = {
  id: 'impc',
  title: 'iMPC: learning through a differentiable MPC',
  teaches:
    'A quadrotor learns its own mass and inertia and an IMU denoiser from flight data, through the KKT conditions (or the unrolled iterations) of a constrained MPC.',
  engine: 'Attitude MPC: a box-constrained QP (active-set solver)',
  gradientPath: 'Implicit (KKT at the active set) · unrolled K solver iterations',
  preview: 'previews/impc.png',
  defaults: { seed: 1, learningRate: 0.005, batchSize: 10, optimizer: 'adam' },
  usesBatch: true,
  batchSizes: [5, 10, 20],
  // Shipped weights: `npx tsx src/cli/train.ts impc --preset <id> --steps 500` (see public/weights/impc/).
  pretrainedWeights: (presetId, params) => {
    const preset = impcMeta.presets.find((p) => p.id === presetId);
    if (!preset) return null;
    // Weights fit where the page's settings are the preset's (a changed start or IMU is another run).
    const page = parseImpcParams(params);
    const shipped = parseImpcParams(preset.params);
    const same = (Object.keys(shipped) as (keyof typeof shipped)[]).every((k) => page[k] === shipped[k]);
    return same ? `weights/impc/${presetId}` : null;
  },
  presets: [
    {
      id: 'identify',
      label: 'Learn m, J and the IMU denoiser',
      description:
        'iMPC’s gap cost with the applied input held: the mass and inertia start 50 % off and converge to within a few per cent while the denoiser learns the gyro’s cross-axis error.',
      params: {
        upper: 'gap',
        gradient: 'implicit',
        pPath: 'applied',
        xPath: 'applied',
        horizon: 10,
        imu: 'default',
        pStart: 1.5,
      },
    },
    {
      id: 'through-mpc',
      label: 'Gap through the MPC (KKT)',
      description:
        'The same gap, differentiated through the MPC’s KKT conditions with the measurement held fixed: the MPC inverts its own model, so m and J barely move towards the truth.',
      params: {
        upper: 'gap',
        gradient: 'implicit',
        pPath: 'mpc',
        xPath: 'mpc',
        horizon: 10,
        imu: 'default',
        pStart: 1.5,
      },
    },
    {
      id: 'unrolled',
      label: 'Unrolled solver iterations',
      description:
        'The path through the MPC by unrolling K accelerated projected-gradient iterations (short horizon N = 5). Slide K and watch its error against the implicit gradient.',
      params: {
        upper: 'gap',
        gradient: 'unrolled',
        unrollK: 1000,
        pPath: 'mpc',
        xPath: 'mpc',
        horizon: 5,
        imu: 'default',
        pStart: 1.5,
      },
    },
    {
      id: 'tracking',
      label: 'Tracking error as U',
      description:
        'U = the measured attitude tracking error, differentiated through the MPC: p is tuned for control, not identified.',
      params: {
        upper: 'tracking',
        gradient: 'implicit',
        pPath: 'mpc',
        xPath: 'mpc',
        horizon: 10,
        imu: 'default',
        pStart: 1.5,
      },
    },
    {
      id: 'cheap-imu',
      label: 'Uncalibrated IMU',
      description:
        'A noisier gyro with a 4× larger random bias: p is still learned, but the bias drift, which no UL cost can see, dominates every controller’s error.',
      params: {
        upper: 'gap',
        gradient: 'implicit',
        pPath: 'applied',
        xPath: 'applied',
        horizon: 10,
        imu: 'cheap',
        pStart: 1.5,
      },
    },
  ],
};
