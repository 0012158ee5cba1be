/**
 * Seeded procedural worlds: the same (kind, seed, options) always gives the same world, start and goal.
 * Each generator draws from its own forked stream, so adding an option to one kind never changes another.
 */
import { createRng } from '../../../il/rng.ts';
import { buildCostMap, type CostMapParams } from '../sensing/costmap.ts';
import { sampleEpisode, type EpisodeOptions } from '../evaluation/episodes.ts';
import type { Bounds, Obstacle, Shape, World, WorldKind } from './types.ts';
import { corridorsShapes, type CorridorsOptions } from './world-corridors.ts';
import { forestShapes, type ForestOptions } from './world-forest.ts';
import { garageShapes, type GarageOptions } from './world-garage.ts';
import { roomsShapes, type RoomsOptions } from './world-rooms.ts';

export interface WorldOptions {
  /** Side of the square world (m). */
  size: number;
  forest: Partial<ForestOptions>;
  rooms: Partial<RoomsOptions>;
  corridors: Partial<CorridorsOptions>;
  garage: Partial<GarageOptions>;
  /** How the default start and goal are drawn (default scene: detour at most 1.5× the straight line). */
  episode: Partial<EpisodeOptions>;
  /** The cost map used to check the default start and goal (its robot radius matters). */
  costMap: Partial<CostMapParams>;
}

export const DEFAULT_WORLD_OPTIONS: WorldOptions = {
  size: 20,
  forest: {},
  rooms: {},
  corridors: {},
  garage: {},
  episode: {},
  costMap: {},
};

/** Give shapes their ids, in order. */
export function withIds(shapes: readonly Shape[], firstId = 0): Obstacle[] {
  return shapes.map((s, i): Obstacle => ({ ...s, id: firstId + i }));
}

export function generateWorld(kind: WorldKind, seed: number, options: Partial<WorldOptions> = {}): World {
  const o = { ...DEFAULT_WORLD_OPTIONS, ...options };
  const rng = createRng(seed).fork(kind);
  const bounds: Bounds = { minX: 0, minY: 0, maxX: o.size, maxY: o.size };
  const layout = rng.fork('layout');
  const shapes =
    kind === 'forest'
      ? forestShapes(layout, bounds, o.forest)
      : kind === 'rooms'
        ? roomsShapes(layout, bounds, o.rooms)
        : kind === 'corridors'
          ? corridorsShapes(layout, bounds, o.corridors)
          : garageShapes(layout, bounds, o.garage);
  const obstacles = withIds(shapes);
  const map = buildCostMap({ bounds, obstacles }, o.costMap);
  const episodeOptions = { maxDetour: 1.5, ...o.episode };
  const episode = sampleEpisode({ bounds, obstacles }, map, rng.fork('episode'), episodeOptions) ?? {
    // A fallback the editor can fix by hand: the centre, facing east.
    start: { x: o.size / 2, y: o.size / 2, yaw: 0 },
    goal: { x: o.size / 2 + 1, y: o.size / 2 },
  };
  return {
    kind,
    seed,
    bounds,
    obstacles,
    start: episode.start,
    goal: episode.goal,
    nextId: obstacles.length,
  };
}
