import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { buildCostMap, cellIndexOf } from '../sensing/costmap.ts';
import { episodeSet, splitOfSeed, splitSeed } from '../learning/datasets.ts';
import { freeComponents, sampleEpisode } from '../evaluation/episodes.ts';
import { footprintHalfExtents, pointClearance, wrapAngle } from './geometry.ts';
import { WORLD_KINDS } from './types.ts';
import { addObstacle, deleteObstacle, moveObstacle, setGoal, setStart } from './world-edit.ts';
import { generateWorld } from './worlds.ts';

describe('procedural worlds', () => {
  it('are a pure function of (kind, seed)', () => {
    for (const kind of WORLD_KINDS) {
      expect(generateWorld(kind, 5)).toEqual(generateWorld(kind, 5));
      expect(generateWorld(kind, 5).obstacles).not.toEqual(generateWorld(kind, 6).obstacles);
    }
  });

  it('keep every obstacle inside the bounds, with unique ids, and a free, reachable default scene', () => {
    for (const kind of WORLD_KINDS)
      for (let seed = 0; seed < 4; seed++) {
        const w = generateWorld(kind, seed);
        expect(w.obstacles.length).toBeGreaterThan(4);
        expect(new Set(w.obstacles.map((o) => o.id)).size).toBe(w.obstacles.length);
        expect(w.nextId).toBe(Math.max(...w.obstacles.map((o) => o.id)) + 1);
        for (const o of w.obstacles) {
          const { hx, hy } = footprintHalfExtents(o);
          expect(o.x - hx).toBeGreaterThanOrEqual(w.bounds.minX - 1e-9);
          expect(o.x + hx).toBeLessThanOrEqual(w.bounds.maxX + 1e-9);
          expect(o.y - hy).toBeGreaterThanOrEqual(w.bounds.minY - 1e-9);
          expect(o.y + hy).toBeLessThanOrEqual(w.bounds.maxY + 1e-9);
        }
        expect(pointClearance(w.obstacles, w.bounds, w.start.x, w.start.y)).toBeGreaterThanOrEqual(0.5);
        expect(pointClearance(w.obstacles, w.bounds, w.goal.x, w.goal.y)).toBeGreaterThanOrEqual(0.5);
        const map = buildCostMap(w);
        const comp = freeComponents(map);
        expect(comp[cellIndexOf(map, w.start.x, w.start.y)]).toBe(comp[cellIndexOf(map, w.goal.x, w.goal.y)]);
      }
  });

  it('rooms: every room has free space connected to every other room', () => {
    for (let seed = 0; seed < 5; seed++) {
      const w = generateWorld('rooms', seed);
      const map = buildCostMap(w);
      const comp = freeComponents(map);
      const labels = new Set<number>();
      for (let j = 0; j < 3; j++)
        for (let i = 0; i < 3; i++) {
          // The most common label among free cells of the room.
          const counts = new Map<number, number>();
          for (let y = j * 6.67 + 0.4; y < (j + 1) * 6.67 - 0.4; y += 0.1)
            for (let x = i * 6.67 + 0.4; x < (i + 1) * 6.67 - 0.4; x += 0.1) {
              const l = comp[cellIndexOf(map, x, y)];
              if (l >= 0) counts.set(l, (counts.get(l) ?? 0) + 1);
            }
          labels.add([...counts.entries()].sort((a, b) => b[1] - a[1])[0][0]);
        }
      expect(labels.size).toBe(1);
    }
  });
});

describe('episode sampler', () => {
  it('draws free, reachable starts and goals at the requested distance and bearing, deterministically', () => {
    const w = generateWorld('forest', 3);
    const map = buildCostMap(w);
    const comp = freeComponents(map);
    const opts = { minClearance: 0.6, minGoalDistance: 4, maxGoalDistance: 8, maxGoalBearing: 0.3 };
    const rng = createRng(1);
    for (let i = 0; i < 30; i++) {
      const e = sampleEpisode(w, map, rng, opts, comp)!;
      expect(e).not.toBeNull();
      const d = Math.hypot(e.goal.x - e.start.x, e.goal.y - e.start.y);
      expect(d).toBeGreaterThanOrEqual(4);
      expect(d).toBeLessThanOrEqual(8);
      expect(
        Math.abs(wrapAngle(Math.atan2(e.goal.y - e.start.y, e.goal.x - e.start.x) - e.start.yaw)),
      ).toBeLessThanOrEqual(0.3);
      expect(pointClearance(w.obstacles, w.bounds, e.start.x, e.start.y)).toBeGreaterThanOrEqual(0.6);
      expect(pointClearance(w.obstacles, w.bounds, e.goal.x, e.goal.y)).toBeGreaterThanOrEqual(0.6);
      expect(comp[cellIndexOf(map, e.start.x, e.start.y)]).toBe(comp[cellIndexOf(map, e.goal.x, e.goal.y)]);
    }
    expect(sampleEpisode(w, map, createRng(2), opts)).toEqual(sampleEpisode(w, map, createRng(2), opts));
  });

  it('returns null when nothing fits', () => {
    const w = generateWorld('corridors', 1);
    expect(sampleEpisode(w, buildCostMap(w), createRng(1), { minClearance: 5, attempts: 50 })).toBeNull();
  });
});

describe('held-out splits', () => {
  it('never share a world seed and invert', () => {
    const seen = new Map<number, string>();
    for (const split of ['train', 'validation', 'test'] as const)
      for (let i = 0; i < 200; i++) {
        const s = splitSeed(split, i);
        expect(seen.has(s)).toBe(false);
        seen.set(s, split);
        expect(splitOfSeed(s)).toBe(split);
      }
  });

  it('builds episode sets from the split worlds', () => {
    const set = episodeSet(['forest', 'garage'], 'test', 2, 3);
    expect(set).toHaveLength(4);
    for (const { world, episodes } of set) {
      expect(splitOfSeed(world.seed)).toBe('test');
      expect(episodes).toHaveLength(3);
    }
  });
});

describe('world edits', () => {
  const w = generateWorld('garage', 2);
  const frozen = JSON.stringify(w);

  it('add, move, delete and set the goal without touching the original', () => {
    const added = addObstacle(w, { kind: 'cylinder', x: 3, y: 3, radius: 0.4, height: 1 });
    expect(added.obstacles).toHaveLength(w.obstacles.length + 1);
    expect(added.obstacles.at(-1)!.id).toBe(w.nextId);
    expect(added.nextId).toBe(w.nextId + 1);
    const moved = moveObstacle(added, w.nextId, 4, 5);
    expect(moved.obstacles.at(-1)).toMatchObject({ x: 4, y: 5, radius: 0.4 });
    const boxId = w.obstacles.find((o) => o.kind === 'box')!.id;
    const turned = moveObstacle(w, boxId, 1, 1, 0.5);
    expect(turned.obstacles.find((o) => o.id === boxId)).toMatchObject({ x: 1, y: 1, yaw: 0.5 });
    const removed = deleteObstacle(moved, w.nextId);
    expect(removed.obstacles).toEqual(w.obstacles);
    expect(setGoal(w, { x: 1, y: 2 }).goal).toEqual({ x: 1, y: 2 });
    expect(setStart(w, { x: 1, y: 2, yaw: 3 }).start).toEqual({ x: 1, y: 2, yaw: 3 });
    expect(moveObstacle(w, 9999, 0, 0)).toBe(w);
    expect(deleteObstacle(w, 9999)).toBe(w);
    expect(JSON.stringify(w)).toBe(frozen);
  });
});
