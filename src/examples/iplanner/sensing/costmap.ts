/**
 * The memory M of iPlanner: a top-down cost map of the world, built as in iPlanner's ESDF mapping
 * (leggedrobotics/iPlanner, esdf_mapping.py) but from the exact primitives instead of a point cloud:
 *
 *   1. clearance(c) = exact distance (m) from cell centre c to the nearest obstacle footprint or world edge;
 *   2. inflated(c)  = clearance(c) ≤ r, with r the robot radius;
 *   3. depth(c)     = Euclidean distance (m, centre to centre) from c to the nearest non-inflated cell,
 *                     by the exact distance transform (Felzenszwalb) — 0 outside the inflated region;
 *   4. smoothed     = G_σ * depth, a Gaussian blur (σ in metres, border cells repeated);
 *   5. cost(c)      = ln(1 + smoothed(c) / u), with u = distanceUnit.
 *
 * iPlanner measures the distance in voxels of 0.05 m, blurs with σ = 2.5 voxels and thresholds the cost
 * at 0.5 for its fear labels; the defaults here (u = 0.05 m, σ = 0.125 m) keep those numbers meaning the
 * same whatever the cell size. The cost is 0 far from obstacles, rises across the inflated rim and is
 * highest deep inside obstacles. Queries sample it bilinearly between cell centres, with the gradient
 * with respect to the query point (so gradients reach the waypoints).
 */
import { distanceToSeeds } from './edt.ts';
import { boundsClearance, footprintHalfExtents, pointObstacleDistance } from '../worlds/geometry.ts';
import type { Bounds, Obstacle, World } from '../worlds/types.ts';

export interface CostMapParams {
  /** Cell edge (m). */
  cellSize: number;
  /** Robot radius (m): the inflation of every footprint and of the world's edge. */
  robotRadius: number;
  /** Standard deviation of the Gaussian blur of the distance field (m). */
  smoothingSigma: number;
  /** The length (m) that the log cost measures distance in: cost = ln(1 + distance / distanceUnit). */
  distanceUnit: number;
  /** Extra margin (m) added to the robot radius for the grid planner's blocked cells. */
  plannerMargin: number;
  /** The clearance field is exact up to this distance (m) and capped there. */
  clearanceCap: number;
}

export const DEFAULT_COST_MAP_PARAMS: CostMapParams = {
  cellSize: 0.1,
  robotRadius: 0.3,
  smoothingSigma: 0.125,
  distanceUnit: 0.05,
  // A path through 8-neighbour cell centres (no corner cutting) stays within cellSize·√2/2 of a free centre.
  plannerMargin: 0.1 * Math.SQRT1_2,
  clearanceCap: 1.0,
};

export interface CostMap {
  params: CostMapParams;
  bounds: Bounds;
  nx: number;
  ny: number;
  /** Exact distance (m) from each cell centre to the nearest footprint or world edge, capped at clearanceCap. */
  clearance: Float32Array;
  /** 1 where clearance ≤ robotRadius (the inflated obstacles). */
  inflated: Uint8Array;
  /** 1 where the grid planner may not enter: clearance ≤ robotRadius + plannerMargin. */
  blocked: Uint8Array;
  /** Distance (m) from each inflated cell to the nearest non-inflated cell; 0 elsewhere. */
  depth: Float32Array;
  /** The cost, ln(1 + (G_σ * depth) / distanceUnit). */
  cost: Float32Array;
}

/** x (m) of the centre of column ix. */
export function cellCentreX(map: CostMap, ix: number): number {
  return map.bounds.minX + (ix + 0.5) * map.params.cellSize;
}

/** y (m) of the centre of row iy. */
export function cellCentreY(map: CostMap, iy: number): number {
  return map.bounds.minY + (iy + 0.5) * map.params.cellSize;
}

