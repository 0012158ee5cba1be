import type { Rng } from '../../../il/rng.ts';
import { createGridMap, type GridMap, type GridScene } from './grid-map.ts';
import { placeFarApart, placeRandomApart } from './place-endpoints.ts';
import { density, fillRect } from './shapes.ts';

/**
 * Random axis-aligned rectangles (each side 2..side/4 cells) until the wall share reaches a target drawn from
 * U(0.20, 0.30); a map that overshoots 0.30 is drawn again. Start and goal are free, connected and at least
 * 0.7 × min(width, height) apart. This is how the maps of ../shared/data/neural-astar-reference were made,
 * and what iA* trains on.
 */
export function randomRectanglesScene(width: number, height: number, rng: Rng): GridScene {
  if (width < 4 || height < 4)
    throw new RangeError(`random rectangles need at least 4×4 cells, got ${width}×${height}`);
  let map: GridMap = createGridMap(width, height);
  for (let attempt = 0; attempt < 50; attempt++) {
    map = createGridMap(width, height);
    const target = rng.uniform(0.2, 0.3);
    const maxW = Math.max(2, Math.floor(width / 4));
    const maxH = Math.max(2, Math.floor(height / 4));
    while (density(map) < target) {
      const rw = rng.int(2, maxW);
      const rh = rng.int(2, maxH);
      const x = rng.int(0, width - rw);
      const y = rng.int(0, height - rh);
      fillRect(map, x, y, x + rw - 1, y + rh - 1);
    }
    if (density(map) <= 0.3) break;
  }
  return { map, ...placeRandomApart(map, rng, 0.7) };
}

/** Every cell a wall with probability `share` (Moving AI's "random" maps), start and goal far apart. */
export function randomCellsScene(width: number, height: number, rng: Rng, share = 0.25): GridScene {
  const map = createGridMap(width, height);
  for (let i = 0; i < map.blocked.length; i++) map.blocked[i] = rng.next() < share ? 1 : 0;
  if (map.blocked.every((b) => b === 1)) map.blocked[0] = 0;
  return { map, ...placeFarApart(map, rng) };
}

export function emptyScene(width: number, height: number, rng: Rng): GridScene {
  const map = createGridMap(width, height);
  return { map, ...placeFarApart(map, rng) };
}
