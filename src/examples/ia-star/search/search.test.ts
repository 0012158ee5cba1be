import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { bruteForceDistances } from '../../../test-support/grid-brute-force.ts';
import { createGridMap, type GridMap, type GridPoint, gridPoint, mapFromRows } from '../maps/grid-map.ts';
import { createSearchContext } from './search-context.ts';
import { type PlannerKind, type SearchOptions, TIE_RULES } from './search-options.ts';
import { cellSteps, planOnce, type PlanResult, search } from './search.ts';

const rowsMap = (...rows: string[]): GridMap => mapFromRows(rows);

/** Every step of the path is a legal move (free cells, 8-connected, no corner cutting unless allowed). */
function expectValidPath(
  map: GridMap,
  r: PlanResult,
  start: GridPoint,
  goal: GridPoint,
  cornerCutting = false,
): void {
  const { width } = map;
  expect(r.path[0]).toBe(start.y * width + start.x);
  expect(r.path[r.path.length - 1]).toBe(goal.y * width + goal.x);
  let length = 0;
  for (let i = 0; i < r.path.length; i++) {
    expect(map.blocked[r.path[i]]).toBe(0);
    if (i === 0) continue;
    const ax = r.path[i - 1] % width;
    const ay = Math.floor(r.path[i - 1] / width);
    const bx = r.path[i] % width;
    const by = Math.floor(r.path[i] / width);
    const dx = bx - ax;
    const dy = by - ay;
    expect(Math.max(Math.abs(dx), Math.abs(dy))).toBe(1);
    if (dx !== 0 && dy !== 0) {
      if (!cornerCutting) {
        expect(map.blocked[ay * width + bx]).toBe(0);
        expect(map.blocked[by * width + ax]).toBe(0);
      }
      length += Math.SQRT2;
    } else length += 1;
  }
  expect(r.pathLength).toBeCloseTo(length, 9);
}

function randomMap(seed: number): { map: GridMap; start: GridPoint; goal: GridPoint } {
  const rng = createRng(seed);
  const width = rng.int(3, 16);
  const height = rng.int(3, 16);
  const density = rng.uniform(0.05, 0.45);
  const map = createGridMap(width, height);
  for (let i = 0; i < map.blocked.length; i++) map.blocked[i] = rng.next() < density ? 1 : 0;
  const start = gridPoint(rng.int(0, width - 1), rng.int(0, height - 1));
  const goal = gridPoint(rng.int(0, width - 1), rng.int(0, height - 1));
  map.blocked[start.y * width + start.x] = 0;
  map.blocked[goal.y * width + goal.x] = 0;
  return { map, start, goal };
}

describe('hand-made maps: optimal lengths', () => {
  it('crosses an empty grid diagonally', () => {
    const r = planOnce(createGridMap(5, 5), gridPoint(0, 0), gridPoint(4, 4));
    expect(r.success).toBe(true);
    expect(r.pathLength).toBeCloseTo(4 * Math.SQRT2, 12);
    expect(r.path.length).toBe(5);
    // With ties to the larger g, A* walks straight down the diagonal.
    expect(r.expanded).toBe(5);
  });

  it('mixes straight and diagonal steps (octile distance)', () => {
    const r = planOnce(createGridMap(10, 4), gridPoint(0, 0), gridPoint(9, 3));
    expect(r.pathLength).toBeCloseTo(6 + 3 * Math.SQRT2, 12);
  });

  it('does not cut corners: a diagonal needs both orthogonal cells free', () => {
    const map = rowsMap('.@', '@.');
    expect(planOnce(map, gridPoint(0, 0), gridPoint(1, 1)).status).toBe('no-path');
    const cut = planOnce(map, gridPoint(0, 0), gridPoint(1, 1), { cornerCutting: true });
    expect(cut.pathLength).toBeCloseTo(Math.SQRT2, 12);
  });

  it('walks around a wall whose ends block the diagonals', () => {
    const map = rowsMap('.....', '.@@@.', '.....');
    // (0,1) → (0,0) → … → (4,0) → (4,1): the diagonals past the wall's ends would cut its corners.
    const r = planOnce(map, gridPoint(0, 1), gridPoint(4, 1));
    expect(r.pathLength).toBeCloseTo(6, 12);
    expectValidPath(map, r, gridPoint(0, 1), gridPoint(4, 1));
  });

  it('finds the only gap in a wall', () => {
    const map = rowsMap('...@...', '...@...', '.......', '...@...', '...@...');
    const r = planOnce(map, gridPoint(0, 0), gridPoint(6, 0));
    // Down to the gap row and back up: two diagonals in, a straight step through the gap, two diagonals out.
    expect(r.pathLength).toBeCloseTo(2 + 4 * Math.SQRT2, 12);
  });

  it('counts the goal among the expanded cells and handles start = goal', () => {
    const corridor = rowsMap('...');
    expect(planOnce(corridor, gridPoint(0, 0), gridPoint(2, 0)).expanded).toBe(3);
    const same = planOnce(corridor, gridPoint(1, 0), gridPoint(1, 0));
    expect(same).toMatchObject({ success: true, pathLength: 0, expanded: 1 });
    expect(Array.from(same.path)).toEqual([1]);
  });

  it('reports unreachable goals, walls under start or goal and points off the map', () => {
    const map = rowsMap('..@..', '..@..', '..@..');
    const none = planOnce(map, gridPoint(0, 0), gridPoint(4, 2));
    expect(none.status).toBe('no-path');
    expect(none.success).toBe(false);
    expect(none.pathLength).toBe(Number.POSITIVE_INFINITY);
    expect(none.expanded).toBe(6); // the start's whole side
    expect(planOnce(map, gridPoint(2, 0), gridPoint(0, 0)).status).toBe('start-blocked');
    expect(planOnce(map, gridPoint(0, 0), gridPoint(2, 1)).status).toBe('goal-blocked');
    expect(planOnce(map, gridPoint(5, 0), gridPoint(0, 0)).status).toBe('out-of-bounds');
    expect(planOnce(map, gridPoint(0, 0), gridPoint(-1, 0)).status).toBe('out-of-bounds');
  });

  it('stops at maxExpansions', () => {
    const r = planOnce(createGridMap(20, 20), gridPoint(0, 0), gridPoint(19, 19), {
      planner: 'dijkstra',
      maxExpansions: 10,
    });
    expect(r).toMatchObject({ status: 'limit', success: false, expanded: 10 });
  });

  it('rejects a weight below 1 and malformed cost maps', () => {
    const map = createGridMap(3, 3);
    expect(() => planOnce(map, gridPoint(0, 0), gridPoint(2, 2), { planner: 'wastar', weight: 0.5 })).toThrow(
      /w ≥ 1/,
    );
    expect(() => planOnce(map, gridPoint(0, 0), gridPoint(2, 2), { cellCost: new Float32Array(4) })).toThrow(
      /expected 9/,
    );
    expect(() =>
      planOnce(map, gridPoint(0, 0), gridPoint(2, 2), { cellCost: new Float32Array(9).fill(-1) }),
    ).toThrow(/not allowed/);
  });
});

