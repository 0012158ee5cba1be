/**
 * Cluttered garage: rows of parked cars along the walls and a middle row (with a cross aisle), pillars,
 * and clutter (boxes rotated about z, barrels, cones) kept passable by a minimum gap.
 */
import type { Rng } from '../../../il/rng.ts';
import type { Bounds, Shape } from './types.ts';
import { gapToOthers, mergeWalls, perimeterWalls, wallBox } from './world-parts.ts';

export interface GarageOptions {
  /** Probability that a parking slot holds a car. */
  occupancy: number;
  /** Clutter items (min and max). */
  clutterMin: number;
  clutterMax: number;
}

export const DEFAULT_GARAGE: GarageOptions = { occupancy: 0.7, clutterMin: 6, clutterMax: 12 };

const CAR_HALF_WIDTH = 0.95;
const CAR_HALF_LENGTH = 2.2;
const SLOT = 2.6;

export function garageShapes(rng: Rng, b: Bounds, options: Partial<GarageOptions> = {}): Shape[] {
  const o = { ...DEFAULT_GARAGE, ...options };
  const walls = mergeWalls(perimeterWalls(b, 0.2)).map((s) => wallBox(s, 0.2, 2.5, b));
  const shapes: Shape[] = [...walls];
  const car = (x: number, y: number): Shape => ({
    kind: 'box',
    x,
    y,
    halfX: CAR_HALF_WIDTH,
    halfY: CAR_HALF_LENGTH,
    yaw: rng.uniform(-0.06, 0.06),
    height: 1.5,
  });
  const rowY = [b.minY + 0.5 + CAR_HALF_LENGTH, b.maxY - 0.5 - CAR_HALF_LENGTH];
  for (const y of rowY)
    for (let x = b.minX + 1.6; x <= b.maxX - 1.6; x += SLOT)
      if (rng.next() < o.occupancy) shapes.push(car(x, y));
  // A middle row when there is room for two lanes of ≥ 2.8 m beside it.
  const midY = (b.minY + b.maxY) / 2;
  const needed = 2 * (0.5 + 2 * CAR_HALF_LENGTH) + 2 * 2.8 + 2 * CAR_HALF_LENGTH;
  if (b.maxY - b.minY >= needed) {
    const xs: number[] = [];
    for (let x = b.minX + 3.6; x <= b.maxX - 3.6; x += SLOT) xs.push(x);
    const aisle = xs.length > 2 ? rng.int(1, xs.length - 2) : -1;
    xs.forEach((x, i) => {
      if (i !== aisle && rng.next() < o.occupancy) shapes.push(car(x, midY));
      // Pillars in every other gap between slots.
      if (i % 2 === 1 && i + 1 < xs.length)
        shapes.push({ kind: 'box', x: x + SLOT / 2, y: midY, halfX: 0.2, halfY: 0.2, yaw: 0, height: 2.5 });
    });
  }
  const clutter = rng.int(o.clutterMin, o.clutterMax);
  for (let n = 0, tries = 0; n < clutter && tries < clutter * 80; tries++) {
    const x = rng.uniform(b.minX + 0.8, b.maxX - 0.8);
    const y = rng.uniform(b.minY + 0.8, b.maxY - 0.8);
    const pick = rng.next();
    const item: Shape =
      pick < 0.5
        ? {
            kind: 'box',
            x,
            y,
            halfX: rng.uniform(0.2, 0.5),
            halfY: rng.uniform(0.2, 0.5),
            yaw: rng.uniform(0, Math.PI),
            height: rng.uniform(0.3, 1.0),
          }
        : pick < 0.8
          ? { kind: 'cylinder', x, y, radius: rng.uniform(0.28, 0.32), height: 0.9 }
          : { kind: 'cylinder', x, y, radius: 0.15, height: 0.5 };
    if (gapToOthers(item, shapes) < 0.9) continue;
    shapes.push(item);
    n++;
  }
  return shapes;
}
