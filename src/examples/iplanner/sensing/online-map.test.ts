import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMERA } from './camera.ts';
import { OnlineMap } from './online-map.ts';
import { prepareRayScene, renderDepth } from './raycast.ts';
import { planOnMap } from '../planning/map-planner.ts';
import { pathCollision } from './collision.ts';
import { pointObstacleDistance } from '../worlds/geometry.ts';
import type { Obstacle } from '../worlds/types.ts';

const bounds = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
const pillar: Obstacle = { id: 0, kind: 'cylinder', x: 5, y: 5, radius: 0.4, height: 2 };
const wall: Obstacle = { id: 1, kind: 'box', x: 5, y: 4, halfX: 0.1, halfY: 3, yaw: 0, height: 1 };

function observe(map: OnlineMap, obstacles: Obstacle[], pose = { x: 2, y: 5, yaw: 0 }) {
  const depth = renderDepth(prepareRayScene(obstacles), DEFAULT_CAMERA, pose);
  return map.integrate(depth, DEFAULT_CAMERA, pose);
}

describe('online map from depth images', () => {
  it('marks nothing for the bare floor', () => {
    const map = new OnlineMap(bounds);
    expect(observe(map, [])).toBe(0);
    expect(map.occupied.reduce((a, v) => a + v, 0)).toBe(0);
  });

  it('marks only cells on the seen obstacle surface (within a cell of the exact footprint)', () => {
    const map = new OnlineMap(bounds);
    const marked = observe(map, [pillar]);
    expect(marked).toBeGreaterThan(3);
    const h = map.params.cellSize;
    for (let i = 0; i < map.occupied.length; i++) {
      if (!map.occupied[i]) continue;
      const ix = i % map.nx;
      const iy = (i - ix) / map.nx;
      // The cell holds a surface point, so its centre is within half a diagonal of the footprint.
      expect(pointObstacleDistance(pillar, (ix + 0.5) * h, (iy + 0.5) * h)).toBeLessThanOrEqual(
        h * Math.SQRT1_2 + 1e-9,
      );
    }
    // Only the side facing the camera is seen: nothing beyond the pillar's centre.
    for (let i = 0; i < map.occupied.length; i++)
      if (map.occupied[i]) expect(((i % map.nx) + 0.5) * h).toBeLessThan(5.1);
  });

  it('keeps the robot radius clear of what it has seen, and its cost map rises towards it', () => {
    const map = new OnlineMap(bounds);
    observe(map, [pillar]);
    const cost = map.costMap();
    const r = cost.params.robotRadius;
    for (let i = 0; i < cost.blocked.length; i++) {
      if (cost.blocked[i]) continue;
      const ix = i % cost.nx;
      const iy = (i - ix) / cost.nx;
      const h = cost.params.cellSize;
      // Only the seen front half can bound a free cell; every free cell near it is clear of the disc.
      if ((ix + 0.5) * h < 5)
        expect(pointObstacleDistance(pillar, (ix + 0.5) * h, (iy + 0.5) * h)).toBeGreaterThan(r);
    }
  });

  it('plans round a seen wall without touching it, and straight when nothing is seen', () => {
    const empty = new OnlineMap(bounds).costMap();
    const straight = planOnMap(empty, { x: 2, y: 4 }, { x: 8, y: 4 });
    expect(straight.found).toBe(true);
    expect(straight.length).toBeCloseTo(6, 9);

    const map = new OnlineMap(bounds);
    observe(map, [wall], { x: 2, y: 4, yaw: 0 });
    const plan = planOnMap(map.costMap(), { x: 2, y: 4 }, { x: 8, y: 4 });
    expect(plan.found).toBe(true);
    const world = { bounds, obstacles: [wall] };
    expect(pathCollision(world, plan.path, 0.3).collides).toBe(false);
    // Round the wall's top end (y = 7): longer than the straight line.
    expect(plan.length).toBeGreaterThan(8);
  });
});
