import { cityDistance, type DistanceMetric } from './distance';
import { DEPOT, type MtspInstance } from '../instances/instance';
import { topNearest, type NeighbourLists } from './tsp-neighbours';

/**
 * For every city, its `wanted` nearest other cities excluding the depot (which never moves between
 * agents), computed row by row without an n×n matrix. Row of the depot is filled like the others.
 */
export function cityNeighbourLists(
  instance: MtspInstance,
  wanted: number,
  metric: DistanceMetric,
): NeighbourLists {
  const n = instance.x.length;
  const count = Math.max(0, Math.min(wanted, n - 2));
  return topNearest(
    n,
    count,
    (a, b) => cityDistance(instance, a, b, metric),
    (a, b) => b !== a && b !== DEPOT,
  );
}
