/**
 * Held-out splits by seed: world seeds of the train, validation and test splits never overlap
 * (seed = 3·index + 0, 1 or 2), so evaluation always runs on worlds that training never saw.
 */
import { createRng } from '../../../il/rng.ts';
import { buildCostMap, type CostMap } from '../sensing/costmap.ts';
import { freeComponents, sampleEpisode, type Episode, type EpisodeOptions } from '../evaluation/episodes.ts';
import type { World, WorldKind } from '../worlds/types.ts';
import { generateWorld, type WorldOptions } from '../worlds/worlds.ts';

export type Split = 'train' | 'validation' | 'test';

const SPLIT_OFFSET: Record<Split, number> = { train: 0, validation: 1, test: 2 };

/** The world seed of the index-th world of a split. */
export function splitSeed(split: Split, index: number): number {
  return 3 * index + SPLIT_OFFSET[split];
}

/** The split a world seed belongs to. */
export function splitOfSeed(seed: number): Split {
  return (['train', 'validation', 'test'] as const)[((seed % 3) + 3) % 3];
}

export interface WorldEpisodes {
  world: World;
  map: CostMap;
  episodes: Episode[];
}

/**
 * `worlds` worlds of each kind from a split (world indices firstIndex, firstIndex + 1, ...), each with its
 * cost map and `perWorld` sampled episodes (seeded by the world seed).
 */
export function episodeSet(
  kinds: readonly WorldKind[],
  split: Split,
  worlds: number,
  perWorld: number,
  options: { firstIndex?: number; world?: Partial<WorldOptions>; episode?: Partial<EpisodeOptions> } = {},
): WorldEpisodes[] {
  const out: WorldEpisodes[] = [];
  for (const kind of kinds)
    for (let i = 0; i < worlds; i++) {
      const seed = splitSeed(split, (options.firstIndex ?? 0) + i);
      const world = generateWorld(kind, seed, options.world);
      const map = buildCostMap(world, options.world?.costMap);
      const components = freeComponents(map);
      const rng = createRng(seed).fork(`episodes-${kind}`);
      const episodes: Episode[] = [];
      for (let e = 0; e < perWorld; e++) {
        const ep = sampleEpisode(world, map, rng, options.episode, components);
        if (ep) episodes.push(ep);
      }
      out.push({ world, map, episodes });
    }
  return out;
}
