import { createRng } from '../../../il/rng';
import type { MtspInstance } from './instance';

/** Options shared by the seeded instance generators; `n` counts every point, the depot (city 0) included. */
export interface GeneratorOptions {
  n: number;
  seed: number;
  name?: string;
}

function checkSize(n: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`an instance needs a whole number of cities ≥ 1, got ${n}`);
}

/** n points uniform in the unit square; city 0 (the depot) is drawn like the others, as in iMTSP. */
export function uniformInstance({ n, seed, name }: GeneratorOptions): MtspInstance {
  checkSize(n);
  const rng = createRng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.next();
    y[i] = rng.next();
  }
  return { name: name ?? `uniform-${n}-s${seed}`, x, y };
}

export interface ClusteredOptions extends GeneratorOptions {
  /** Number of Gaussian clusters; default 3–5 drawn from the seed. */
  clusters?: number;
  /** Standard deviation of each cluster; default 0.07. */
  spread?: number;
}

/**
 * Cities in a few Gaussian clusters inside the unit square (clipped to it); the depot is uniform in the
 * square, like a warehouse that need not sit inside any cluster.
 */
export function clusteredInstance({
  n,
  seed,
  name,
  clusters,
  spread = 0.07,
}: ClusteredOptions): MtspInstance {
  checkSize(n);
  const rng = createRng(seed);
  const count = clusters ?? rng.int(3, 5);
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`clusters must be a whole number ≥ 1, got ${count}`);
  const cx = new Float64Array(count);
  const cy = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    cx[c] = rng.uniform(0.15, 0.85);
    cy[c] = rng.uniform(0.15, 0.85);
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  x[0] = rng.next();
  y[0] = rng.next();
  const clip = (v: number): number => Math.min(1, Math.max(0, v));
  for (let i = 1; i < n; i++) {
    const c = rng.int(0, count - 1);
    x[i] = clip(cx[c] + spread * rng.normal());
    y[i] = clip(cy[c] + spread * rng.normal());
  }
  return { name: name ?? `clustered-${n}-s${seed}`, x, y };
}
