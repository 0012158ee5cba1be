/** Forest: tree trunks (tall cylinders) and low bushes scattered with a minimum gap, inside a low fence. */
import type { Rng } from '../../../il/rng.ts';
import type { Bounds, Shape } from './types.ts';
import { gapToOthers, mergeWalls, perimeterWalls, wallBox } from './world-parts.ts';

export interface ForestOptions {
  /** Trunks per square metre. */
  treeDensity: number;
  /** Smallest gap (m) between two footprints. */
  minGap: number;
}

export const DEFAULT_FOREST: ForestOptions = { treeDensity: 0.1, minGap: 1.2 };

export function forestShapes(rng: Rng, b: Bounds, options: Partial<ForestOptions> = {}): Shape[] {
  const o = { ...DEFAULT_FOREST, ...options };
  const fence = mergeWalls(perimeterWalls(b, 0.1)).map((s) => wallBox(s, 0.1, 1.0, b));
  const area = (b.maxX - b.minX) * (b.maxY - b.minY);
  const trees = Math.round(o.treeDensity * area);
  const bushes = Math.round(0.15 * trees);
  const placed: Shape[] = [];
  const place = (make: () => Shape, count: number) => {
    for (let n = 0, tries = 0; n < count && tries < count * 60; tries++) {
      const s = make();
      if (gapToOthers(s, placed) >= o.minGap) {
        placed.push(s);
        n++;
      }
    }
  };
  const margin = 1.0; // keep a lane along the fence
  const at = (r: number) => ({
    x: rng.uniform(b.minX + margin + r, b.maxX - margin - r),
    y: rng.uniform(b.minY + margin + r, b.maxY - margin - r),
  });
  place(() => {
    const radius = rng.uniform(0.15, 0.4);
    return { kind: 'cylinder', ...at(radius), radius, height: rng.uniform(4, 9) };
  }, trees);
  place(() => {
    const radius = rng.uniform(0.3, 0.6);
    return { kind: 'cylinder', ...at(radius), radius, height: rng.uniform(0.4, 0.9) };
  }, bushes);
  return [...fence, ...placed];
}
