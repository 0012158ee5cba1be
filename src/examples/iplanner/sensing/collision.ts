/**
 * Exact collision check of a path against the world: the robot is a disc of radius r swept along each
 * straight segment (a capsule), tested against every obstacle footprint and the world's edge.
 */
import { boundingRadius, pointSegmentDistance, segmentObstacleDistance } from '../worlds/geometry.ts';
import type { Bounds, Obstacle, World } from '../worlds/types.ts';

export interface PathCollision {
  collides: boolean;
  /** Index of the first colliding segment (points i → i+1), or −1. */
  segment: number;
  /** Id of the obstacle hit, −1 for the world's edge or no collision. */
  obstacleId: number;
}

/** Does the disc of radius r swept from a to b touch an obstacle (closer than r) or leave the bounds? */
export function segmentCollision(
  obstacles: readonly Obstacle[],
  bounds: Bounds,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
): { collides: boolean; obstacleId: number } {
  // The free region of the bounds is convex, so the endpoints decide.
  for (const [x, y] of [
    [ax, ay],
    [bx, by],
  ]) {
    if (x < bounds.minX + r || x > bounds.maxX - r || y < bounds.minY + r || y > bounds.maxY - r)
      return { collides: true, obstacleId: -1 };
  }
  for (const o of obstacles) {
    // Cheap reject by the bounding circle first.
    if (pointSegmentDistance(o.x, o.y, ax, ay, bx, by) >= boundingRadius(o) + r) continue;
    if (segmentObstacleDistance(o, ax, ay, bx, by) < r) return { collides: true, obstacleId: o.id };
  }
  return { collides: false, obstacleId: -1 };
}

/** Check a world-frame path (interleaved [x0, y0, x1, y1, ...]) with the robot radius r. */
export function pathCollision(
  world: Pick<World, 'obstacles' | 'bounds'>,
  path: ArrayLike<number>,
  r: number,
): PathCollision {
  const m = path.length / 2;
  if (m === 1) {
    const hit = segmentCollision(world.obstacles, world.bounds, path[0], path[1], path[0], path[1], r);
    return { collides: hit.collides, segment: hit.collides ? 0 : -1, obstacleId: hit.obstacleId };
  }
  for (let i = 0; i + 1 < m; i++) {
    const hit = segmentCollision(
      world.obstacles,
      world.bounds,
      path[2 * i],
      path[2 * i + 1],
      path[2 * i + 2],
      path[2 * i + 3],
      r,
    );
    if (hit.collides) return { collides: true, segment: i, obstacleId: hit.obstacleId };
  }
  return { collides: false, segment: -1, obstacleId: -1 };
}

/** Length of an interleaved polyline. */
export function pathLength(path: ArrayLike<number>): number {
  let len = 0;
  for (let i = 2; i + 1 < path.length; i += 2)
    len += Math.hypot(path[i] - path[i - 2], path[i + 1] - path[i - 1]);
  return len;
}
