/** Ground-truth helpers shared by this example's tests (brute force; never used by the engine). */
import { closedTourLength, type DistanceMetric } from './tsp/distance';
import type { MtspInstance } from './instances/instance';

/** Shortest closed tour through `cities` (the first one fixed) by trying every permutation of the rest. */
export function bruteForceTourLength(
  instance: MtspInstance,
  cities: number[],
  metric: DistanceMetric = 'euclidean',
): number {
  const rest = cities.slice(1);
  let best = Infinity;
  const order = [cities[0]];
  const used = new Array<boolean>(rest.length).fill(false);
  const visit = (): void => {
    if (order.length === cities.length) {
      best = Math.min(best, closedTourLength(instance, order, metric));
      return;
    }
    for (let i = 0; i < rest.length; i++) {
      if (used[i]) continue;
      used[i] = true;
      order.push(rest[i]);
      visit();
      order.pop();
      used[i] = false;
    }
  };
  visit();
  return best;
}

/** True when `tour` visits exactly the given cities once each and starts at `first`. */
export function isTourOf(tour: ArrayLike<number>, cities: ArrayLike<number>, first = 0): boolean {
  if (tour.length !== cities.length || tour[0] !== first) return false;
  const a = Array.from(tour).sort((p, q) => p - q);
  const b = Array.from(cities).sort((p, q) => p - q);
  return a.every((v, i) => v === b[i]);
}
