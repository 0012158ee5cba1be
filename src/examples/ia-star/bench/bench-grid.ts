import PF from 'pathfinding';
import type { BenchRunner } from '../../../il/bench';
import { createRng, type Rng } from '../../../il/rng.ts';
import { labelComponents, largestComponent } from '../maps/connectivity.ts';
import { generateMap, type MapKind } from '../maps/generate-map.ts';
import { type GridMap, type GridPoint, gridPoint } from '../maps/grid-map.ts';
import { createSearchContext } from '../search/search-context.ts';
import { search } from '../search/search.ts';

/**
 * `npm run bench -- grid`: this engine's A* against PathFinding.js's A* (npm `pathfinding`) in one process, on
 * the same 512×512 maps and long queries. PathFinding.js is set to diagonals only when both orthogonal
 * neighbours are free (DiagonalMovement.OnlyWhenNoObstacles, exactly the Moving AI no-corner-cutting rule) with
 * the octile heuristic, so both must find paths of the same length. PathFinding.js writes its search state into
 * the grid's node objects, so every query needs a fresh `grid.clone()`. The headline, `speedupVsPathfindingJs`, is
 * the search-only ratio (the clone is PathFinding.js's API cost, not its search); the clone-inclusive ratio, what
 * its users pay per query, stays as `speedupVsPathfindingJsWithGridClone`. Both are measured here, side by side. Our time counts the whole `search`
 * call (path, expansion order and opened order included); the per-map search context is built once, as
 * PathFinding.js's grid is. The two run in alternating blocks of 10 queries with a full GC between blocks, so
 * a change in machine load or the other's garbage does not land on one side only. Both expand practically the
 * same cells (A* with octile h on the same queries; ours breaks equal-f ties toward the larger g).
 * Flags: --size N (default 512), --maps N per class (default 2), --queries N per map (default 100).
 */

interface MapClass {
  id: string;
  label: string;
  kind: MapKind;
}

const CLASSES: readonly MapClass[] = [
  { id: 'maze', label: 'maze (backtracker, 1-cell corridors)', kind: 'maze-backtracker' },
  { id: 'random', label: 'random cells (25 % walls)', kind: 'random-cells' },
  { id: 'rooms', label: 'rooms', kind: 'rooms' },
];

const BLOCK = 10;

interface Query {
  start: GridPoint;
  goal: GridPoint;
}

/** Random connected pairs at least `minDistance` apart (Euclidean). */
function longQueries(map: GridMap, count: number, minDistance: number, rng: Rng): Query[] {
  const comps = labelComponents(map);
  const big = largestComponent(comps);
  const cells: number[] = [];
  for (let i = 0; i < comps.labels.length; i++) if (comps.labels[i] === big) cells.push(i);
  const queries: Query[] = [];
  for (let guard = 0; queries.length < count && guard < 1000 * count; guard++) {
    const a = cells[rng.int(0, cells.length - 1)];
    const b = cells[rng.int(0, cells.length - 1)];
    const start = gridPoint(a % map.width, Math.floor(a / map.width));
    const goal = gridPoint(b % map.width, Math.floor(b / map.width));
    if (Math.hypot(start.x - goal.x, start.y - goal.y) >= minDistance) queries.push({ start, goal });
  }
  return queries;
}

function pfMatrix(map: GridMap): number[][] {
  const rows: number[][] = [];
  for (let y = 0; y < map.height; y++)
    rows.push(Array.from(map.blocked.subarray(y * map.width, (y + 1) * map.width)));
  return rows;
}

function pfLength(path: number[][]): number {
  let len = 0;
  for (let i = 1; i < path.length; i++) {
    const diagonal = path[i][0] !== path[i - 1][0] && path[i][1] !== path[i - 1][1];
    len += diagonal ? Math.SQRT2 : 1;
  }
  return len;
}

interface ClassFigures {
  id: string;
  label: string;
  maps: number;
  queries: number;
  meanPathLength: number;
  meanExpanded: number;
  oursMs: number;
  theirsMs: number;
  theirsSearchOnlyMs: number;
  speedup: number;
  speedupSearchOnly: number;
  mismatches: number;
}

