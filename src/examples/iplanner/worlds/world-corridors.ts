/**
 * Corridors: a maze of corridors on a grid of cells (a random spanning tree of the cells, so everything is
 * reachable) with a few extra openings so that there is more than one way round.
 */
import type { Rng } from '../../../il/rng.ts';
import type { Bounds, Shape } from './types.ts';
import { mergeWalls, perimeterWalls, wallBox, type WallSegment } from './world-parts.ts';
import { edgeKey, spanningTreeEdges } from './world-rooms.ts';

export interface CorridorsOptions {
  /** Maze cell size (m): the corridor width plus one wall. */
  cellSize: number;
  /** Probability of opening a wall that the maze kept. */
  braidProbability: number;
}

export const DEFAULT_CORRIDORS: CorridorsOptions = { cellSize: 2.5, braidProbability: 0.12 };

export function corridorsShapes(rng: Rng, b: Bounds, options: Partial<CorridorsOptions> = {}): Shape[] {
  const o = { ...DEFAULT_CORRIDORS, ...options };
  const n = Math.max(2, Math.round((b.maxX - b.minX) / o.cellSize));
  const sx = (b.maxX - b.minX) / n;
  const sy = (b.maxY - b.minY) / n;
  const open = spanningTreeEdges(rng, n);
  const segments: WallSegment[] = perimeterWalls(b, 0.2);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++)
      for (const horizontal of [false, true]) {
        const ni = horizontal ? i : i + 1;
        const nj = horizontal ? j + 1 : j;
        if (ni >= n || nj >= n) continue;
        if (open.has(edgeKey(j * n + i, nj * n + ni)) || rng.next() < o.braidProbability) continue;
        const at = horizontal ? b.minY + nj * sy : b.minX + ni * sx;
        const lo = horizontal ? b.minX + i * sx : b.minY + j * sy;
        segments.push({ horizontal, at, lo, hi: lo + (horizontal ? sx : sy) });
      }
  return mergeWalls(segments).map((s) => wallBox(s, 0.2, 2.2, b));
}
