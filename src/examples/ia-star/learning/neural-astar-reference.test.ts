import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../../../test-support/npy.ts';
import { hasSharedData, sharedDataPath, sharedDataTitle } from '../../../test-support/shared-data.ts';
import { parseReferenceMap } from '../formats/format-reference-map.ts';
import { createGridMap, type GridScene, gridPoint } from '../maps/grid-map.ts';
import { createSearchContext } from '../search/search-context.ts';
import type { SearchOptions } from '../search/search-options.ts';
import { search } from '../search/search.ts';

/**
 * ../shared/data/neural-astar-reference: 64 maps run through the published planners (omron-sinicx/neural-astar
 * VanillaAstar / DifferentiableAstar, sair-lab/iAstar dastar) and through classic heap A* under several cost
 * models and tie rules. Set to the same model, this engine must expand exactly as many cells and return the
 * same paths.
 */
const dir = (...parts: string[]): string => sharedDataPath('neural-astar-reference', ...parts);

type Row = Record<string, string>;

function readRows(): Row[] {
  const [head, ...lines] = readFileSync(dir('reference_results.csv'), 'utf8').trim().split(/\r?\n/);
  const keys = head.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v])));
}

function sceneOf(row: Row): GridScene {
  const scene = parseReferenceMap(readFileSync(dir(`map${row.size}_${row.id.padStart(2, '0')}.txt`), 'utf8'));
  // The text file and the CSV must describe the same query.
  expect([scene.start.y, scene.start.x, scene.goal.y, scene.goal.x]).toEqual(
    [row.start_row, row.start_col, row.goal_row, row.goal_col].map(Number),
  );
  return scene;
}

/** CSV column → engine settings reproducing that planner. The reference heap planners compared f exactly. */
const COLUMNS: [string, SearchOptions][] = [
  ['na_vanilla_expanded', { costModel: 'neural-astar', tie: 'index' }],
  ['unitcost_heap_expanded_fifo', { costModel: 'neural-astar', tie: 'fifo' }],
  ['unitcost_heap_expanded_lifo', { costModel: 'neural-astar', tie: 'lifo' }],
  ['octile_heap_expanded_high_g', { cornerCutting: true, tie: 'high-g', tieEpsilon: 0 }],
  [
    'octile_heap_expanded_fifo',
    { cornerCutting: true, tie: 'fifo', tieEpsilon: 0, neighbourOrder: 'straight-first' },
  ],
  ['octile_heap_expanded_index', { cornerCutting: true, tie: 'index', tieEpsilon: 0 }],
  ['octile_nocut_heap_expanded_high_g', { tie: 'high-g', tieEpsilon: 0 }],
  [
    'euclid_heap_expanded_index',
    { cornerCutting: true, tie: 'index', heuristic: 'euclidean', diagonalCost: 1.4142, tieEpsilon: 0 },
  ],
  [
    'ia_vanilla_expanded',
    { cornerCutting: true, tie: 'index', heuristic: 'euclidean', diagonalCost: 1.4142 },
  ],
];

describe.skipIf(!hasSharedData)(
  sharedDataTitle('neural-astar-reference: the same expansions as the published planners'),
  () => {
    const rows = hasSharedData ? readRows() : [];

    it('has the 64 maps', () => {
      expect(rows.length).toBe(64);
    });

    it("Neural A*'s VanillaAstar: same expanded count, path cells and path length on all 64 maps", () => {
      for (const row of rows) {
        const { map, start, goal } = sceneOf(row);
        const r = search(createSearchContext(map), start, goal, { costModel: 'neural-astar', tie: 'index' });
        expect(r.expanded, `map ${row.size}/${row.id}`).toBe(Number(row.na_vanilla_expanded));
        expect(r.path.length).toBe(Number(row.na_vanilla_path_cells));
        expect(r.pathLength).toBeCloseTo(Number(row.na_vanilla_path_octile_len), 3);
      }
    });

    it.each(COLUMNS)('%s: same expanded count on all 64 maps', (column, options) => {
      const mismatches: string[] = [];
      for (const row of rows) {
        const { map, start, goal } = sceneOf(row);
        const r = search(createSearchContext(map), start, goal, options);
        if (r.expanded !== Number(row[column]))
          mismatches.push(`${row.size}/${row.id}: ${r.expanded} vs ${row[column]}`);
      }
      expect(mismatches).toEqual([]);
    });

    it('octile optimal costs (with and without corner cutting) match', () => {
      for (const row of rows) {
        const { map, start, goal } = sceneOf(row);
        const cut = search(createSearchContext(map), start, goal, { cornerCutting: true });
        const nocut = search(createSearchContext(map), start, goal);
        expect(cut.pathLength).toBeCloseTo(Number(row.octile_optimal_cost), 3);
        expect(nocut.pathLength).toBeCloseTo(Number(row.octile_nocut_optimal_cost), 3);
      }
    });

    it("DifferentiableAstar with random cost maps: cost of the cell left, plus 0.5·cost as guidance (Neural A*'s h + cost)", () => {
      const refs = JSON.parse(readFileSync(dir('cost_refs.json'), 'utf8')) as Record<
        string,
        { na_exp: number[]; na_path_cells: number[] }
      >;
      let checked = 0;
      for (const size of [32, 64]) {
        const free = readNpy(dir(`free${size}.npy`));
        const starts = readNpy(dir(`starts${size}.npy`));
        const goals = readNpy(dir(`goals${size}.npy`));
        for (const batch of ['b32', 'b1']) {
          const cost = readNpy(dir(`cost${size}_${batch}.npy`));
          const ref = refs[`${size}_${batch}`];
          const cells = size * size;
          for (let i = 0; i < cost.shape[0]; i++) {
            const blocked = Uint8Array.from({ length: cells }, (_, k) => (free.data[i * cells + k] ? 0 : 1));
            const map = createGridMap(size, size, blocked);
            const cellCost = Float32Array.from(cost.data.subarray(i * cells, (i + 1) * cells));
            const guidance = cellCost.map((c) => 0.5 * c);
            const start = gridPoint(starts.data[2 * i + 1], starts.data[2 * i]);
            const goal = gridPoint(goals.data[2 * i + 1], goals.data[2 * i]);
            const r = search(createSearchContext(map), start, goal, {
              costModel: 'neural-astar',
              tie: 'index',
              cellCost,
              guidance,
            });
            expect(r.expanded, `${size}_${batch} map ${i}`).toBe(ref.na_exp[i]);
            expect(r.path.length).toBe(ref.na_path_cells[i]);
            checked++;
          }
        }
      }
      expect(checked).toBe(80);
    });
  },
);