describe('agreement with a brute-force Dijkstra on 300 seeded random maps', () => {
  const cases = Array.from({ length: 300 }, (_, i) => randomMap(1000 + i));
  const optimalPlanners: PlannerKind[] = ['astar', 'dijkstra'];

  it('A* (every tie rule) and Dijkstra find optimal lengths and valid paths, and fail only when no path exists', () => {
    let reachable = 0;
    for (const { map, start, goal } of cases) {
      const dist = bruteForceDistances(map.width, map.height, map.blocked, start);
      const optimal = dist[goal.y * map.width + goal.x];
      if (Number.isFinite(optimal)) reachable++;
      const ctx = createSearchContext(map);
      for (const planner of optimalPlanners) {
        for (const tie of TIE_RULES) {
          const r = search(ctx, start, goal, { planner, tie });
          expect(r.success).toBe(Number.isFinite(optimal));
          if (!r.success) continue;
          expect(Math.abs(r.pathLength - optimal)).toBeLessThan(1e-9);
          expectValidPath(map, r, start, goal);
        }
      }
    }
    // The sample must hold both kinds of query to mean anything.
    expect(reachable).toBeGreaterThan(150);
    expect(reachable).toBeLessThan(300);
  });

  it('weighted A* stays within w × optimal, greedy finds a valid path whenever one exists', () => {
    for (const { map, start, goal } of cases) {
      const optimal = bruteForceDistances(map.width, map.height, map.blocked, start)[
        goal.y * map.width + goal.x
      ];
      const ctx = createSearchContext(map);
      for (const weight of [1, 1.2, 1.5, 2, 3, 5]) {
        const r = search(ctx, start, goal, { planner: 'wastar', weight });
        expect(r.success).toBe(Number.isFinite(optimal));
        if (r.success) {
          expect(r.pathLength).toBeLessThanOrEqual(weight * optimal + 1e-9);
          expect(r.pathLength).toBeGreaterThanOrEqual(optimal - 1e-9);
          expectValidPath(map, r, start, goal);
        }
      }
      const greedy = search(ctx, start, goal, { planner: 'greedy' });
      expect(greedy.success).toBe(Number.isFinite(optimal));
      if (greedy.success) expectValidPath(map, greedy, start, goal);
    }
  });

  it('with a cell cost map, A* and Dijkstra minimise straight/diagonal steps plus the cost of every cell entered', () => {
    for (const [i, { map, start, goal }] of cases.slice(0, 120).entries()) {
      const rng = createRng(i);
      const cellCost = Float32Array.from({ length: map.blocked.length }, () => rng.uniform(0, 2));
      const optimal = bruteForceDistances(map.width, map.height, map.blocked, start, { cellCost })[
        goal.y * map.width + goal.x
      ];
      for (const planner of optimalPlanners) {
        for (const tie of ['high-g', 'index'] as const) {
          const r = planOnce(map, start, goal, { planner, tie, cellCost });
          expect(r.success).toBe(Number.isFinite(optimal));
          if (r.success) expect(Math.abs(r.pathCost - optimal)).toBeLessThan(1e-6);
        }
      }
    }
  });

  it("Neural A*'s cost model (unit moves, corner cutting) finds unit-cost shortest paths here", () => {
    for (const { map, start, goal } of cases) {
      const optimal = bruteForceDistances(map.width, map.height, map.blocked, start, {
        unitCost: true,
        cornerCutting: true,
      })[goal.y * map.width + goal.x];
      const r = planOnce(map, start, goal, { costModel: 'neural-astar', tie: 'index' });
      expect(r.success).toBe(Number.isFinite(optimal));
      if (!r.success) continue;
      // h = Chebyshev + 0.001·Euclidean overestimates by < 1 move, so with integer costs the path stays optimal.
      expect(r.pathCost).toBe(optimal);
      expect(r.pathCost).toBe(r.path.length - 1);
      expectValidPath(map, r, start, goal, true);
    }
  });
});

