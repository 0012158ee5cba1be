/**
 * Planar geometry of the primitives' footprints (their shadow on the ground) and frame changes.
 * Heights never matter for driving: the robot cannot pass over any obstacle.
 */
import type { Bounds, Point2, Pose2, Shape } from './types.ts';

/** Robot frame → world frame. */
export function robotToWorld(pose: Pose2, p: Point2): Point2 {
  const c = Math.cos(pose.yaw);
  const s = Math.sin(pose.yaw);
  return { x: pose.x + c * p.x - s * p.y, y: pose.y + s * p.x + c * p.y };
}

/** World frame → robot frame. */
export function worldToRobot(pose: Pose2, p: Point2): Point2 {
  const c = Math.cos(pose.yaw);
  const s = Math.sin(pose.yaw);
  const dx = p.x - pose.x;
  const dy = p.y - pose.y;
  return { x: c * dx + s * dy, y: -s * dx + c * dy };
}

/** Interleaved robot-frame points [x0, y0, x1, y1, ...] → interleaved world-frame points. */
export function robotPathToWorld(pose: Pose2, path: ArrayLike<number>): Float64Array {
  const c = Math.cos(pose.yaw);
  const s = Math.sin(pose.yaw);
  const out = new Float64Array(path.length);
  for (let i = 0; i < path.length; i += 2) {
    const x = path[i];
    const y = path[i + 1];
    out[i] = pose.x + c * x - s * y;
    out[i + 1] = pose.y + s * x + c * y;
  }
  return out;
}

/** Radius of the smallest circle about the obstacle's centre that holds its footprint. */
export function boundingRadius(o: Shape): number {
  return o.kind === 'cylinder' ? o.radius : Math.hypot(o.halfX, o.halfY);
}

/** Half extents of the footprint's axis-aligned bounding box (about the obstacle's centre). */
export function footprintHalfExtents(o: Shape): { hx: number; hy: number } {
  if (o.kind === 'cylinder') return { hx: o.radius, hy: o.radius };
  const c = Math.abs(Math.cos(o.yaw));
  const s = Math.abs(Math.sin(o.yaw));
  return { hx: c * o.halfX + s * o.halfY, hy: s * o.halfX + c * o.halfY };
}

/** Distance (m) from a world point to the obstacle's footprint; 0 inside it. */
export function pointObstacleDistance(o: Shape, px: number, py: number): number {
  if (o.kind === 'cylinder') return Math.max(0, Math.hypot(px - o.x, py - o.y) - o.radius);
  const c = Math.cos(o.yaw);
  const s = Math.sin(o.yaw);
  const dx = px - o.x;
  const dy = py - o.y;
  const ex = Math.abs(c * dx + s * dy) - o.halfX;
  const ey = Math.abs(-s * dx + c * dy) - o.halfY;
  return Math.hypot(Math.max(ex, 0), Math.max(ey, 0));
}

/** Distance from point p to segment ab (all in one frame). */
export function pointSegmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(px - ax - t * vx, py - ay - t * vy);
}

/** Does segment ab meet the axis-aligned rectangle [-hx, hx] × [-hy, hy]? (Liang–Barsky clip.) */
function segmentHitsCentredRect(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  hx: number,
  hy: number,
): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, ax + hx) && clip(dx, hx - ax) && clip(-dy, ay + hy) && clip(dy, hy - ay) && t0 <= t1;
}

/** Distance (m) from segment ab (world) to the obstacle's footprint; 0 if they meet. */
export function segmentObstacleDistance(o: Shape, ax: number, ay: number, bx: number, by: number): number {
  if (o.kind === 'cylinder') return Math.max(0, pointSegmentDistance(o.x, o.y, ax, ay, bx, by) - o.radius);
  const c = Math.cos(o.yaw);
  const s = Math.sin(o.yaw);
  // The segment in the box's own frame, where the box is [-halfX, halfX] × [-halfY, halfY].
  const lax = c * (ax - o.x) + s * (ay - o.y);
  const lay = -s * (ax - o.x) + c * (ay - o.y);
  const lbx = c * (bx - o.x) + s * (by - o.y);
  const lby = -s * (bx - o.x) + c * (by - o.y);
  const hx = o.halfX;
  const hy = o.halfY;
  if (segmentHitsCentredRect(lax, lay, lbx, lby, hx, hy)) return 0;
  // Disjoint convex sets: the closest pair has an endpoint of one of them.
  const rectDist = (px: number, py: number): number =>
    Math.hypot(Math.max(Math.abs(px) - hx, 0), Math.max(Math.abs(py) - hy, 0));
  let d = Math.min(rectDist(lax, lay), rectDist(lbx, lby));
  d = Math.min(d, pointSegmentDistance(hx, hy, lax, lay, lbx, lby));
  d = Math.min(d, pointSegmentDistance(-hx, hy, lax, lay, lbx, lby));
  d = Math.min(d, pointSegmentDistance(hx, -hy, lax, lay, lbx, lby));
  d = Math.min(d, pointSegmentDistance(-hx, -hy, lax, lay, lbx, lby));
  return d;
}

/** Distance (m) from a point inside the bounds to the bounds' edge (negative outside). */
export function boundsClearance(b: Bounds, px: number, py: number): number {
  return Math.min(px - b.minX, b.maxX - px, py - b.minY, b.maxY - py);
}

/** Smallest distance from the point to any obstacle footprint and to the world's edge. */
export function pointClearance(obstacles: readonly Shape[], bounds: Bounds, px: number, py: number): number {
  let d = boundsClearance(bounds, px, py);
  for (const o of obstacles) {
    const dd = pointObstacleDistance(o, px, py);
    if (dd < d) d = dd;
  }
  return d;
}

/** Wrap an angle to (-π, π]. */
export function wrapAngle(a: number): number {
  let r = a % (2 * Math.PI);
  if (r <= -Math.PI) r += 2 * Math.PI;
  else if (r > Math.PI) r -= 2 * Math.PI;
  return r;
}
