import { createRng } from '../../../il/rng.ts';
import { parseMovingAiMap } from '../formats/format-movingai-map.ts';
import { parseScen } from '../formats/format-movingai-scen.ts';
import { cellOf } from '../maps/grid-map.ts';
import type { MapKind } from '../maps/generate-map.ts';
import { generateQueries, type GridQuery } from './data.ts';

/**
 * The held-out evaluation suite by map class: random obstacles, rooms, mazes (generated at several sides from seeds
 * forked apart from every training split) and game maps (Moving AI's arena and den312d with their own scenarios,
 * read from ../shared/data when it is there). Training never sees any of these maps.
 */
export interface ClassQueries {
  id: string;
  label: string;
  queries: GridQuery[];
}

export const GENERATED_CLASSES: readonly { id: string; label: string; kind: MapKind }[] = [
  { id: 'random', label: 'random obstacles (cells)', kind: 'random-cells' },
  { id: 'rooms', label: 'rooms', kind: 'rooms' },
  { id: 'maze', label: 'mazes (backtracker)', kind: 'maze-backtracker' },
];

/** The suite's maps are the same for every training seed, so seeds are compared on the same queries. */
export const CLASS_SUITE_SEED = 14;

export const SUITE_SIDES = [32, 64, 128] as const;

/** Moving AI game maps (shared data) and how many of their longest-bucket scenarios to plan. */
export const GAME_MAPS = ['movingai/arena.map', 'movingai/den312d.map'] as const;

/** Seeds of the suite: a fork of its own, apart from the 'ia-star-train' / '-validation' / '-test' forks. */
export function suiteSeeds(seed: number, classId: string, side: number, count: number): number[] {
  const rng = createRng(seed).fork(`ia-star-class-suite/${classId}/${side}`);
  return Array.from({ length: count }, () => rng.seed());
}

export function generatedClassQueries(seed: number, mapsPerSide: number): ClassQueries[] {
  return GENERATED_CLASSES.map(({ id, label, kind }) => ({
    id,
    label,
    queries: SUITE_SIDES.flatMap((side) =>
      generateQueries(kind, side, suiteSeeds(seed, id, side, mapsPerSide)),
    ),
  }));
}

/**
 * Scenarios of one Moving AI map: `count` spread evenly over the upper half of its buckets (the long queries, where
 * search area is worth saving); null where the files are absent.
 */
export function gameMapQueries(
  readSharedData: (path: string) => Uint8Array | null,
  mapPath: string,
  count: number,
): GridQuery[] | null {
  const mapBytes = readSharedData(mapPath);
  const scenBytes = readSharedData(`${mapPath}.scen`);
  if (!mapBytes || !scenBytes) return null;
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  const map = parseMovingAiMap(decode(mapBytes));
  const scen = parseScen(decode(scenBytes));
  const top = Math.max(...scen.map((s) => s.bucket));
  const long = scen.filter((s) => s.bucket >= top / 2);
  const step = Math.max(1, long.length / count);
  const picked = Array.from({ length: Math.min(count, long.length) }, (_, i) => long[Math.floor(i * step)]);
  return picked.map((s) => ({ map, start: cellOf(map, s.start), goal: cellOf(map, s.goal) }));
}

/** The whole suite; the game class is left out (and said so by the caller) where the shared data is absent. */
export function classSuite(
  seed: number,
  mapsPerSide: number,
  gameQueriesPerMap: number,
  readSharedData: (path: string) => Uint8Array | null,
): ClassQueries[] {
  const suite = generatedClassQueries(seed, mapsPerSide);
  const game = GAME_MAPS.map((p) => gameMapQueries(readSharedData, p, gameQueriesPerMap));
  if (game.every((g) => g !== null))
    suite.push({ id: 'game', label: 'game maps (Moving AI arena, den312d)', queries: game.flat() });
  return suite;
}