describe('search records and reuse', () => {
  it('expansion order, opened order and per-cell steps agree', () => {
    const { map, start, goal } = randomMap(7);
    const r = planOnce(map, start, goal, { recordCellSteps: true });
    const { openedAt, closedAt } = r;
    expect(openedAt).toBeDefined();
    expect(closedAt).toBeDefined();
    if (!openedAt || !closedAt) return;
    expect(r.expansionOrder.length).toBe(r.expanded);
    expect(openedAt[start.y * map.width + start.x]).toBe(0);
    r.expansionOrder.forEach((cell, i) => {
      expect(closedAt[cell]).toBe(i + 1);
      expect(openedAt[cell]).toBeLessThanOrEqual(i);
    });
    expect(openedAt.filter((s) => s >= 0).length).toBe(r.openedOrder.length);
    expect(closedAt.filter((s) => s >= 0).length).toBe(r.expanded);
    // Replaying: after t expansions, the open list holds the opened, not yet closed cells.
    const t = Math.floor(r.expanded / 2);
    const openAtT = Array.from(openedAt.keys()).filter(
      (c) => openedAt[c] >= 0 && openedAt[c] <= t && !(closedAt[c] >= 0 && closedAt[c] <= t),
    );
    expect(openAtT.length).toBeGreaterThan(0);
    expect(cellSteps(r, map.width * map.height)).toEqual({ openedAt, closedAt });
  });

  it('a reused context gives exactly what a fresh one gives, also across a generation wrap-around', () => {
    const map = randomMap(11).map;
    const ctx = createSearchContext(map);
    const rng = createRng(5);
    for (let q = 0; q < 60; q++) {
      const start = gridPoint(rng.int(0, map.width - 1), rng.int(0, map.height - 1));
      const goal = gridPoint(rng.int(0, map.width - 1), rng.int(0, map.height - 1));
      if (q === 30) ctx.generation = 0x7ffe; // the next query wraps the 16-bit stamps
      const options: SearchOptions = { tie: TIE_RULES[q % TIE_RULES.length], cornerCutting: q % 3 === 0 };
      const reused = search(ctx, start, goal, options);
      const fresh = search(createSearchContext(map), start, goal, options);
      expect(reused.status).toBe(fresh.status);
      expect(Array.from(reused.expansionOrder)).toEqual(Array.from(fresh.expansionOrder));
      expect(Array.from(reused.path)).toEqual(Array.from(fresh.path));
    }
  });

  it('the fast octile loop and the general loop expand the same cells in the same order', () => {
    // A zero cost map forces the general loop without changing any cost.
    for (let seed = 0; seed < 40; seed++) {
      const { map, start, goal } = randomMap(500 + seed);
      for (const tie of TIE_RULES) {
        for (const planner of ['astar', 'dijkstra', 'wastar', 'greedy'] as const) {
          const fast = planOnce(map, start, goal, { tie, planner });
          const general = planOnce(map, start, goal, {
            tie,
            planner,
            cellCost: new Float32Array(map.blocked.length),
          });
          expect(Array.from(fast.expansionOrder)).toEqual(Array.from(general.expansionOrder));
          expect(Array.from(fast.path)).toEqual(Array.from(general.path));
        }
      }
    }
  });

  it('a constant guidance map shifts every f alike and changes nothing; a ridge of guidance is avoided', () => {
    const map = createGridMap(15, 9);
    const start = gridPoint(0, 4);
    const goal = gridPoint(14, 4);
    const plain = planOnce(map, start, goal, { tie: 'index' });
    const shifted = planOnce(map, start, goal, { tie: 'index', guidance: new Float32Array(15 * 9).fill(3) });
    expect(Array.from(shifted.expansionOrder)).toEqual(Array.from(plain.expansionOrder));
    // Raise f along the middle row: the search goes around it (an optimal path exists off that row).
    const guidance = new Float32Array(15 * 9);
    for (let x = 1; x < 14; x++) guidance[4 * 15 + x] = 100;
    const steered = planOnce(map, start, goal, { guidance });
    expect(steered.success).toBe(true);
    expect(Array.from(steered.path).filter((c) => c > 4 * 15 && c < 4 * 15 + 14)).toEqual([]);
  });
});
