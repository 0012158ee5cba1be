import { describe, expect, it } from 'vitest';
import { planOnce } from '../search/search.ts';
import { generateQueries, pointAt, splitSeeds } from './data.ts';
import { goalDistances, guidanceOffsets, weightedAstarOffsets } from './guidance-form.ts';
import { guidanceSettingFromMeta } from '../params.ts';
import { scaledGuidance } from './guidance-levels.ts';

const queries = generateQueries('random-cells', 48, splitSeeds(4, 'test', 6));

describe('guidance forms', () => {
  it("'offset' is κ·q(c) with κ = κ₀·side/32, and its slope is κ everywhere", () => {
    const q = queries[0];
    const c = Float32Array.from({ length: 48 * 48 }, (_, i) => (i % 7) / 7);
    const { offsets, slope } = guidanceOffsets(c, q, { form: 'offset', scale: 4 });
    expect(Array.from(offsets)).toEqual(Array.from(scaledGuidance(c, 6)));
    expect(new Set(slope)).toEqual(new Set([6]));
  });

  it("'h-scale' is φ₀·q(c)·h(cell), h the octile distance to the goal", () => {
    const q = queries[1];
    const c = new Float32Array(48 * 48).fill(0.5);
    const { offsets, slope } = guidanceOffsets(c, q, { form: 'h-scale', scale: 0.4 });
    const h = goalDistances(q);
    expect(h[q.goal]).toBe(0);
    const gx = q.goal % 48;
    const gy = Math.floor(q.goal / 48);
    expect(h[0]).toBeCloseTo(Math.max(gx, gy) + (Math.SQRT2 - 1) * Math.min(gx, gy), 5);
    for (let i = 0; i < h.length; i += 97) {
      expect(slope[i]).toBeCloseTo(0.4 * h[i], 5);
      expect(offsets[i]).toBeCloseTo(0.2 * h[i], 5);
    }
  });

  it("'h-scale' with a uniform c is weighted A*: the same path lengths as w = 1 + φ₀·c", () => {
    for (const q of queries) {
      const c = new Float32Array(48 * 48).fill(0.5);
      const { offsets } = guidanceOffsets(c, q, { form: 'h-scale', scale: 0.4 });
      const s = pointAt(q.map, q.start);
      const g = pointAt(q.map, q.goal);
      const learned = planOnce(q.map, s, g, { planner: 'astar', guidance: offsets });
      const weighted = planOnce(q.map, s, g, { planner: 'wastar', weight: 1.2 });
      expect(learned.pathLength).toBeCloseTo(weighted.pathLength, 9);
      expect(Math.abs(learned.expanded - weighted.expanded)).toBeLessThanOrEqual(0.05 * weighted.expanded);
    }
  });

  it("'weighted-offset' is (w − 1)·h + κ·q(c), its slope κ everywhere", () => {
    const q = queries[2];
    const c = Float32Array.from({ length: 48 * 48 }, (_, i) => (i % 5) / 5);
    const { offsets, slope } = guidanceOffsets(c, q, { form: 'weighted-offset', scale: 2, hWeight: 1.25 });
    const h = goalDistances(q);
    const level = scaledGuidance(c, 3);
    for (let i = 0; i < h.length; i += 61) expect(offsets[i]).toBeCloseTo(0.25 * h[i] + level[i], 4);
    expect(new Set(slope)).toEqual(new Set([3]));
    expect(Array.from(weightedAstarOffsets(q, 1))).toEqual(Array.from(new Float32Array(48 * 48)));
  });

  it("'weighted-offset' with a uniform c is weighted A* at w: the same paths and the same expansions (ties kept)", () => {
    for (const q of queries) {
      const c = new Float32Array(48 * 48).fill(0.5);
      const { offsets } = guidanceOffsets(c, q, { form: 'weighted-offset', scale: 4, hWeight: 1.3 });
      const s = pointAt(q.map, q.start);
      const g = pointAt(q.map, q.goal);
      const learned = planOnce(q.map, s, g, { planner: 'astar', guidance: offsets });
      const weighted = planOnce(q.map, s, g, { planner: 'wastar', weight: 1.3 });
      expect(learned.pathLength).toBeCloseTo(weighted.pathLength, 9);
      expect(learned.expanded).toBe(weighted.expanded);
    }
  });

  it('saved weights carry their form: weighted-offset keeps w and κ₀ from the meta', () => {
    expect(
      guidanceSettingFromMeta({
        'p.guidanceForm': 'weighted-offset',
        'p.hWeight': 1.3,
        'p.guidanceScale': 1,
      }),
    ).toEqual({ form: 'weighted-offset', scale: 1, hWeight: 1.3 });
    expect(guidanceSettingFromMeta({})).toEqual({ form: 'offset', scale: 4 });
  });
});
