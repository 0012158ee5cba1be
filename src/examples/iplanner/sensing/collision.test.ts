import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { pathCollision, pathLength } from './collision.ts';
import {
  pointObstacleDistance,
  robotPathToWorld,
  robotToWorld,
  segmentObstacleDistance,
  worldToRobot,
} from '../worlds/geometry.ts';
import type { Obstacle, Shape } from '../worlds/types.ts';

function randomShape(rng: ReturnType<typeof createRng>): Shape {
  return rng.next() < 0.5
    ? {
        kind: 'cylinder',
        x: rng.uniform(-1, 1),
        y: rng.uniform(-1, 1),
        radius: rng.uniform(0.1, 0.8),
        height: 1,
      }
    : {
        kind: 'box',
        x: rng.uniform(-1, 1),
        y: rng.uniform(-1, 1),
        halfX: rng.uniform(0.05, 0.9),
        halfY: rng.uniform(0.05, 0.9),
        yaw: rng.uniform(-Math.PI, Math.PI),
        height: 1,
      };
}

describe('footprint geometry', () => {
  it('segment–footprint distance equals the minimum over densely sampled points of the segment', () => {
    const rng = createRng(31);
    for (let trial = 0; trial < 200; trial++) {
      const s = randomShape(rng);
      const [ax, ay, bx, by] = [0, 0, 0, 0].map(() => rng.uniform(-3, 3));
      let brute = Infinity;
      const steps = 4000;
      for (let i = 0; i <= steps; i++)
        brute = Math.min(
          brute,
          pointObstacleDistance(s, ax + ((bx - ax) * i) / steps, ay + ((by - ay) * i) / steps),
        );
      const d = segmentObstacleDistance(s, ax, ay, bx, by);
      // Sampling can only overestimate, by at most half a step along the segment.
      expect(d).toBeLessThanOrEqual(brute + 1e-12);
      expect(brute - d).toBeLessThan(Math.hypot(bx - ax, by - ay) / steps);
    }
  });

  it('point–box distance is exact at known points of a rotated box', () => {
    const box: Shape = { kind: 'box', x: 1, y: 2, halfX: 1, halfY: 0.5, yaw: Math.PI / 2, height: 1 };
    expect(pointObstacleDistance(box, 1, 2)).toBe(0);
    expect(pointObstacleDistance(box, 1, 3.5)).toBeCloseTo(0.5, 12); // along the box's long axis (now y)
    expect(pointObstacleDistance(box, 2.5, 2)).toBeCloseTo(1, 12);
    expect(pointObstacleDistance(box, 1.5 + 3, 3 + 4)).toBeCloseTo(5, 12); // from the corner (1.5, 3)
  });

  it('robot ↔ world frames are inverse to each other', () => {
    const pose = { x: 2, y: -1, yaw: 2.1 };
    const p = robotToWorld(pose, { x: 0.7, y: -0.3 });
    const q = worldToRobot(pose, p);
    expect(q.x).toBeCloseTo(0.7, 12);
    expect(q.y).toBeCloseTo(-0.3, 12);
    const path = robotPathToWorld(pose, [0.7, -0.3, 0, 0]);
    expect(path[0]).toBeCloseTo(p.x, 12);
    expect(path[3]).toBeCloseTo(-1, 12);
  });
});

describe('swept-disc path collision', () => {
  const world = {
    bounds: { minX: 0, minY: 0, maxX: 10, maxY: 10 },
    obstacles: [
      { id: 7, kind: 'cylinder', x: 5, y: 5, radius: 1, height: 1 },
      { id: 8, kind: 'box', x: 8, y: 2, halfX: 0.5, halfY: 0.5, yaw: 0.3, height: 1 },
    ] as Obstacle[],
  };

  it('collides exactly when the disc comes closer than its radius', () => {
    // Passing the cylinder 1.3 m from its centre: clear of the surface by 0.3.
    expect(pathCollision(world, [1, 6.3, 9, 6.3], 0.29).collides).toBe(false);
    const hit = pathCollision(world, [1, 1, 1, 6.3, 9, 6.3], 0.31);
    expect(hit).toEqual({ collides: true, segment: 1, obstacleId: 7 });
  });

  it('counts leaving the world as a collision with its edge', () => {
    expect(pathCollision(world, [1, 1, 0.2, 1], 0.3)).toEqual({ collides: true, segment: 0, obstacleId: -1 });
  });

  it('measures polyline length', () => {
    expect(pathLength([0, 0, 3, 4, 3, 5])).toBeCloseTo(6, 12);
  });
});
