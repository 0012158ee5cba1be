import { describe, expect, it } from 'vitest';
import { classicalPlan, shortestPathLength } from './baseline.ts';
import { pathCollision, pathLength } from '../sensing/collision.ts';
import { buildCostMap } from '../sensing/costmap.ts';
import { navigationMetrics, splTerm } from '../evaluation/metrics.ts';
import { shortcutPath, splineThrough } from './smoothing.ts';
import type { Obstacle } from '../worlds/types.ts';
import { WORLD_KINDS } from '../worlds/types.ts';
import { generateWorld } from '../worlds/worlds.ts';

describe('classical baseline', () => {
  it('plans the straight line in an empty world', () => {
    const world = { bounds: { minX: 0, minY: 0, maxX: 10, maxY: 6 }, obstacles: [] };
    const map = buildCostMap(world);
    const plan = classicalPlan(world, map, { x: 1.03, y: 1.17 }, { x: 8.71, y: 4.42 });
    expect(plan.success).toBe(true);
    expect(plan.length).toBeCloseTo(Math.hypot(8.71 - 1.03, 4.42 - 1.17), 9);
  });

  it('goes round a wall along the shortest way for a disc (tangent to the inflated end)', () => {
    // A thin wall from y = 0 to y = 6 at x = 5 in a 10 × 10 world; start and goal on either side.
    const wall: Obstacle = { id: 0, kind: 'box', x: 5, y: 3, halfX: 0.05, halfY: 3, yaw: 0, height: 1 };
    const world = { bounds: { minX: 0, minY: 0, maxX: 10, maxY: 10 }, obstacles: [wall] };
    const map = buildCostMap(world);
    const start = { x: 2, y: 3 };
    const goal = { x: 8, y: 3 };
    const r = map.params.robotRadius;
    // Exact shortest path of a disc: around the quarter-circles of radius r about the wall's top corners.
    const c1 = { x: 4.95, y: 6 };
    const c2 = { x: 5.05, y: 6 };
    const tangent = (p: { x: number; y: number }, c: { x: number; y: number }) => {
      const d = Math.hypot(p.x - c.x, p.y - c.y);
      return { len: Math.sqrt(d * d - r * r), ang: Math.atan2(c.y - p.y, c.x - p.x) + Math.asin(r / d) };
    };
    const t1 = tangent(start, c1);
    const t2 = tangent(goal, c2);
    // On each corner's circle the heading turns from the tangent's direction to horizontal (symmetric case);
    // between the two circles' tops runs the 0.1 m wall top.
    expect(t2.len).toBeCloseTo(t1.len, 12);
    const exact = 2 * t1.len + 0.1 + 2 * t1.ang * r;
    const plan = classicalPlan(world, map, start, goal);
    expect(plan.success).toBe(true);
    expect(pathCollision(world, plan.path, r).collides).toBe(false);
    expect(plan.length).toBeGreaterThanOrEqual(exact - 1e-9);
    const shortest = shortestPathLength(world, map, start, goal);
    expect(shortest).toBeGreaterThanOrEqual(exact - 1e-9);
    expect(shortest).toBeLessThan(exact * 1.03);
  });

  it('succeeds on the default scene of generated worlds of every kind', () => {
    for (const kind of WORLD_KINDS)
      for (const seed of [0, 1]) {
        const world = generateWorld(kind, seed);
        const map = buildCostMap(world);
        const plan = classicalPlan(world, map, world.start, world.goal);
        expect(plan.success).toBe(true);
        expect(plan.length).toBeGreaterThanOrEqual(
          Math.hypot(world.goal.x - world.start.x, world.goal.y - world.start.y),
        );
        expect(plan.ms).toBeGreaterThan(0);
      }
  });

  it('fails cleanly when the goal is enclosed', () => {
    const ring: Obstacle[] = [
      { id: 0, kind: 'box', x: 7, y: 5, halfX: 1.5, halfY: 0.1, yaw: 0, height: 1 },
      { id: 1, kind: 'box', x: 7, y: 8, halfX: 1.5, halfY: 0.1, yaw: 0, height: 1 },
      { id: 2, kind: 'box', x: 5.5, y: 6.5, halfX: 0.1, halfY: 1.6, yaw: 0, height: 1 },
      { id: 3, kind: 'box', x: 8.5, y: 6.5, halfX: 0.1, halfY: 1.6, yaw: 0, height: 1 },
    ];
    const world = { bounds: { minX: 0, minY: 0, maxX: 10, maxY: 10 }, obstacles: ring };
    const plan = classicalPlan(world, buildCostMap(world), { x: 2, y: 2 }, { x: 7, y: 6.5 });
    expect(plan.success).toBe(false);
    expect(plan.length).toBe(Infinity);
  });
});

describe('smoothing', () => {
  it('shortcuts to the free straight segment and never lengthens the path', () => {
    const zigzag = [0, 0, 1, 1, 2, 0, 3, 1, 4, 0];
    const all = shortcutPath(zigzag, () => true);
    expect([...all]).toEqual([0, 0, 4, 0]);
    const none = shortcutPath(zigzag, () => false);
    expect([...none]).toEqual(zigzag);
    const some = shortcutPath(zigzag, (ax, _ay, bx) => bx - ax <= 2);
    expect(pathLength(some)).toBeLessThanOrEqual(pathLength(zigzag));
  });

  it('splines through every vertex', () => {
    const poly = [0, 0, 2, 1, 3, 3, 5, 3];
    const curve = splineThrough(poly, 0.05);
    for (let i = 0; i < poly.length; i += 2) {
      let best = Infinity;
      for (let j = 0; j < curve.length; j += 2)
        best = Math.min(best, Math.hypot(curve[j] - poly[i], curve[j + 1] - poly[i + 1]));
      expect(best).toBeLessThan(1e-12);
    }
  });
});

describe('navigation metrics', () => {
  it('computes success rate, SPL and mean length', () => {
    const m = navigationMetrics([
      { success: true, pathLength: 12, shortestLength: 10, msPerPlan: 2 },
      { success: true, pathLength: 9.5, shortestLength: 10, msPerPlan: 4 },
      { success: false, pathLength: 3, shortestLength: 10, msPerPlan: 6 },
    ]);
    expect(m.successRate).toBeCloseTo(2 / 3, 12);
    expect(m.spl).toBeCloseTo((10 / 12 + 1 + 0) / 3, 12);
    expect(m.meanPathLength).toBeCloseTo(10.75, 12);
    expect(m.msPerPlan).toBeCloseTo(4, 12);
    expect(splTerm(true, 5, Infinity)).toBe(0);
  });
});
