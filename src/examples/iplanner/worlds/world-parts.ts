/** Building blocks shared by the world generators: walls, perimeter, placement tests. */
import { pointObstacleDistance } from './geometry.ts';
import type { Bounds, Shape } from './types.ts';

/** An axis-aligned wall along a grid line: horizontal (y = at, x from lo to hi) or vertical (x = at). */
export interface WallSegment {
  horizontal: boolean;
  at: number;
  lo: number;
  hi: number;
}

/** Merge touching or overlapping collinear segments (fewer primitives, faster ray casting). */
export function mergeWalls(segments: readonly WallSegment[]): WallSegment[] {
  const key = (s: WallSegment) => `${s.horizontal ? 'h' : 'v'}${s.at.toFixed(6)}`;
  const groups = new Map<string, WallSegment[]>();
  for (const s of segments) {
    if (s.hi - s.lo <= 1e-9) continue;
    const list = groups.get(key(s)) ?? [];
    list.push({ ...s });
    groups.set(key(s), list);
  }
  const out: WallSegment[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.lo - b.lo);
    let cur = list[0];
    for (let i = 1; i < list.length; i++) {
      if (list[i].lo <= cur.hi + 1e-9) cur.hi = Math.max(cur.hi, list[i].hi);
      else {
        out.push(cur);
        cur = list[i];
      }
    }
    out.push(cur);
  }
  return out;
}

/**
 * A wall segment as a box; the ends extend by half the thickness so that corners close, but never past
 * the world's bounds.
 */
export function wallBox(s: WallSegment, thickness: number, height: number, b: Bounds): Shape {
  const t = thickness / 2;
  const lo = Math.max(s.lo - t, s.horizontal ? b.minX : b.minY);
  const hi = Math.min(s.hi + t, s.horizontal ? b.maxX : b.maxY);
  const half = (hi - lo) / 2;
  const mid = (lo + hi) / 2;
  return s.horizontal
    ? { kind: 'box', x: mid, y: s.at, halfX: half, halfY: thickness / 2, yaw: 0, height }
    : { kind: 'box', x: s.at, y: mid, halfX: thickness / 2, halfY: half, yaw: 0, height };
}

/** Four walls just inside the bounds (their outer faces on the bounds). */
export function perimeterWalls(b: Bounds, thickness: number): WallSegment[] {
  const t = thickness / 2;
  return [
    { horizontal: true, at: b.minY + t, lo: b.minX + t, hi: b.maxX - t },
    { horizontal: true, at: b.maxY - t, lo: b.minX + t, hi: b.maxX - t },
    { horizontal: false, at: b.minX + t, lo: b.minY + t, hi: b.maxY - t },
    { horizontal: false, at: b.maxX - t, lo: b.minY + t, hi: b.maxY - t },
  ];
}

/** Smallest footprint-to-footprint gap between a candidate and placed obstacles, approximated from the
 * candidate's side by its bounding circle (conservative: never reports a gap larger than the true one). */
export function gapToOthers(candidate: Shape, others: readonly Shape[]): number {
  const r = candidate.kind === 'cylinder' ? candidate.radius : Math.hypot(candidate.halfX, candidate.halfY);
  let gap = Infinity;
  for (const o of others) {
    const d = pointObstacleDistance(o, candidate.x, candidate.y) - r;
    if (d < gap) gap = d;
  }
  return gap;
}
