import { createRng } from '../../../il/rng.ts';
import { generateMap, type MapKind } from '../maps/generate-map.ts';
import { cellOf, type GridMap } from '../maps/grid-map.ts';
import { planOnce } from '../search/search.ts';

/** One planning problem x = (map, start, goal) as the network and the differentiable search see it. */
export interface GridQuery {
  map: GridMap;
  start: number;
  goal: number;
}

export type Split = 'train' | 'validation' | 'test';

/** Seeds of the three splits never overlap: each split is its own fork of the data seed. */
export function splitSeeds(seed: number, split: Split, count: number): number[] {
  const rng = createRng(seed).fork(`ia-star-${split}`);
  return Array.from({ length: count }, () => rng.seed());
}

/** The classes of the 'mixed' training distribution, taken in turn (map i is of class i mod their count). */
export const MIXED_TRAINING_KINDS: readonly MapKind[] = [
  'random-cells',
  'rooms',
  'random-rectangles',
  'maze-braid',
  'forest',
  'gaps-and-forest',
  'multiple-bugtraps',
  'shifting-gaps',
];

export function generateQueries(
  kind: MapKind | 'mixed',
  side: number,
  seeds: readonly number[],
): GridQuery[] {
  return seeds.map((s, i) => {
    const k = kind === 'mixed' ? MIXED_TRAINING_KINDS[i % MIXED_TRAINING_KINDS.length] : kind;
    const scene = generateMap(k, { width: side, height: side, seed: s });
    return { map: scene.map, start: cellOf(scene.map, scene.start), goal: cellOf(scene.map, scene.goal) };
  });
}

/** The optimal path as a 0/1 map (Neural A*'s supervision), from the classic engine. */
export function optimalPathMap(q: GridQuery): { pathMap: Uint8Array; length: number } {
  const { map } = q;
  const r = planOnce(map, pointAt(map, q.start), pointAt(map, q.goal), { planner: 'astar' });
  const pathMap = new Uint8Array(map.width * map.height);
  for (const c of r.path) pathMap[c] = 1;
  return { pathMap, length: r.pathLength };
}

export function pointAt(map: GridMap, cell: number) {
  return { x: cell % map.width, y: Math.floor(cell / map.width) };
}