export const run: BenchRunner = async ({ seed, flags, log, collectGarbage }) => {
  const size = Number(flags.size ?? 512);
  const mapsPerClass = Number(flags.maps ?? 2);
  const queriesPerMap = Number(flags.queries ?? 100);
  const minDistance = 0.5 * size;
  const finder = new PF.AStarFinder({
    diagonalMovement: PF.DiagonalMovement.OnlyWhenNoObstacles,
    heuristic: PF.Heuristic.octile,
  });
  const collect = collectGarbage;
  const figures: ClassFigures[] = [];
  const mismatchExamples: string[] = [];
  for (const cls of CLASSES) {
    const fig: ClassFigures = {
      id: cls.id,
      label: cls.label,
      maps: mapsPerClass,
      queries: 0,
      meanPathLength: 0,
      meanExpanded: 0,
      oursMs: 0,
      theirsMs: 0,
      theirsSearchOnlyMs: 0,
      speedup: 0,
      speedupSearchOnly: 0,
      mismatches: 0,
    };
    for (let m = 0; m < mapsPerClass; m++) {
      const mapSeed = createRng(seed).fork(`${cls.id}/${m}`).seed();
      const { map } = generateMap(cls.kind, { width: size, height: size, seed: mapSeed });
      const queries = longQueries(map, queriesPerMap, minDistance, createRng(mapSeed).fork('queries'));
      const ctx = createSearchContext(map);
      const grid = new PF.Grid(pfMatrix(map));
      // Warm both up on a few queries so the JIT has compiled the hot loops before timing.
      for (const q of queries.slice(0, 3)) {
        search(ctx, q.start, q.goal);
        finder.findPath(q.start.x, q.start.y, q.goal.x, q.goal.y, grid.clone());
      }
      // Alternate blocks of queries between the two, so a change in machine load hits both alike.
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let from = 0; from < queries.length; from += BLOCK) {
        const block = queries.slice(from, from + BLOCK);
        collect?.();
        let t0 = performance.now();
        for (const q of block) {
          const r = search(ctx, q.start, q.goal);
          ours.push(r.pathLength);
          fig.meanExpanded += r.expanded;
        }
        fig.oursMs += performance.now() - t0;
        let searchOnly = 0;
        collect?.();
        t0 = performance.now();
        for (const q of block) {
          const copy = grid.clone();
          const s0 = performance.now();
          const path = finder.findPath(q.start.x, q.start.y, q.goal.x, q.goal.y, copy);
          searchOnly += performance.now() - s0;
          theirs.push(path.length > 0 ? pfLength(path) : Number.POSITIVE_INFINITY);
        }
        fig.theirsMs += performance.now() - t0;
        fig.theirsSearchOnlyMs += searchOnly;
      }
      for (let i = 0; i < queries.length; i++) {
        fig.meanPathLength += ours[i];
        const agree = ours[i] === theirs[i] || Math.abs(ours[i] - theirs[i]) <= 1e-6;
        if (!agree) {
          fig.mismatches++;
          if (mismatchExamples.length < 5) {
            const q = queries[i];
            mismatchExamples.push(
              `${cls.id} map ${m} (${q.start.x},${q.start.y})→(${q.goal.x},${q.goal.y}): ${ours[i]} vs ${theirs[i]}`,
            );
          }
        }
      }
      fig.queries += queries.length;
      log(`grid bench: ${cls.id} map ${m + 1}/${mapsPerClass}: ${queries.length} queries`);
    }
    fig.meanPathLength /= fig.queries;
    fig.meanExpanded /= fig.queries;
    fig.speedup = fig.theirsMs / fig.oursMs;
    fig.speedupSearchOnly = fig.theirsSearchOnlyMs / fig.oursMs;
    figures.push(fig);
  }
  const sum = (pick: (f: ClassFigures) => number): number => figures.reduce((a, f) => a + pick(f), 0);
  const round = (x: number, digits = 2): number => Number(x.toFixed(digits));
  const table: (string | number)[][] = [
    [
      'map class',
      'queries',
      'mean path',
      'mean expanded',
      'ours ms/query',
      'PF.js ms/query (clone+search)',
      'PF.js search only',
      'speed-up (search only)',
      'speed-up (PF.js incl. clone)',
      'length mismatches',
    ],
    ...figures.map((f) => [
      f.label,
      f.queries,
      round(f.meanPathLength, 1),
      Math.round(f.meanExpanded),
      round(f.oursMs / f.queries, 3),
      round(f.theirsMs / f.queries, 3),
      round(f.theirsSearchOnlyMs / f.queries, 3),
      round(f.speedupSearchOnly),
      round(f.speedup),
      f.mismatches,
    ]),
  ];
  const mismatches = sum((f) => f.mismatches);
  return {
    table,
    json: {
      bench: 'grid',
      size,
      seed,
      queries: sum((f) => f.queries),
      speedupVsPathfindingJs: round(sum((f) => f.theirsSearchOnlyMs) / sum((f) => f.oursMs)),
      speedupVsPathfindingJsMethod:
        'search only: PathFinding.js findPath time vs our search, same queries, this machine',
      speedupVsPathfindingJsWithGridClone: round(sum((f) => f.theirsMs) / sum((f) => f.oursMs)),
      pathLengthsAgree: mismatches === 0,
      mismatches,
      mismatchExamples,
      tieRule: 'high-g',
      gcBetweenBlocks: collect !== null,
      perClass: Object.fromEntries(
        figures.map((f) => [
          f.id,
          {
            maps: f.maps,
            queries: f.queries,
            meanPathLength: round(f.meanPathLength, 3),
            meanExpanded: Math.round(f.meanExpanded),
            oursMsPerQuery: round(f.oursMs / f.queries, 4),
            pathfindingJsMsPerQuery: round(f.theirsMs / f.queries, 4),
            pathfindingJsSearchOnlyMsPerQuery: round(f.theirsSearchOnlyMs / f.queries, 4),
            speedupVsPathfindingJs: round(f.speedupSearchOnly),
            speedupVsPathfindingJsWithGridClone: round(f.speedup),
            mismatches: f.mismatches,
          },
        ]),
      ),
    },
  };
};
