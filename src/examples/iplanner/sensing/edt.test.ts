import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { distanceToSeeds, squaredDistanceTransform } from './edt.ts';

describe('Felzenszwalb distance transform', () => {
  it('matches brute-force nearest-seed distances on random grids', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 20; trial++) {
      const nx = rng.int(1, 17);
      const ny = rng.int(1, 17);
      const p = rng.uniform(0.02, 0.6);
      const seed = new Uint8Array(nx * ny).map(() => (rng.next() < p ? 1 : 0));
      const d = distanceToSeeds(seed, nx, ny);
      for (let i = 0; i < nx * ny; i++) {
        let best = Infinity;
        for (let j = 0; j < nx * ny; j++)
          if (seed[j])
            best = Math.min(best, Math.hypot((i % nx) - (j % nx), Math.floor(i / nx) - Math.floor(j / nx)));
        expect(d[i]).toBeCloseTo(best, 9);
      }
    }
  });

  it('computes the lower envelope of parabolas for a general sampled function', () => {
    const rng = createRng(12);
    const nx = 9;
    const ny = 7;
    const f = new Float64Array(nx * ny).map(() => rng.uniform(0, 30));
    const out = squaredDistanceTransform(f, nx, ny);
    for (let i = 0; i < nx * ny; i++) {
      let best = Infinity;
      for (let j = 0; j < nx * ny; j++) {
        const dx = (i % nx) - (j % nx);
        const dy = Math.floor(i / nx) - Math.floor(j / nx);
        best = Math.min(best, dx * dx + dy * dy + f[j]);
      }
      expect(out[i]).toBeCloseTo(best, 9);
    }
  });

  it('gives +∞ everywhere when there is no seed', () => {
    const d = distanceToSeeds(new Uint8Array(12), 4, 3);
    expect([...d].every((v) => v === Infinity)).toBe(true);
  });
});
