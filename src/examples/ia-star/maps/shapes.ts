import type { Rng } from '../../../il/rng.ts';
import { countBlocked, type GridMap, type GridPoint, gridPoint } from './grid-map.ts';

/** Set every cell of the rectangle [x0, x1] × [y0, y1] (inclusive, clipped to the map) to `value`. */
export function fillRect(
  map: GridMap,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  value: 0 | 1 = 1,
): void {
  const xa = Math.max(0, Math.min(x0, x1));
  const xb = Math.min(map.width - 1, Math.max(x0, x1));
  const ya = Math.max(0, Math.min(y0, y1));
  const yb = Math.min(map.height - 1, Math.max(y0, y1));
  for (let y = ya; y <= yb; y++) map.blocked.fill(value, y * map.width + xa, y * map.width + xb + 1);
}

/** Set every cell within Euclidean distance r of (cx, cy) to `value`, except where `keep(x, y)` says so. */
export function fillDisk(
  map: GridMap,
  cx: number,
  cy: number,
  r: number,
  value: 0 | 1 = 1,
  keep?: (x: number, y: number) => boolean,
): void {
  const ri = Math.ceil(r);
  for (let y = Math.max(0, cy - ri); y <= Math.min(map.height - 1, cy + ri); y++) {
    for (let x = Math.max(0, cx - ri); x <= Math.min(map.width - 1, cx + ri); x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > r * r || (keep && keep(x, y))) continue;
      map.blocked[y * map.width + x] = value;
    }
  }
}

export function density(map: GridMap): number {
  return countBlocked(map) / (map.width * map.height);
}

/** Round trees of radius 1..maxRadius at random places until the wall share reaches `target`. */
export function plantForest(
  map: GridMap,
  rng: Rng,
  target: number,
  maxRadius: number,
  keepClear?: (x: number, y: number) => boolean,
): void {
  const total = map.width * map.height;
  let walls = countBlocked(map);
  for (let guard = 0; walls / total < target && guard < 4 * total; guard++) {
    const r = rng.uniform(0.5, Math.max(1, maxRadius) + 0.5);
    const cx = rng.int(0, map.width - 1);
    const cy = rng.int(0, map.height - 1);
    const ri = Math.ceil(r);
    let before = 0;
    for (let y = Math.max(0, cy - ri); y <= Math.min(map.height - 1, cy + ri); y++)
      for (let x = Math.max(0, cx - ri); x <= Math.min(map.width - 1, cx + ri); x++)
        before += map.blocked[y * map.width + x];
    fillDisk(map, cx, cy, r, 1, keepClear);
    let after = 0;
    for (let y = Math.max(0, cy - ri); y <= Math.min(map.height - 1, cy + ri); y++)
      for (let x = Math.max(0, cx - ri); x <= Math.min(map.width - 1, cx + ri); x++)
        after += map.blocked[y * map.width + x];
    walls += after - before;
  }
}

/**
 * A bug trap: a square cup of side `size` and wall `t`, open toward `opening` through a mouth a third of its
 * side wide, with lips turned inward so a greedy search that enters it is caught.
 * Returns the cell at the centre of the cup.
 */
export function drawBugtrap(
  map: GridMap,
  cx: number,
  cy: number,
  size: number,
  t: number,
  opening: 'left' | 'right' | 'up' | 'down',
): GridPoint {
  const half = Math.floor(size / 2);
  const x0 = cx - half;
  const x1 = cx + half;
  const y0 = cy - half;
  const y1 = cy + half;
  const mouth = Math.max(1, Math.floor(size / 6));
  const lip = Math.max(1, Math.floor(size / 4));
  const side = (which: 'left' | 'right' | 'up' | 'down'): void => {
    if (which === 'left') fillRect(map, x0, y0, x0 + t - 1, y1);
    if (which === 'right') fillRect(map, x1 - t + 1, y0, x1, y1);
    if (which === 'up') fillRect(map, x0, y0, x1, y0 + t - 1);
    if (which === 'down') fillRect(map, x0, y1 - t + 1, x1, y1);
  };
  for (const which of ['left', 'right', 'up', 'down'] as const) if (which !== opening) side(which);
  // The open side: two wall stubs leave a mouth in the middle, and lips run inward from its edges.
  if (opening === 'left' || opening === 'right') {
    const x = opening === 'left' ? x0 : x1 - t + 1;
    fillRect(map, x, y0, x + t - 1, cy - mouth - 1);
    fillRect(map, x, cy + mouth + 1, x + t - 1, y1);
    const inward = opening === 'left' ? 1 : -1;
    const xl = x + (opening === 'left' ? t : -1);
    fillRect(map, xl, cy - mouth - t, xl + inward * (lip - 1), cy - mouth - 1);
    fillRect(map, xl, cy + mouth + 1, xl + inward * (lip - 1), cy + mouth + t);
  } else {
    const y = opening === 'up' ? y0 : y1 - t + 1;
    fillRect(map, x0, y, cx - mouth - 1, y + t - 1);
    fillRect(map, cx + mouth + 1, y, x1, y + t - 1);
    const inward = opening === 'up' ? 1 : -1;
    const yl = y + (opening === 'up' ? t : -1);
    fillRect(map, cx - mouth - t, yl, cx - mouth - 1, yl + inward * (lip - 1));
    fillRect(map, cx + mouth + 1, yl, cx + mouth + t, yl + inward * (lip - 1));
  }
  return gridPoint(cx, cy);
}
