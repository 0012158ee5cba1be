import { createRng, type Rng } from '../../../il/rng.ts';
import { backtrackerMaze, braidMaze, wilsonMaze } from './gen-mazes.ts';
import {
  alternatingGapsScene,
  bugtrapScene,
  forestScene,
  gapsAndForestScene,
  gapsScene,
  multipleBugtrapsScene,
  roomsScene,
  shiftingGapsScene,
} from './gen-motion-planning.ts';
import { emptyScene, randomCellsScene, randomRectanglesScene } from './gen-random.ts';
import type { GridMap, GridScene } from './grid-map.ts';
import { placeFarApart } from './place-endpoints.ts';

export type MapKind =
  | 'maze-backtracker'
  | 'maze-wilson'
  | 'maze-braid'
  | 'forest'
  | 'bugtrap'
  | 'gaps'
  | 'alternating-gaps'
  | 'shifting-gaps'
  | 'multiple-bugtraps'
  | 'gaps-and-forest'
  | 'rooms'
  | 'random-rectangles'
  | 'random-cells'
  | 'empty';

export interface MapKindInfo {
  kind: MapKind;
  label: string;
  description: string;
}

export interface GenerateOptions {
  width: number;
  height: number;
  seed: number;
}

function withFarEndpoints(make: (w: number, h: number, rng: Rng) => GridMap) {
  return (w: number, h: number, rng: Rng): GridScene => {
    const map = make(w, h, rng);
    return { map, ...placeFarApart(map, rng) };
  };
}

const BUILDERS: Record<MapKind, (w: number, h: number, rng: Rng) => GridScene> = {
  'maze-backtracker': withFarEndpoints(backtrackerMaze),
  'maze-wilson': withFarEndpoints(wilsonMaze),
  'maze-braid': withFarEndpoints((w, h, rng) => braidMaze(w, h, rng)),
  forest: forestScene,
  bugtrap: bugtrapScene,
  gaps: gapsScene,
  'alternating-gaps': alternatingGapsScene,
  'shifting-gaps': shiftingGapsScene,
  'multiple-bugtraps': multipleBugtrapsScene,
  'gaps-and-forest': gapsAndForestScene,
  rooms: roomsScene,
  'random-rectangles': randomRectanglesScene,
  'random-cells': (w, h, rng) => randomCellsScene(w, h, rng),
  empty: emptyScene,
};

export const MAP_KINDS: readonly MapKindInfo[] = [
  {
    kind: 'maze-backtracker',
    label: 'Maze (recursive backtracker)',
    description: 'Long winding one-cell corridors, few branches.',
  },
  {
    kind: 'maze-wilson',
    label: "Maze (Wilson's algorithm)",
    description: 'A uniformly random spanning tree: many short dead ends.',
  },
  {
    kind: 'maze-braid',
    label: 'Braid maze',
    description: 'A backtracker maze with a tenth of its inner walls removed, so routes loop.',
  },
  {
    kind: 'forest',
    label: 'Forest',
    description: 'Round trees scattered until 15–25 % of the map is blocked.',
  },
  {
    kind: 'bugtrap',
    label: 'Bug trap',
    description: 'The start sits in a cup that opens away from the goal.',
  },
  { kind: 'gaps', label: 'Gaps', description: 'One wall across the map with a single gap.' },
  {
    kind: 'alternating-gaps',
    label: 'Alternating gaps',
    description: 'Several walls whose gaps alternate between the two ends.',
  },
  { kind: 'shifting-gaps', label: 'Shifting gaps', description: 'Several walls whose gaps drift at random.' },
  {
    kind: 'multiple-bugtraps',
    label: 'Multiple bug traps',
    description: 'Three to six cups facing every way; the start sits in one.',
  },
  {
    kind: 'gaps-and-forest',
    label: 'Gaps and forest',
    description: 'A wall with one gap in a sparse forest.',
  },
  {
    kind: 'rooms',
    label: 'Rooms',
    description: 'Rooms of random size joined by doors; every room reachable.',
  },
  {
    kind: 'random-rectangles',
    label: 'Random rectangles (20–30 %)',
    description: "Neural A*'s data: random rectangles up to a quarter of the side.",
  },
  {
    kind: 'random-cells',
    label: 'Random cells (25 %)',
    description: 'Each cell a wall with probability 0.25 (Moving AI "random" maps).',
  },
  { kind: 'empty', label: 'Empty', description: 'No walls.' },
];

export function isMapKind(value: string): value is MapKind {
  return Object.hasOwn(BUILDERS, value);
}

/** A seeded map of the given class with a start and goal far apart in one connected component. */
export function generateMap(kind: MapKind, { width, height, seed }: GenerateOptions): GridScene {
  const builder = BUILDERS[kind];
  if (!builder) throw new RangeError(`unknown map kind '${String(kind)}'`);
  return builder(width, height, createRng(seed).fork(kind));
}
