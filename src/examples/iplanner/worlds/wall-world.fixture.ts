import type { World } from './types.ts';

/** Test fixture: a thin wall across the straight way from start to goal, so every route must go round one end. */
export function wallWorld(): World {
  return {
    kind: 'rooms',
    seed: 0,
    bounds: { minX: 0, minY: 0, maxX: 12, maxY: 12 },
    obstacles: [{ id: 0, kind: 'box', x: 6, y: 5, halfX: 0.1, halfY: 3.5, yaw: 0, height: 1.5 }],
    start: { x: 2, y: 5, yaw: 0 },
    goal: { x: 10, y: 5 },
    nextId: 1,
  };
}
