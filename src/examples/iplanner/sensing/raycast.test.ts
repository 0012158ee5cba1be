import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { cameraIntrinsics, cameraPoseInWorld, DEFAULT_CAMERA, type DepthCameraSpec } from './camera.ts';
import { applyDepthNoise } from './depth-noise.ts';
import { prepareRayScene, renderDepth } from './raycast.ts';
import type { Obstacle, Pose2 } from '../worlds/types.ts';
import { generateWorld } from '../worlds/worlds.ts';

const flatCam: DepthCameraSpec = { ...DEFAULT_CAMERA, pitch: 0, mountHeight: 0.6 };

/** Pixel ray (origin, direction with unit forward component) computed from the pose, for the marcher. */
function pixelRay(spec: DepthCameraSpec, pose: Pose2, u: number, v: number) {
  const K = cameraIntrinsics(spec);
  const cam = cameraPoseInWorld(spec, pose);
  const a = (u + 0.5 - K.cx) / K.fx;
  const b = (K.cy - (v + 0.5)) / K.fy;
  const d = [0, 1, 2].map((i) => cam.forward[i] + a * cam.right[i] + b * cam.up[i]);
  return { o: cam.position, d };
}

/** Inside test of the solid world (primitives and the half-space below the ground). */
function inside(obstacles: readonly Obstacle[], x: number, y: number, z: number, ground: boolean): boolean {
  if (ground && z < 0) return true;
  for (const o of obstacles) {
    if (z < 0 || z > o.height) continue;
    if (o.kind === 'cylinder') {
      if (Math.hypot(x - o.x, y - o.y) <= o.radius) return true;
    } else {
      const c = Math.cos(o.yaw);
      const s = Math.sin(o.yaw);
      const lx = c * (x - o.x) + s * (y - o.y);
      const ly = -s * (x - o.x) + c * (y - o.y);
      if (Math.abs(lx) <= o.halfX && Math.abs(ly) <= o.halfY) return true;
    }
  }
  return false;
}

/** Brute-force depth: march in small steps to the first solid point, then bisect. */
function marchDepth(
  obstacles: readonly Obstacle[],
  spec: DepthCameraSpec,
  pose: Pose2,
  u: number,
  v: number,
): number {
  const { o, d } = pixelRay(spec, pose, u, v);
  const at = (t: number) => inside(obstacles, o[0] + t * d[0], o[1] + t * d[1], o[2] + t * d[2], true);
  const step = 0.002;
  let lo = spec.near;
  if (at(lo)) return 0;
  for (let t = spec.near + step; t <= spec.maxRange + step; t += step) {
    if (at(t)) {
      let hi = t;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (at(mid)) hi = mid;
        else lo = mid;
      }
      return hi <= spec.maxRange ? hi : 0;
    }
    lo = t;
  }
  return 0;
}

function compareWithMarcher(obstacles: Obstacle[], spec: DepthCameraSpec, pose: Pose2, stride = 1) {
  const img = renderDepth(prepareRayScene(obstacles), spec, pose);
  let compared = 0;
  let disagree = 0;
  for (let v = 0; v < spec.height; v += stride)
    for (let u = 0; u < spec.width; u += stride) {
      const expected = marchDepth(obstacles, spec, pose, u, v);
      const got = img[v * spec.width + u];
      compared++;
      if (Math.abs(got - expected) > 2e-6) disagree++;
    }
  return { compared, disagree };
}

