import { createGridMap, type GridMap } from '../maps/grid-map.ts';
import { parseNpy } from './npy.ts';

/**
 * The maps of one size in ../shared/data/neural-astar-reference with their random cost maps (torch.rand, seed 1234):
 * 'b32' is the batch of 32 on which the published planners' search forward + backward was timed, 'b1' the 8 maps
 * timed one by one (row i is map i's own cost map).
 */
export interface ReferenceBatch {
  size: number;
  maps: GridMap[];
  starts: number[];
  goals: number[];
  costs: Float32Array[];
}

export function loadReferenceBatch(
  read: (relativePath: string) => Uint8Array | null,
  size: 32 | 64,
  costs: 'b32' | 'b1' = 'b32',
): ReferenceBatch | null {
  const file = (name: string) => read(`neural-astar-reference/${name}`);
  const [free, starts, goals, cost] = [
    `free${size}.npy`,
    `starts${size}.npy`,
    `goals${size}.npy`,
    `cost${size}_${costs}.npy`,
  ].map(file);
  if (!free || !starts || !goals || !cost) return null;
  const f = parseNpy(free);
  const s = parseNpy(starts);
  const g = parseNpy(goals);
  const c = parseNpy(cost);
  const cells = size * size;
  const count = c.shape[0];
  return {
    size,
    maps: Array.from({ length: count }, (_, i) =>
      createGridMap(
        size,
        size,
        Uint8Array.from({ length: cells }, (_, k) => (f.data[i * cells + k] ? 0 : 1)),
      ),
    ),
    starts: Array.from({ length: count }, (_, i) => s.data[2 * i] * size + s.data[2 * i + 1]),
    goals: Array.from({ length: count }, (_, i) => g.data[2 * i] * size + g.data[2 * i + 1]),
    costs: Array.from({ length: count }, (_, i) =>
      Float32Array.from(c.data.subarray(i * cells, (i + 1) * cells)),
    ),
  };
}
