/**
 * Depth camera by ray casting against the world's primitives (vertical cylinders with a top cap, boxes
 * rotated about z) and the ground plane z = 0 (infinite). Returns z-depth (see camera.ts) in a
 * row-major H×W Float32Array, row 0 at the top; 0 where nothing lies within [near, maxRange].
 *
 * Speed: per image, every primitive's bounding circle is turned into an interval of bearings, and each
 * image column only tests the primitives whose interval meets the column's (the rays of one column span
 * a narrow, monotone range of bearings). Each ray is written with the viewing direction's component 1,
 * so the ray parameter of a hit is its z-depth directly.
 */
import { cameraIntrinsics, cameraPoseInWorld, type DepthCameraSpec } from './camera.ts';
import { boundingRadius } from '../worlds/geometry.ts';
import type { Obstacle, Pose2, World } from '../worlds/types.ts';

const KIND_CYLINDER = 0;
const KIND_BOX = 1;

/** The world's primitives packed into typed arrays for the ray caster; rebuild after every edit. */
export interface RayScene {
  count: number;
  kind: Uint8Array;
  cx: Float64Array;
  cy: Float64Array;
  /** cos / sin of the box yaw (1 / 0 for cylinders). */
  cos: Float64Array;
  sin: Float64Array;
  /** Cylinder radius, or box half extent along its local x. */
  a: Float64Array;
  /** Box half extent along its local y (0 for cylinders). */
  b: Float64Array;
  height: Float64Array;
  boundR: Float64Array;
}

export function prepareRayScene(world: Pick<World, 'obstacles'> | readonly Obstacle[]): RayScene {
  const obstacles: readonly Obstacle[] = 'obstacles' in world ? world.obstacles : world;
  const n = obstacles.length;
  const s: RayScene = {
    count: n,
    kind: new Uint8Array(n),
    cx: new Float64Array(n),
    cy: new Float64Array(n),
    cos: new Float64Array(n),
    sin: new Float64Array(n),
    a: new Float64Array(n),
    b: new Float64Array(n),
    height: new Float64Array(n),
    boundR: new Float64Array(n),
  };
  obstacles.forEach((o, i) => {
    s.cx[i] = o.x;
    s.cy[i] = o.y;
    s.height[i] = o.height;
    s.boundR[i] = boundingRadius(o);
    if (o.kind === 'cylinder') {
      s.kind[i] = KIND_CYLINDER;
      s.cos[i] = 1;
      s.a[i] = o.radius;
    } else {
      s.kind[i] = KIND_BOX;
      s.cos[i] = Math.cos(o.yaw);
      s.sin[i] = Math.sin(o.yaw);
      s.a[i] = o.halfX;
      s.b[i] = o.halfY;
    }
  });
  return s;
}

export interface RenderOptions {
  /** Include the ground plane (default true). */
  ground: boolean;
}

/** Smallest t ≥ near where the ray o + t·d enters the slab lo ≤ x ≤ hi, or the interval it spends inside. */
function slab(o: number, d: number, lo: number, hi: number, range: Float64Array): boolean {
  if (Math.abs(d) < 1e-12) {
    if (o < lo || o > hi) return false;
    range[0] = -Infinity;
    range[1] = Infinity;
    return true;
  }
  const t1 = (lo - o) / d;
  const t2 = (hi - o) / d;
  range[0] = t1 < t2 ? t1 : t2;
  range[1] = t1 < t2 ? t2 : t1;
  return true;
}

/**
 * Render the depth image seen from the robot pose (world frame). out, if given, must hold W·H floats.
 */
