import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { hasSharedData, sharedDataPath, sharedDataTitle } from '../../../test-support/shared-data.ts';
import { astar, type SearchGrid } from './astar.ts';

/** Independent reference: Dijkstra by repeated linear scans, the same move rules and costs. */
function bruteForceCost(grid: SearchGrid, start: number, goal: number, alpha: number): number {
  const { nx, ny, blocked, cellSize } = grid;
  const n = nx * ny;
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  dist[start] = 0;
  const ok = (i: number) => !blocked[i] || i === start || i === goal;
  for (;;) {
    let cur = -1;
    for (let i = 0; i < n; i++)
      if (!done[i] && dist[i] < Infinity && (cur < 0 || dist[i] < dist[cur])) cur = i;
    if (cur < 0) return Infinity;
    if (cur === goal) return dist[cur];
    done[cur] = 1;
    const cx = cur % nx;
    const cy = Math.floor(cur / nx);
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        if (!dx && !dy) continue;
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= nx || y >= ny || !ok(y * nx + x)) continue;
        if (dx && dy && (!ok(cy * nx + x) || !ok(y * nx + cx))) continue;
        const len = Math.hypot(dx, dy) * cellSize;
        const c = dist[cur] + len * (1 + alpha * (grid.cost ? grid.cost[y * nx + x] : 0));
        if (c < dist[y * nx + x]) dist[y * nx + x] = c;
      }
  }
}

describe('grid A*', () => {
  it('finds the optimal cost of the brute-force search on random small grids, with a valid path', () => {
    const rng = createRng(21);
    let solved = 0;
    for (let trial = 0; trial < 60; trial++) {
      const nx = rng.int(2, 12);
      const ny = rng.int(2, 12);
      const grid: SearchGrid = {
        nx,
        ny,
        cellSize: rng.uniform(0.1, 1),
        blocked: new Uint8Array(nx * ny).map(() => (rng.next() < 0.3 ? 1 : 0)),
        cost: new Float32Array(nx * ny).map(() => rng.uniform(0, 3)),
      };
      const start = rng.int(0, nx * ny - 1);
      const goal = rng.int(0, nx * ny - 1);
      const alpha = rng.next() < 0.3 ? 0 : rng.uniform(0, 2);
      const res = astar(grid, start, goal, alpha);
      const ref = bruteForceCost(grid, start, goal, alpha);
      expect(res.found).toBe(ref < Infinity);
      if (!res.found) continue;
      solved++;
      expect(res.cost).toBeCloseTo(ref, 9);
      // The path is made of legal moves whose costs add up to the reported cost.
      expect(res.cells[0]).toBe(start);
      expect(res.cells[res.cells.length - 1]).toBe(goal);
      let sum = 0;
      for (let i = 1; i < res.cells.length; i++) {
        const a = res.cells[i - 1];
        const b = res.cells[i];
        const dx = (b % nx) - (a % nx);
        const dy = Math.floor(b / nx) - Math.floor(a / nx);
        expect(Math.max(Math.abs(dx), Math.abs(dy))).toBe(1);
        if (i < res.cells.length - 1) expect(grid.blocked[b]).toBe(0);
        sum += Math.hypot(dx, dy) * grid.cellSize * (1 + alpha * grid.cost![b]);
      }
      expect(sum).toBeCloseTo(res.cost, 9);
    }
    expect(solved).toBeGreaterThan(20);
  });

  it('reports no path when the goal is walled off', () => {
    const blocked = new Uint8Array(25);
    for (const i of [6, 7, 8, 11, 13, 16, 17, 18]) blocked[i] = 1;
    const res = astar({ nx: 5, ny: 5, cellSize: 1, blocked }, 0, 12);
    expect(res.found).toBe(false);
    expect(res.cost).toBe(Infinity);
  });
});

function loadMovingAi(mapFile: string) {
  const lines = readFileSync(sharedDataPath('movingai', mapFile), 'utf8').split(/\r?\n/);
  const ny = Number(lines[1].split(' ')[1]);
  const nx = Number(lines[2].split(' ')[1]);
  const blocked = new Uint8Array(nx * ny);
  for (let y = 0; y < ny; y++)
    for (let x = 0; x < nx; x++) blocked[y * nx + x] = '.GS'.includes(lines[4 + y][x]) ? 0 : 1;
  return { nx, ny, blocked, cellSize: 1 };
}

describe.skipIf(!hasSharedData)(
  sharedDataTitle('grid A* on Moving AI benchmarks (α = 0: octile, no corner cutting)'),
  () => {
    for (const [mapFile, scenFile] of [
      ['arena.map', 'arena.map.scen'],
      ['random-32-32-10.map', 'random-32-32-10-random-1.scen'],
      ['den312d.map', 'den312d.map.scen'],
    ])
      it(`matches every optimal length of ${scenFile}`, () => {
        const grid = loadMovingAi(mapFile);
        const rows = readFileSync(sharedDataPath('movingai', scenFile), 'utf8')
          .trim()
          .split(/\r?\n/)
          .slice(1);
        expect(rows.length).toBeGreaterThan(100);
        for (const row of rows) {
          const f = row.split('\t');
          const [sx, sy, gx, gy] = [4, 5, 6, 7].map((i) => Number(f[i]));
          const res = astar(grid, sy * grid.nx + sx, gy * grid.nx + gx, 0);
          expect(res.found).toBe(true);
          expect(res.cost).toBeCloseTo(Number(f[8]), 5);
        }
      });
  },
);
