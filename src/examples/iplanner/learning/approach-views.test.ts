import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { pathCollision } from '../sensing/collision.ts';
import { pointClearance } from '../worlds/geometry.ts';
import { approachView, pointAt } from './approach-views.ts';
import { prepareWorld } from './training-data.ts';
import { generateWorld } from '../worlds/worlds.ts';
import { wallWorld } from '../worlds/wall-world.fixture.ts';

describe('approach-route training views', () => {
  it('finds the point at an arc length along a polyline, clamped to its ends', () => {
    const path = [0, 0, 3, 0, 3, 4];
    expect(pointAt(path, 1.5)).toEqual({ x: 1.5, y: 0 });
    expect(pointAt(path, 5)).toEqual({ x: 3, y: 2 });
    expect(pointAt(path, 99)).toEqual({ x: 3, y: 4 });
  });

  it('takes views on the route round a wall, facing along it, clear of obstacles', () => {
    const world = wallWorld();
    const prepared = prepareWorld(world);
    const rng = createRng(7);
    for (let i = 0; i < 30; i++) {
      const v = approachView(prepared, world.start, world.goal, rng, {
        cacheSize: 1,
        lateralStd: 0,
        yawStd: 0,
      });
      expect(v).not.toBeNull();
      if (!v) continue;
      expect(v.goal).toEqual(world.goal);
      expect(pointClearance(world.obstacles, world.bounds, v.pose.x, v.pose.y)).toBeGreaterThan(0.3);
      // Facing 1.5 m along a collision-free route: the short straight segment ahead is free too.
      const ahead = [
        v.pose.x,
        v.pose.y,
        v.pose.x + 0.3 * Math.cos(v.pose.yaw),
        v.pose.y + 0.3 * Math.sin(v.pose.yaw),
      ];
      expect(pathCollision(world, ahead, 0.25).collides).toBe(false);
    }
  });

  it('is deterministic per stream and reuses at most cacheSize routes per world', () => {
    const w = generateWorld('forest', 0).start;
    const goals = [
      { x: w.x + 3, y: w.y },
      { x: w.x, y: w.y + 3 },
      { x: w.x - 3, y: w.y },
    ];
    const draw = () => {
      // A fresh world bundle: the route cache belongs to the prepared world.
      const prepared = prepareWorld(generateWorld('forest', 0));
      const rng = createRng(3);
      return goals.concat(goals).map((g) => approachView(prepared, w, g, rng, { cacheSize: 2 }));
    };
    const a = draw();
    expect(a).toEqual(draw());
    const used = new Set(a.map((v) => (v ? `${v.goal.x},${v.goal.y}` : 'none')));
    expect(used.size).toBeLessThanOrEqual(2);
  });
});
