import { describe, expect, it } from 'vitest';
import { bfsDistances } from './connectivity.ts';
import { generateMap, isMapKind, MAP_KINDS, type MapKind } from './generate-map.ts';
import { countBlocked, mapsEqual } from './grid-map.ts';
import { planOnce } from '../search/search.ts';

const SIZES: [number, number][] = [
  [32, 32],
  [64, 64],
  [48, 20],
  [128, 96],
];

describe('map generators', () => {
  it('list every kind once, each with a label', () => {
    const kinds = MAP_KINDS.map((k) => k.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.length).toBe(14);
    for (const k of MAP_KINDS) {
      expect(isMapKind(k.kind)).toBe(true);
      expect(k.label.length).toBeGreaterThan(2);
    }
    expect(isMapKind('volcano')).toBe(false);
    expect(() => generateMap('volcano' as MapKind, { width: 32, height: 32, seed: 1 })).toThrow(
      /unknown map kind/,
    );
  });

  it.each(MAP_KINDS.map((k) => k.kind))(
    '%s: deterministic per seed, start and goal free, connected and far apart',
    (kind) => {
      for (const [width, height] of SIZES) {
        for (const seed of [1, 2, 3]) {
          const a = generateMap(kind, { width, height, seed });
          const b = generateMap(kind, { width, height, seed });
          expect(mapsEqual(a.map, b.map)).toBe(true);
          expect([a.start, a.goal]).toEqual([b.start, b.goal]);
          expect([a.map.width, a.map.height]).toEqual([width, height]);
          const { map, start, goal } = a;
          expect(map.blocked[start.y * width + start.x]).toBe(0);
          expect(map.blocked[goal.y * width + goal.x]).toBe(0);
          const steps = bfsDistances(map, start)[goal.y * width + goal.x];
          expect(steps, `${kind} ${width}×${height} seed ${seed}: connected`).toBeGreaterThan(0);
          // Far apart: at least half the shorter side in straight steps (and never a trivial query).
          expect(steps, `${kind} ${width}×${height} seed ${seed}: far apart`).toBeGreaterThanOrEqual(
            Math.min(width, height) / 2,
          );
          expect(planOnce(map, start, goal).success).toBe(true);
        }
        // Different seeds give different maps (the empty map has nothing to vary but its endpoints).
        if (kind !== 'empty') {
          expect(
            mapsEqual(
              generateMap(kind, { width, height, seed: 1 }).map,
              generateMap(kind, { width, height, seed: 2 }).map,
            ),
          ).toBe(false);
        }
      }
    },
  );

  it('random rectangles: 20–30 % walls and start and goal at least 0.7·N apart, like the reference data', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { map, start, goal } = generateMap('random-rectangles', { width: 32, height: 32, seed });
      const density = countBlocked(map) / (32 * 32);
      expect(density).toBeGreaterThanOrEqual(0.2);
      expect(density).toBeLessThanOrEqual(0.3);
      expect(Math.hypot(start.x - goal.x, start.y - goal.y)).toBeGreaterThanOrEqual(0.7 * 32);
    }
  });

  it('mazes have one-cell corridors: no 2×2 block of free cells in a perfect maze', () => {
    for (const kind of ['maze-backtracker', 'maze-wilson'] as const) {
      const { map } = generateMap(kind, { width: 41, height: 31, seed: 9 });
      const free = (x: number, y: number): boolean => map.blocked[y * 41 + x] === 0;
      for (let y = 0; y < 30; y++)
        for (let x = 0; x < 40; x++)
          expect(free(x, y) && free(x + 1, y) && free(x, y + 1) && free(x + 1, y + 1)).toBe(false);
      // A perfect maze on c maze cells has exactly c − 1 openings: free cells = 2c − 1.
      const cells = 20 * 15;
      expect(41 * 31 - countBlocked(map)).toBe(2 * cells - 1);
    }
  });

  it('bug trap: greedy search is lured into the cup, A* still finds the optimal path', () => {
    const { map, start, goal } = generateMap('bugtrap', { width: 64, height: 64, seed: 4 });
    const astar = planOnce(map, start, goal);
    const greedy = planOnce(map, start, goal, { planner: 'greedy' });
    const dijkstra = planOnce(map, start, goal, { planner: 'dijkstra' });
    expect(astar.pathLength).toBeCloseTo(dijkstra.pathLength, 9);
    expect(astar.pathLength).toBeGreaterThan(Math.hypot(start.x - goal.x, start.y - goal.y) + 5);
    expect(greedy.success).toBe(true);
  });
});
