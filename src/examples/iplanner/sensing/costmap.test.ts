import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { buildCostMap, cellCentreX, cellCentreY, sampleCost } from './costmap.ts';
import { pointClearance } from '../worlds/geometry.ts';
import type { Bounds, Obstacle } from '../worlds/types.ts';

const bounds: Bounds = { minX: 0, minY: 0, maxX: 6, maxY: 4 };
const obstacles: Obstacle[] = [
  { id: 0, kind: 'cylinder', x: 1.5, y: 1.7, radius: 0.45, height: 2 },
  { id: 1, kind: 'box', x: 4.1, y: 2.2, halfX: 0.9, halfY: 0.3, yaw: 0.6, height: 1 },
  { id: 2, kind: 'box', x: 2.9, y: 0.6, halfX: 0.25, halfY: 0.25, yaw: 0, height: 1 },
];
const world = { bounds, obstacles };

describe('cost map', () => {
  const map = buildCostMap(world, { cellSize: 0.1, clearanceCap: 1 });
  const p = map.params;

  it('has the exact clearance of every cell centre (capped)', () => {
    for (let iy = 0; iy < map.ny; iy++)
      for (let ix = 0; ix < map.nx; ix++) {
        const exact = pointClearance(obstacles, bounds, cellCentreX(map, ix), cellCentreY(map, iy));
        expect(map.clearance[iy * map.nx + ix]).toBeCloseTo(Math.min(exact, p.clearanceCap), 5);
      }
  });

  it('inflates by the robot radius and measures depth as brute-force distance to the nearest free cell', () => {
    const n = map.nx * map.ny;
    for (let i = 0; i < n; i++) {
      expect(map.inflated[i]).toBe(map.clearance[i] <= p.robotRadius ? 1 : 0);
      let best = Infinity;
      if (map.inflated[i])
        for (let j = 0; j < n; j++)
          if (!map.inflated[j])
            best = Math.min(
              best,
              Math.hypot((i % map.nx) - (j % map.nx), Math.floor(i / map.nx) - Math.floor(j / map.nx)),
            );
      const expected = map.inflated[i] ? best * p.cellSize : 0;
      expect(map.depth[i]).toBeCloseTo(expected, 5);
    }
  });

  it('is ln(1 + blurred depth / unit), computed here by a direct 2D Gaussian sum', () => {
    const sigma = p.smoothingSigma / p.cellSize;
    const R = Math.ceil(3 * sigma);
    const w1 = (k: number) => Math.exp((-0.5 * k * k) / (sigma * sigma));
    let norm = 0;
    for (let k = -R; k <= R; k++) norm += w1(k);
    const rng = createRng(3);
    for (let s = 0; s < 300; s++) {
      const ix = rng.int(0, map.nx - 1);
      const iy = rng.int(0, map.ny - 1);
      let acc = 0;
      for (let dy = -R; dy <= R; dy++)
        for (let dx = -R; dx <= R; dx++) {
          const jx = Math.min(map.nx - 1, Math.max(0, ix + dx));
          const jy = Math.min(map.ny - 1, Math.max(0, iy + dy));
          acc += (w1(dx) * w1(dy) * map.depth[jy * map.nx + jx]) / (norm * norm);
        }
      expect(map.cost[iy * map.nx + ix]).toBeCloseTo(Math.log1p(acc / p.distanceUnit), 5);
    }
  });

  it('is 0 far from obstacles and highest deep inside them', () => {
    const reach = p.robotRadius + 3 * p.smoothingSigma + 2 * p.cellSize;
    let far = 0;
    for (let i = 0; i < map.nx * map.ny; i++)
      if (map.clearance[i] > reach) {
        expect(map.cost[i]).toBe(0);
        far++;
      }
    expect(far).toBeGreaterThan(50);
    const centre = sampleCost(map, 1.5, 1.7);
    const rim = sampleCost(map, 1.5 + 0.45 + 0.2, 1.7);
    const outside = sampleCost(map, 1.5 + 0.45 + 0.6, 1.7);
    expect(centre).toBeGreaterThan(rim);
    expect(rim).toBeGreaterThan(outside);
  });

  it('samples bilinearly: exact at cell centres, averaged between them, clamped at the border', () => {
    const i = 17 * map.nx + 23;
    expect(sampleCost(map, cellCentreX(map, 23), cellCentreY(map, 17))).toBeCloseTo(map.cost[i], 6);
    const mid = sampleCost(map, cellCentreX(map, 23) + p.cellSize / 2, cellCentreY(map, 17) + p.cellSize / 2);
    const avg = (map.cost[i] + map.cost[i + 1] + map.cost[i + map.nx] + map.cost[i + map.nx + 1]) / 4;
    expect(mid).toBeCloseTo(avg, 6);
    const g = new Float64Array(2);
    expect(sampleCost(map, -3, 1.23, g)).toBeCloseTo(sampleCost(map, 0.05, 1.23), 9);
    expect(g[0]).toBe(0);
  });

  it('has the gradient of its bilinear interpolant (central finite differences)', () => {
    const rng = createRng(5);
    const g = new Float64Array(2);
    const h = 1e-6;
    for (let s = 0; s < 200; s++) {
      const x = rng.uniform(0.1, 5.9);
      const y = rng.uniform(0.1, 3.9);
      sampleCost(map, x, y, g);
      const fdx = (sampleCost(map, x + h, y) - sampleCost(map, x - h, y)) / (2 * h);
      const fdy = (sampleCost(map, x, y + h) - sampleCost(map, x, y - h)) / (2 * h);
      expect(g[0]).toBeCloseTo(fdx, 4);
      expect(g[1]).toBeCloseTo(fdy, 4);
    }
  });
});