/** The cell holding world point (x, y), clamped to the grid. */
export function cellIndexOf(map: CostMap, x: number, y: number): number {
  const h = map.params.cellSize;
  const ix = Math.min(map.nx - 1, Math.max(0, Math.floor((x - map.bounds.minX) / h)));
  const iy = Math.min(map.ny - 1, Math.max(0, Math.floor((y - map.bounds.minY) / h)));
  return iy * map.nx + ix;
}

function computeClearance(
  obstacles: readonly Obstacle[],
  bounds: Bounds,
  p: CostMapParams,
  nx: number,
  ny: number,
) {
  const h = p.cellSize;
  const cap = p.clearanceCap;
  const clearance = new Float32Array(nx * ny);
  for (let iy = 0; iy < ny; iy++) {
    const y = bounds.minY + (iy + 0.5) * h;
    for (let ix = 0; ix < nx; ix++) {
      const x = bounds.minX + (ix + 0.5) * h;
      clearance[iy * nx + ix] = Math.min(cap, boundsClearance(bounds, x, y));
    }
  }
  // Each obstacle only touches the cells within cap of its footprint's bounding box.
  for (const o of obstacles) {
    const { hx, hy } = footprintHalfExtents(o);
    const ix0 = Math.max(0, Math.floor((o.x - hx - cap - bounds.minX) / h));
    const ix1 = Math.min(nx - 1, Math.floor((o.x + hx + cap - bounds.minX) / h));
    const iy0 = Math.max(0, Math.floor((o.y - hy - cap - bounds.minY) / h));
    const iy1 = Math.min(ny - 1, Math.floor((o.y + hy + cap - bounds.minY) / h));
    for (let iy = iy0; iy <= iy1; iy++) {
      const y = bounds.minY + (iy + 0.5) * h;
      for (let ix = ix0; ix <= ix1; ix++) {
        const i = iy * nx + ix;
        const d = pointObstacleDistance(o, bounds.minX + (ix + 0.5) * h, y);
        if (d < clearance[i]) clearance[i] = d;
      }
    }
  }
  return clearance;
}

/** Separable Gaussian blur (σ in cells) with the border cells repeated. */
export function gaussianBlur(src: Float64Array, nx: number, ny: number, sigmaCells: number): Float64Array {
  if (sigmaCells <= 0) return Float64Array.from(src);
  const radius = Math.ceil(3 * sigmaCells);
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let k = -radius; k <= radius; k++) {
    kernel[k + radius] = Math.exp((-0.5 * k * k) / (sigmaCells * sigmaCells));
    sum += kernel[k + radius];
  }
  for (let k = 0; k < kernel.length; k++) kernel[k] /= sum;
  const tmp = new Float64Array(nx * ny);
  const out = new Float64Array(nx * ny);
  for (let iy = 0; iy < ny; iy++) {
    const row = iy * nx;
    for (let ix = 0; ix < nx; ix++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) {
        const j = Math.min(nx - 1, Math.max(0, ix + k));
        acc += kernel[k + radius] * src[row + j];
      }
      tmp[row + ix] = acc;
    }
  }
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      let acc = 0;
      for (let k = -radius; k <= radius; k++) {
        const j = Math.min(ny - 1, Math.max(0, iy + k));
        acc += kernel[k + radius] * tmp[j * nx + ix];
      }
      out[iy * nx + ix] = acc;
    }
  }
  return out;
}

/** Build the cost map of a world (see the module comment for the formula). */
export function buildCostMap(
  world: Pick<World, 'bounds' | 'obstacles'>,
  params: Partial<CostMapParams> = {},
): CostMap {
  const p = resolveCostMapParams(params);
  const { nx, ny } = gridSize(world.bounds, p.cellSize);
  return costMapFromClearance(
    world.bounds,
    p,
    nx,
    ny,
    computeClearance(world.obstacles, world.bounds, p, nx, ny),
  );
}

/** The defaults, with the planner margin following a custom cell size unless it is given. */
export function resolveCostMapParams(params: Partial<CostMapParams>): CostMapParams {
  const p: CostMapParams = { ...DEFAULT_COST_MAP_PARAMS, ...params };
  if (params.cellSize !== undefined && params.plannerMargin === undefined)
    p.plannerMargin = p.cellSize * Math.SQRT1_2;
  return p;
}

