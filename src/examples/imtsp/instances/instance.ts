/**
 * A routing instance: points in the plane, the depot is always city 0. Every agent's tour starts and
 * ends at the depot. Coordinates are kept in two typed arrays so the engines read them without boxing.
 */
export interface MtspInstance {
  readonly name: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Index of the depot in every instance. */
export const DEPOT = 0;

/** Number of points, the depot included. */
export function cityCount(instance: MtspInstance): number {
  return instance.x.length;
}

/** Throws a RangeError naming what is wrong with a hand-built instance (the parser and generators never make one). */
export function assertValidInstance(instance: MtspInstance): void {
  const n = instance.x.length;
  if (instance.y.length !== n) {
    throw new RangeError(`instance "${instance.name}": x has ${n} entries but y has ${instance.y.length}`);
  }
  if (n < 1) throw new RangeError(`instance "${instance.name}" has no cities (it needs at least the depot)`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(instance.x[i]) || !Number.isFinite(instance.y[i])) {
      throw new RangeError(`instance "${instance.name}": city ${i} has a non-finite coordinate`);
    }
  }
}

/** Build an instance from plain arrays (copies them). */
export function makeInstance(name: string, xs: ArrayLike<number>, ys: ArrayLike<number>): MtspInstance {
  const instance = { name, x: Float64Array.from(xs), y: Float64Array.from(ys) };
  assertValidInstance(instance);
  return instance;
}
