import type { ExampleMeta } from '../../il/example-meta';

export const iaStarMeta: ExampleMeta = {
  id: 'ia-star',
  title: 'iA*: learning to guide A*',
  teaches:
    'A*, Dijkstra, weighted A* and greedy search side by side on maps you draw, and how a learned map that guides f cuts the cells A* expands.',
  engine: 'A* on an 8-connected grid (octile moves, binary heap, typed arrays)',
  gradientPath: 'Differentiable A* relaxation of the search, self-supervised (iA*)',
  preview: 'previews/ia-star.png',
  defaults: { seed: 1, learningRate: 0.001, batchSize: 8, optimizer: 'adam' },
  usesBatch: true,
  batchSizes: [1, 4, 8, 16],
  presets: [
    {
      id: 'rectangles-32',
      label: 'Random rectangles, 32 × 32',
      description: "Neural A*'s kind of map: random rectangular obstacles, start and goal far apart.",
      params: { mapKind: 'random-rectangles', width: 32, height: 32, mapSeed: 1 },
    },
    {
      id: 'maze-64',
      label: 'Maze, 64 × 64',
      description: 'A recursive-backtracker maze: the heuristic misleads, every planner works hard.',
      params: { mapKind: 'maze-backtracker', width: 64, height: 64, mapSeed: 1 },
    },
    {
      id: 'bugtrap-64',
      label: 'Bug trap, 64 × 64',
      description:
        'The start sits in a cup that opens away from the goal: the classic trap for greedy search.',
      params: { mapKind: 'bugtrap', width: 64, height: 64, mapSeed: 1 },
    },
    {
      id: 'rooms-128',
      label: 'Rooms, 128 × 128',
      description: 'Rooms joined by doors: a larger map where guidance pays off.',
      params: { mapKind: 'rooms', width: 128, height: 128, mapSeed: 1 },
    },
  ],
};
