import type { ExampleMeta } from '../../il/example-meta';
import type { ExampleParams } from '../../il/problem';

/**
 * The learning params every preset starts from: params.ts's DEFAULT_IA_STAR_PARAMS, written out so this file stays
 * light (the example registry loads it on the landing page; params.ts pulls in the map generators). A test keeps the two
 * equal (view/learning-meta.test.ts).
 */
export const PRESET_LEARNING = {
  mode: 'ia-star',
  trainKind: 'random-rectangles',
  trainSize: 32,
  trainMaps: 400,
  guidanceScale: 4,
  guidanceForm: 'offset',
  hScale: 1,
  hWeight: 1.2,
  guidancePrior: 0,
  temperatureScale: 1,
  pathWeight: 1,
} as const;

/** The params the shipped weights were trained for: any other value gets no pretrained weights. */
const TRAINED_FOR = ['trainKind', 'trainSize', 'guidanceScale', 'guidanceForm'] as const;

/**
 * Where the shipped weights of a training mode live under public/ (model.json + weights.bin), or null where the
 * params differ from what they were trained for. Made by
 * `npm run train -- ia-star --preset rectangles-32|neural-astar-32 --out public/weights/ia-star/<mode>`.
 */
export function shippedWeightsFolder(params: ExampleParams): string | null {
  const same = TRAINED_FOR.every((k) => params[k] === undefined || params[k] === PRESET_LEARNING[k]);
  const mode = params.mode === 'neural-astar' ? 'neural-astar' : 'ia-star';
  return same ? `weights/ia-star/${mode}` : null;
}

export const iaStarMeta: ExampleMeta = {
  id: 'ia-star',
  title: 'iA*: learning to guide A*',
  teaches:
    'A*, Dijkstra, weighted A* and greedy search side by side on maps you draw, and a U-Net trained through a differentiable A* — self-supervised (iA*) or from optimal paths (Neural A*) — to cut the cells A* expands.',
  engine: 'A* on an 8-connected grid (octile moves, binary heap, typed arrays)',
  gradientPath: 'straight-through selection over the open list (differentiable A*)',
  preview: 'previews/ia-star.png',
  defaults: { seed: 1, learningRate: 0.001, batchSize: 8, optimizer: 'adam' },
  usesBatch: true,
  batchSizes: [1, 4, 8, 16],
  pretrainedWeights: (_presetId, params) => shippedWeightsFolder(params),
  presets: [
    {
      id: 'rectangles-32',
      label: 'Random rectangles, 32 × 32 (iA*)',
      description:
        "Neural A*'s kind of map: random rectangular obstacles, start and goal far apart. iA* trains self-supervised on 32 × 32 maps of this kind.",
      params: { mapKind: 'random-rectangles', width: 32, height: 32, mapSeed: 1, ...PRESET_LEARNING },
    },
    {
      id: 'neural-astar-32',
      label: 'Random rectangles, 32 × 32 (Neural A*)',
      description:
        'The same maps, trained the supervised way: the L1 distance between the search history and the optimal path.',
      params: {
        mapKind: 'random-rectangles',
        width: 32,
        height: 32,
        mapSeed: 1,
        ...PRESET_LEARNING,
        mode: 'neural-astar',
      },
    },
    {
      id: 'maze-64',
      label: 'Maze, 64 × 64',
      description:
        'A recursive-backtracker maze: the heuristic misleads, every planner works hard — and a guide learned on rectangles meets a map unlike its training.',
      params: { mapKind: 'maze-backtracker', width: 64, height: 64, mapSeed: 1, ...PRESET_LEARNING },
    },
    {
      id: 'bugtrap-64',
      label: 'Bug trap, 64 × 64',
      description:
        'The start sits in a cup that opens away from the goal: the classic trap for greedy search.',
      params: { mapKind: 'bugtrap', width: 64, height: 64, mapSeed: 1, ...PRESET_LEARNING },
    },
    {
      id: 'rooms-128',
      label: 'Rooms, 128 × 128',
      description: 'Rooms joined by doors: a larger map where guidance pays off.',
      params: { mapKind: 'rooms', width: 128, height: 128, mapSeed: 1, ...PRESET_LEARNING },
    },
  ],
};