export function renderDepth(
  scene: RayScene,
  spec: DepthCameraSpec,
  robot: Pose2,
  options: Partial<RenderOptions> = {},
  out?: Float32Array,
): Float32Array {
  const withGround = options.ground ?? true;
  const W = spec.width;
  const H = spec.height;
  const img = out ?? new Float32Array(W * H);
  const K = cameraIntrinsics(spec);
  const cam = cameraPoseInWorld(spec, robot);
  const [ox, oy, oz] = cam.position;
  const [fx, fy, fz] = cam.forward;
  const [rx, ry, rz] = cam.right;
  const [ux, uy, uz] = cam.up;
  const near = spec.near;
  const far = spec.maxRange;
  const cp = Math.cos(spec.pitch);
  const sp = Math.sin(spec.pitch);

  // Bearing interval (relative to the robot's heading, left positive) of every column's rays.
  const bTop = (K.cy - 0.5) / K.fy;
  const bBottom = (K.cy - (H - 0.5)) / K.fy;
  const colLo = new Float64Array(W);
  const colHi = new Float64Array(W);
  for (let u = 0; u < W; u++) {
    const a = (u + 0.5 - K.cx) / K.fx;
    const f1 = cp + bTop * sp;
    const f2 = cp + bBottom * sp;
    if (f1 <= 0 || f2 <= 0) {
      colLo[u] = -Math.PI;
      colHi[u] = Math.PI;
    } else {
      const z1 = Math.atan2(-a, f1);
      const z2 = Math.atan2(-a, f2);
      colLo[u] = Math.min(z1, z2);
      colHi[u] = Math.max(z1, z2);
    }
  }
  // Longest horizontal reach of a ray with z-depth ≤ far.
  const maxA = W / 2 / K.fx;
  const maxB = Math.max(Math.abs(bTop), Math.abs(bBottom));
  const reach = far * Math.sqrt(1 + maxA * maxA + maxB * maxB);

  // Candidate primitives per column.
  const n = scene.count;
  const colCount = new Int32Array(W);
  const colItems = new Int32Array(W * Math.max(1, n));
  for (let i = 0; i < n; i++) {
    const dx = scene.cx[i] - ox;
    const dy = scene.cy[i] - oy;
    const dist = Math.hypot(dx, dy);
    const R = scene.boundR[i];
    if (dist - R > reach) continue;
    let lo = -Infinity;
    let hi = Infinity;
    if (dist > R) {
      let bearing = Math.atan2(dy, dx) - robot.yaw;
      bearing -= 2 * Math.PI * Math.round(bearing / (2 * Math.PI));
      const half = Math.asin(R / dist) + 1e-9;
      lo = bearing - half;
      hi = bearing + half;
    }
    for (let u = 0; u < W; u++) {
      if (hi >= colLo[u] && lo <= colHi[u]) colItems[u * n + colCount[u]++] = i;
    }
  }

  const rx_ = new Float64Array(2);
  const ry_ = new Float64Array(2);
  const rz_ = new Float64Array(2);
  for (let v = 0; v < H; v++) {
    const b = (K.cy - (v + 0.5)) / K.fy;
    for (let u = 0; u < W; u++) {
      const a = (u + 0.5 - K.cx) / K.fx;
      const dx = fx + a * rx + b * ux;
      const dy = fy + a * ry + b * uy;
      const dz = fz + a * rz + b * uz;
      let best = Infinity;
      if (withGround && dz < 0) {
        const t = -oz / dz;
        if (t >= near) best = t;
      }
      const base = u * n;
      for (let c = 0; c < colCount[u]; c++) {
        const i = colItems[base + c];
        const ex = ox - scene.cx[i];
        const ey = oy - scene.cy[i];
        const top = scene.height[i];
        if (scene.kind[i] === KIND_CYLINDER) {
          const r = scene.a[i];
          const c2 = ex * ex + ey * ey - r * r;
          if (c2 > 0) {
            const a2 = dx * dx + dy * dy;
            const b2 = ex * dx + ey * dy;
            const disc = b2 * b2 - a2 * c2;
            if (a2 > 0 && disc >= 0) {
              const t = (-b2 - Math.sqrt(disc)) / a2;
              if (t >= near && t < best) {
                const z = oz + t * dz;
                if (z >= 0 && z <= top) best = t;
              }
            }
          }
          if (oz > top && dz < 0) {
            const t = (top - oz) / dz;
            if (t >= near && t < best) {
              const hx = ex + t * dx;
              const hy = ey + t * dy;
              if (hx * hx + hy * hy <= r * r) best = t;
            }
          }
        } else {
          const cs = scene.cos[i];
          const sn = scene.sin[i];
          const lox = cs * ex + sn * ey;
          const loy = -sn * ex + cs * ey;
          const ldx = cs * dx + sn * dy;
          const ldy = -sn * dx + cs * dy;
          if (!slab(lox, ldx, -scene.a[i], scene.a[i], rx_)) continue;
          if (!slab(loy, ldy, -scene.b[i], scene.b[i], ry_)) continue;
          if (!slab(oz, dz, 0, top, rz_)) continue;
          const tIn = Math.max(rx_[0], ry_[0], rz_[0]);
          const tOut = Math.min(rx_[1], ry_[1], rz_[1]);
          if (tIn <= tOut && tIn >= near && tIn < best) best = tIn;
        }
      }
      img[v * W + u] = best <= far ? best : 0;
    }
  }
  return img;
}
