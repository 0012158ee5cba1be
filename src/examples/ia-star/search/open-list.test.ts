import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { OpenList } from './open-list.ts';

interface Entry {
  cell: number;
  f: number;
  tie: number;
  seq: number;
}

/** The order the heap must produce: f, then tie, then seq (the test keys are far apart or exactly equal). */
const byKeys = (a: Entry, b: Entry): number => a.f - b.f || a.tie - b.tie || a.seq - b.seq;

describe('OpenList', () => {
  it('pops in (f, tie, seq) order through random pushes and updates in both directions', () => {
    const rng = createRng(3);
    for (let round = 0; round < 20; round++) {
      const heap = new OpenList(500, 500);
      const live = new Map<number, Entry>();
      let seq = 0;
      const popped: Entry[] = [];
      for (let step = 0; step < 2000; step++) {
        const op = rng.next();
        if (op < 0.45 && live.size < 500) {
          let cell = rng.int(0, 499);
          while (live.has(cell)) cell = (cell + 1) % 500;
          const e = { cell, f: rng.int(0, 20) * 0.5, tie: -rng.int(0, 5), seq: seq++ };
          live.set(cell, e);
          heap.push(e.cell, e.f, e.tie, e.seq);
        } else if (op < 0.7 && live.size > 0) {
          const cells = [...live.keys()];
          const cell = cells[rng.int(0, cells.length - 1)];
          const e = { cell, f: rng.int(0, 20) * 0.5, tie: -rng.int(0, 5), seq: seq++ };
          live.set(cell, e);
          heap.update(cell, e.f, e.tie, e.seq);
        } else if (live.size > 0) {
          const expected = [...live.values()].sort(byKeys)[0];
          const cell = heap.pop();
          expect(cell).toBe(expected.cell);
          popped.push(expected);
          live.delete(cell);
        }
        expect(heap.size).toBe(live.size);
      }
      expect(popped.length).toBeGreaterThan(300);
    }
  });

  it('counts f values within epsilon as equal and lets the tie key decide', () => {
    const heap = new OpenList(4, 4);
    heap.push(0, 10, 0, 0);
    heap.push(1, 10 + 1e-12, -1, 1);
    heap.push(2, 10 - 1e-12, 1, 2);
    expect([heap.pop(), heap.pop(), heap.pop()]).toEqual([1, 0, 2]);
    heap.epsilon = 0;
    heap.push(0, 10, 0, 0);
    heap.push(1, 10 + 1e-12, -1, 1);
    expect(heap.pop()).toBe(0);
  });
});
