/**
 * The map a robot builds from its own depth images, for the fair (depth-only) classical baseline: every depth pixel
 * is back-projected to a world point (the same pinhole the renderer uses), and a point above the ground marks its
 * top-down cell as occupied. Cells never seen stay free (the optimistic convention of exploration planners); the
 * world is static, so a cell once occupied stays so. The grid's own edge is known (it is the map's extent).
 * The cost map on top is built exactly as the privileged one (costmap.ts), from the clearance to the occupied cells.
 */
import { cameraIntrinsics, cameraPoseInWorld, type DepthCameraSpec } from './camera.ts';
import { distanceToSeeds } from './edt.ts';
import {
  costMapFromClearance,
  gridSize,
  resolveCostMapParams,
  type CostMap,
  type CostMapParams,
} from './costmap.ts';
import { boundsClearance } from '../worlds/geometry.ts';
import type { Bounds, Pose2 } from '../worlds/types.ts';

/** A return this high (m) or higher above the ground is an obstacle; lower ones are the floor. */
export const OBSTACLE_MIN_HEIGHT = 0.05;

export class OnlineMap {
  readonly params: CostMapParams;
  readonly nx: number;
  readonly ny: number;
  /** 1 where some depth return above the floor has landed. */
  readonly occupied: Uint8Array;
  /** Clearance to the map's edge (m, capped), fixed. */
  private readonly edgeClearance: Float32Array;

  constructor(
    readonly bounds: Bounds,
    params: Partial<CostMapParams> = {},
  ) {
    this.params = resolveCostMapParams(params);
    const { nx, ny } = gridSize(bounds, this.params.cellSize);
    this.nx = nx;
    this.ny = ny;
    this.occupied = new Uint8Array(nx * ny);
    this.edgeClearance = new Float32Array(nx * ny);
    const h = this.params.cellSize;
    for (let iy = 0; iy < ny; iy++)
      for (let ix = 0; ix < nx; ix++)
        this.edgeClearance[iy * nx + ix] = Math.min(
          this.params.clearanceCap,
          boundsClearance(bounds, bounds.minX + (ix + 0.5) * h, bounds.minY + (iy + 0.5) * h),
        );
  }

  /** Mark the cells hit by the obstacle returns of one z-depth image (m, 0 = no return) seen from `robot`. */
  integrate(depth: Float32Array, camera: DepthCameraSpec, robot: Pose2): number {
    const K = cameraIntrinsics(camera);
    const cam = cameraPoseInWorld(camera, robot);
    const [ox, oy, oz] = cam.position;
    const [fx, fy, fz] = cam.forward;
    const [rx, ry, rz] = cam.right;
    const [ux, uy, uz] = cam.up;
    const h = this.params.cellSize;
    const b = this.bounds;
    let marked = 0;
    for (let v = 0; v < camera.height; v++) {
      const bv = (K.cy - (v + 0.5)) / K.fy;
      for (let u = 0; u < camera.width; u++) {
        const d = depth[v * camera.width + u];
        if (!(d > 0)) continue;
        const a = (u + 0.5 - K.cx) / K.fx;
        // z-depth d along the optical axis: the point is d·(forward + a·right + b·up) from the camera.
        const z = oz + d * (fz + a * rz + bv * uz);
        if (z < OBSTACLE_MIN_HEIGHT) continue;
        const x = ox + d * (fx + a * rx + bv * ux);
        const y = oy + d * (fy + a * ry + bv * uy);
        const ix = Math.floor((x - b.minX) / h);
        const iy = Math.floor((y - b.minY) / h);
        if (ix < 0 || iy < 0 || ix >= this.nx || iy >= this.ny) continue;
        const i = iy * this.nx + ix;
        if (!this.occupied[i]) marked++;
        this.occupied[i] = 1;
      }
    }
    return marked;
  }

  /**
   * The cost map of what has been seen: clearance = distance to the nearest occupied cell, less half a cell's
   * diagonal (the hit may lie anywhere in its cell), capped, and never more than the clearance to the map's edge.
   */
  costMap(): CostMap {
    const { nx, ny } = this;
    const p = this.params;
    const cells = distanceToSeeds(this.occupied, nx, ny);
    const slack = p.cellSize * Math.SQRT1_2;
    const clearance = new Float32Array(nx * ny);
    for (let i = 0; i < clearance.length; i++) {
      const seen = Number.isFinite(cells[i]) ? Math.max(0, cells[i] * p.cellSize - slack) : Infinity;
      clearance[i] = Math.min(p.clearanceCap, this.edgeClearance[i], seen);
    }
    return costMapFromClearance(this.bounds, p, nx, ny, clearance);
  }
}