describe('depth ray caster', () => {
  const pose: Pose2 = { x: 1, y: 2, yaw: 0 };

  it('sees the ground at the analytic z-depth D·cos p + h·sin p in every row', () => {
    for (const pitch of [0, 0.2, 0.45]) {
      const spec = { ...DEFAULT_CAMERA, pitch };
      const img = renderDepth(prepareRayScene([]), spec, { x: 0, y: 0, yaw: 0.7 });
      const K = cameraIntrinsics(spec);
      for (let v = 0; v < spec.height; v++) {
        const depression = pitch - Math.atan((K.cy - (v + 0.5)) / K.fy);
        const D = spec.mountHeight / Math.tan(depression);
        const z = depression > 0 ? D * Math.cos(pitch) + spec.mountHeight * Math.sin(pitch) : Infinity;
        const expected = z <= spec.maxRange ? z : 0;
        for (let u = 0; u < spec.width; u++) expect(img[v * spec.width + u]).toBeCloseTo(expected, 5);
      }
    }
  });

  it('returns a constant z-depth (not ray length) on a fronto-parallel box face', () => {
    const box: Obstacle = { id: 0, kind: 'box', x: 5.5, y: 2, halfX: 0.5, halfY: 2, yaw: 0, height: 2 };
    const img = renderDepth(prepareRayScene([box]), flatCam, pose, { ground: false });
    const K = cameraIntrinsics(flatCam);
    let faceHits = 0;
    for (let v = 0; v < flatCam.height; v++)
      for (let u = 0; u < flatCam.width; u++) {
        const a = (u + 0.5 - K.cx) / K.fx;
        const b = (K.cy - (v + 0.5)) / K.fy;
        const D = 5 - pose.x; // the face x = 5
        const hitsFace =
          Math.abs(-a * D) <= 2 && flatCam.mountHeight + b * D >= 0 && flatCam.mountHeight + b * D <= 2;
        const got = img[v * flatCam.width + u];
        if (hitsFace) {
          faceHits++;
          expect(got).toBeCloseTo(D, 5);
        } else expect(got).toBe(0);
      }
    expect(faceHits).toBeGreaterThan(500);
  });

  it('meets a cylinder where the closed-form line–circle intersection says (central row, no pitch)', () => {
    const cyl: Obstacle = { id: 0, kind: 'cylinder', x: 6, y: 2.4, radius: 0.5, height: 3 };
    const img = renderDepth(prepareRayScene([cyl]), flatCam, pose, { ground: false });
    const K = cameraIntrinsics(flatCam);
    const v = flatCam.height / 2; // b = −0.5/fy: the ray dips slightly, still within the cylinder's height
    let hits = 0;
    for (let u = 0; u < flatCam.width; u++) {
      const a = (u + 0.5 - K.cx) / K.fx;
      // Horizontal ray (1, −a) from (1, 2); distance from the centre to the line, then back off along it.
      const nx = 1 / Math.hypot(1, a);
      const ny = -a / Math.hypot(1, a);
      const cx = cyl.x - pose.x;
      const cy = cyl.y - pose.y;
      const along = cx * nx + cy * ny;
      const perp = Math.abs(cx * ny - cy * nx);
      const got = img[v * flatCam.width + u];
      if (perp < 0.5) {
        hits++;
        const horizontal = along - Math.sqrt(0.25 - perp * perp);
        expect(got).toBeCloseTo(horizontal * nx, 5); // z-depth = forward component (Float32 output)
      } else expect(got).toBe(0);
    }
    expect(hits).toBeGreaterThan(3);
  });

  it('agrees with a brute-force ray marcher on rotated boxes, cylinder tops and the ground', () => {
    const obstacles: Obstacle[] = [
      { id: 0, kind: 'box', x: 4, y: 3.2, halfX: 0.8, halfY: 0.3, yaw: 0.7, height: 0.4 },
      { id: 1, kind: 'cylinder', x: 3.5, y: 1.2, radius: 0.4, height: 0.3 },
      { id: 2, kind: 'box', x: 7, y: 1, halfX: 0.3, halfY: 1.5, yaw: -0.3, height: 2.5 },
      { id: 3, kind: 'cylinder', x: 8, y: 4, radius: 0.3, height: 6 },
    ];
    const { compared, disagree } = compareWithMarcher(obstacles, DEFAULT_CAMERA, pose);
    expect(compared).toBe(2048);
    // Only rays grazing an edge may fall between the marcher's 2 mm steps.
    expect(disagree).toBeLessThanOrEqual(4);
  });

  it('agrees with the marcher in generated worlds of every kind', () => {
    for (const kind of ['forest', 'rooms', 'corridors', 'garage'] as const) {
      const world = generateWorld(kind, 4);
      const { compared, disagree } = compareWithMarcher([...world.obstacles], DEFAULT_CAMERA, world.start, 3);
      expect(disagree / compared).toBeLessThan(0.01);
    }
  });

  it('returns 0 beyond the maximum range and honours near', () => {
    const wall: Obstacle = { id: 0, kind: 'box', x: 14, y: 2, halfX: 0.5, halfY: 5, yaw: 0, height: 3 };
    const img = renderDepth(prepareRayScene([wall]), flatCam, pose, { ground: false });
    expect([...img].every((d) => d === 0)).toBe(true);
  });

  it('adds seeded multiplicative noise and dropout with the requested statistics', () => {
    const world = generateWorld('forest', 2);
    const clean = renderDepth(prepareRayScene(world), DEFAULT_CAMERA, world.start);
    const noise = { relativeStd: 0.05, dropout: 0.1 };
    const a = applyDepthNoise(clean, noise, 10, createRng(9));
    const b = applyDepthNoise(clean, noise, 10, createRng(9));
    expect([...a]).toEqual([...b]);
    let valid = 0;
    let dropped = 0;
    let sum2 = 0;
    let kept = 0;
    for (let rep = 0; rep < 20; rep++) {
      const n = applyDepthNoise(clean, noise, 10, createRng(100 + rep));
      for (let i = 0; i < clean.length; i++) {
        if (clean[i] <= 0 || clean[i] > 9) continue;
        valid++;
        if (n[i] === 0) dropped++;
        else {
          const rel = n[i] / clean[i] - 1;
          sum2 += rel * rel;
          kept++;
        }
      }
    }
    const rate = dropped / valid;
    expect(Math.abs(rate - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / valid));
    expect(Math.sqrt(sum2 / kept)).toBeGreaterThan(0.05 * 0.95);
    expect(Math.sqrt(sum2 / kept)).toBeLessThan(0.05 * 1.05);
  });
});
