import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng';
import { generateMap } from '../maps/generate-map.ts';
import { decodeWalls, encodeWalls } from './wall-code.ts';

function randomWalls(cells: number, density: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  return Uint8Array.from({ length: cells }, () => (rng.next() < density ? 1 : 0));
}

describe('wall codes for links', () => {
  it('round-trip random maps of every density and awkward sizes', () => {
    let seed = 1;
    for (const cells of [1, 5, 6, 7, 64, 4096, 48 * 20, 1000 * 3]) {
      for (const density of [0, 0.01, 0.25, 0.5, 0.99, 1]) {
        const walls = randomWalls(cells, density, seed++);
        const code = encodeWalls(walls);
        expect(code).toMatch(/^[br][A-Za-z0-9_-]*$/);
        expect(decodeWalls(code, cells)).toEqual(walls);
      }
    }
  });

  it('never starts with a digit, so the URL parser keeps it a string', () => {
    expect(Number.isFinite(Number(encodeWalls(new Uint8Array(10))))).toBe(false);
  });

  it('pick the shorter form: runs for sparse maps, the bit set for noisy ones', () => {
    const sparse = new Uint8Array(64 * 64);
    sparse.fill(1, 100, 140);
    expect(encodeWalls(sparse)).toMatch(/^r/);
    expect(encodeWalls(sparse).length).toBeLessThan(10);
    const noisy = randomWalls(64 * 64, 0.5, 9);
    expect(encodeWalls(noisy)).toMatch(/^b/);
    expect(encodeWalls(noisy).length).toBe(1 + Math.ceil(4096 / 6));
  });

  it('keep every 64×64 generated map under the link limit', () => {
    const maze = generateMap('maze-backtracker', { width: 64, height: 64, seed: 3 }).map;
    const code = encodeWalls(maze.blocked);
    expect(code.length).toBeLessThanOrEqual(684);
    expect(decodeWalls(code, 4096)).toEqual(maze.blocked);
  });

  it('reject codes of another size or with stray characters', () => {
    const walls = randomWalls(100, 0.05, 4);
    const runs = encodeWalls(walls);
    expect(runs).toMatch(/^r/);
    expect(decodeWalls(runs, 99)).toBeNull();
    expect(decodeWalls(runs, 101)).toBeNull();
    expect(decodeWalls(`${runs}!`, 100)).toBeNull();
    expect(decodeWalls('x123', 100)).toBeNull();
    expect(decodeWalls('', 100)).toBeNull();
    // A bit set's length fixes the size to within its last character (the link carries the size as well).
    expect(decodeWalls(encodeWalls(randomWalls(100, 0.5, 5)), 120)).toBeNull();
    const bits = `b${'_'.repeat(17)}`;
    expect(decodeWalls(bits, 102)).toEqual(new Uint8Array(102).fill(1));
    // Bits past the last cell are an error, not silently dropped.
    expect(decodeWalls(bits, 101)).toBeNull();
    // A run continued past the end ("more" digit with no last digit).
    expect(decodeWalls('rA', 1)).toBeNull();
  });
});