/** Columns and rows of a grid of cellSize cells over the bounds. */
export function gridSize(b: Bounds, cellSize: number): { nx: number; ny: number } {
  return {
    nx: Math.max(2, Math.ceil((b.maxX - b.minX) / cellSize - 1e-9)),
    ny: Math.max(2, Math.ceil((b.maxY - b.minY) / cellSize - 1e-9)),
  };
}

/**
 * Steps 2–5 of the module comment from a clearance field (m per cell): shared by the exact map of a world and the
 * map a robot builds online from its depth images.
 */
export function costMapFromClearance(
  bounds: Bounds,
  p: CostMapParams,
  nx: number,
  ny: number,
  clearance: Float32Array,
): CostMap {
  const n = nx * ny;
  const inflated = new Uint8Array(n);
  const blocked = new Uint8Array(n);
  const free = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    inflated[i] = clearance[i] <= p.robotRadius ? 1 : 0;
    blocked[i] = clearance[i] <= p.robotRadius + p.plannerMargin ? 1 : 0;
    free[i] = 1 - inflated[i];
  }
  const distCells = distanceToSeeds(free, nx, ny);
  const depthM = new Float64Array(n);
  // With no free cell at all, every cell is "deep": use the grid's diagonal as the distance.
  const fallback = Math.hypot(nx, ny) * p.cellSize;
  for (let i = 0; i < n; i++)
    depthM[i] = Number.isFinite(distCells[i]) ? distCells[i] * p.cellSize : fallback;
  const smoothed = gaussianBlur(depthM, nx, ny, p.smoothingSigma / p.cellSize);
  const cost = new Float32Array(n);
  for (let i = 0; i < n; i++) cost[i] = Math.log1p(Math.max(0, smoothed[i]) / p.distanceUnit);
  return {
    params: p,
    bounds: { ...bounds },
    nx,
    ny,
    clearance,
    inflated,
    blocked,
    depth: Float32Array.from(depthM),
    cost,
  };
}

/**
 * Bilinear sample of the cost at world point (x, y) between cell centres, clamped to the border
 * (as iPlanner's grid_sample with padding 'border'). When grad is given, writes ∂cost/∂x and ∂cost/∂y
 * (per metre) into grad[0], grad[1]; the gradient is 0 along an axis where the query is clamped.
 */
export function sampleCost(map: CostMap, x: number, y: number, grad?: Float64Array): number {
  const h = map.params.cellSize;
  const nx = map.nx;
  const ny = map.ny;
  let gx = (x - map.bounds.minX) / h - 0.5;
  let gy = (y - map.bounds.minY) / h - 0.5;
  let clampX = false;
  let clampY = false;
  if (gx <= 0) {
    gx = 0;
    clampX = true;
  } else if (gx >= nx - 1) {
    gx = nx - 1;
    clampX = true;
  }
  if (gy <= 0) {
    gy = 0;
    clampY = true;
  } else if (gy >= ny - 1) {
    gy = ny - 1;
    clampY = true;
  }
  const ix = Math.min(nx - 2, Math.floor(gx));
  const iy = Math.min(ny - 2, Math.floor(gy));
  const fx = gx - ix;
  const fy = gy - iy;
  const c = map.cost;
  const i00 = iy * nx + ix;
  const c00 = c[i00];
  const c10 = c[i00 + 1];
  const c01 = c[i00 + nx];
  const c11 = c[i00 + nx + 1];
  if (grad) {
    grad[0] = clampX ? 0 : ((1 - fy) * (c10 - c00) + fy * (c11 - c01)) / h;
    grad[1] = clampY ? 0 : ((1 - fx) * (c01 - c00) + fx * (c11 - c10)) / h;
  }
  return (1 - fx) * (1 - fy) * c00 + fx * (1 - fy) * c10 + (1 - fx) * fy * c01 + fx * fy * c11;
}
