import type { ExampleMeta } from '../../il/example-meta.ts';

/** Params that change what the shipped weights were trained for (the rest only tune training). */
const TRAINED_FOR = ['worlds', 'splineStart'] as const;

export const iplannerMeta: ExampleMeta = {
  id: 'iplanner',
  title: 'iPlanner: paths from depth, through a spline',
  teaches:
    'A network proposes key points from a depth image; a cubic spline (the LL, in closed form) turns them into a path; the cost map alone teaches it — no expert paths.',
  engine: 'Cubic spline through key points (closed form)',
  gradientPath: 'Closed form: autograd through the spline’s constant matrix, ∂U/∂W from the cost map',
  preview: 'previews/iplanner.png',
  defaults: { seed: 1, learningRate: 0.003, batchSize: 16, optimizer: 'adam' },
  usesBatch: true,
  batchSizes: [8, 16, 32],
  // Shipped θ: `npm run train -- iplanner --preset <id> --steps N` (see public/weights/iplanner/*/model.json).
  pretrainedWeights: (presetId, params) => {
    const preset = iplannerMeta.presets.find((p) => p.id === presetId);
    if (!preset) return null;
    const same = TRAINED_FOR.every((k) => params[k] === undefined || params[k] === preset.params[k]);
    return same ? `weights/iplanner/${presetId}` : null;
  },
  presets: [
    {
      id: 'forest',
      label: 'Forest',
      description: 'Tree trunks and bushes: learn to weave between them from the depth image alone.',
      params: { worlds: 'forest', splineStart: 'heading' },
    },
    {
      id: 'rooms',
      label: 'Rooms and doors',
      description: 'Walls with doors and furniture: the plan must find the door it can see.',
      params: { worlds: 'rooms', splineStart: 'heading' },
    },
    {
      id: 'garage',
      label: 'Cluttered garage',
      description: 'Parked cars, pillars and crates: tight gaps and long walls.',
      params: { worlds: 'garage', splineStart: 'heading' },
    },
    {
      id: 'forest-rooms',
      label: 'Forest + rooms',
      description: 'Both kinds of world at once.',
      params: { worlds: 'forest+rooms', splineStart: 'heading' },
    },
    {
      id: 'forest-rooms-garage',
      label: 'Forest + rooms + garage',
      description:
        'All three kinds the page offers; corridors stay unseen (what the benchmark trains, and evaluates on all four).',
      params: { worlds: 'forest+rooms+garage', splineStart: 'heading', approachViews: 0.5 },
    },
  ],
};
