import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('gives uniform numbers with the right mean and normals with unit variance', () => {
    const r = createRng(1);
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) s += r.next();
    for (let i = 0; i < n; i++) s2 += r.normal() ** 2;
    expect(s / n).toBeCloseTo(0.5, 1);
    expect(s2 / n).toBeCloseTo(1, 1);
  });

  it('forks independent, reproducible streams', () => {
    const f1 = createRng(3).fork('train').next();
    const f2 = createRng(3).fork('train').next();
    const f3 = createRng(3).fork('test').next();
    expect(f1).toBe(f2);
    expect(f1).not.toBe(f3);
  });
});
