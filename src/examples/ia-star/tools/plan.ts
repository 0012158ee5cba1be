/**
 * `npm run plan -- --map FILE [--scen FILE.scen | --start x,y --goal x,y] [--planner ID] [--weight W]
 *                 [--tie RULE] [--weights PATH]`
 * Plans on a grid map (Moving AI .map, .json, .png, or the reference .txt) and prints one JSON line per query,
 * then a summary JSON line. Exit code 0 on success, 2 for bad arguments, 1 for unreadable files.
 */
import { ToolUsageError, type ToolIo, type ToolRunner } from '../../../il/example/tool';
import { checkScenarioOnMap, parseScen, type Scenario } from '../formats/format-movingai-scen.ts';
import { type GridPoint, gridPoint, inBounds } from '../maps/grid-map.ts';
import { gridPlanner, gridPlannerIds, type PlannerArgs } from '../search/grid-planners.ts';
import { parseMapFile } from '../formats/load-map-file.ts';
import { MapFormatError } from '../formats/map-format-error.ts';
import { TIE_RULES, type TieRule } from '../search/search-options.ts';
import { registerLearnedPlanners } from './learned-planners.ts';

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The usage text: after the learned planners are registered, so it lists them. */
const usage = (): string => `usage: npm run plan -- --map FILE [--scen FILE.scen | --start x,y --goal x,y]
                     [--planner ${gridPlannerIds().join('|')}] [--weight W] [--tie ${TIE_RULES.join('|')}] [--weights PATH]
  --map FILE      a Moving AI .map, a .json or .png map, or a reference .txt map (with start and goal)
  --scen FILE     a Moving AI .scen file: plan every scenario and compare with its optimal length
  --start x,y     one query (x the column, y the row, 0-based); with --goal
  --planner ID    default astar
  --weight W      heuristic weight for wastar (w ≥ 1, default 1.5)
  --tie RULE      equal-f tie-break (default high-g)
  --weights PATH  weights of a learned planner (a folder holding model.json and its shard)
  --debug         on failure, print the stack trace too
limits: maps of 1 to 4096 cells a side (PNG refused from its header beyond that); .scen coordinates 0 to 4095`;

const FLAGS = ['map', 'scen', 'start', 'goal', 'planner', 'weight', 'tie', 'weights'] as const;
type Flag = (typeof FLAGS)[number];

function parseArgs(argv: string[]): Partial<Record<Flag, string>> {
  const out: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new ToolUsageError('', usage());
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new ToolUsageError(`unexpected argument '${arg}'`, usage());
    const name = m[1] as Flag;
    if (!FLAGS.includes(name)) throw new ToolUsageError(`unknown option '--${m[1]}'`, usage());
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--'))
      throw new ToolUsageError(`--${name} needs a value`, usage());
    if (out[name] !== undefined) throw new ToolUsageError(`--${name} given twice`, usage());
    out[name] = value;
  }
  return out;
}

function parsePoint(flag: string, text: string): GridPoint {
  const m = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(text);
  if (!m)
    throw new ToolUsageError(`--${flag} expects x,y (whole numbers, x the column), got '${text}'`, usage());
  return gridPoint(Number(m[1]), Number(m[2]));
}

function readFile(io: ToolIo, path: string): Uint8Array {
  try {
    return io.readFile(path);
  } catch (e) {
    throw new MapFormatError(
      'movingai-map',
      null,
      `cannot read '${path}': ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

interface Query {
  start: GridPoint;
  goal: GridPoint;
  optimalLength: number | null;
}

/** `npm run plan -- …` (see usage()). */
export const run: ToolRunner = async (argv, io) => {
  registerLearnedPlanners(io);
  const args = parseArgs([...argv]);
  if (!args.map) throw new ToolUsageError('--map FILE is required', usage());
  const plannerId = args.planner ?? 'astar';
  const spec = gridPlanner(plannerId);
  if (!spec)
    throw new ToolUsageError(
      `unknown planner '${plannerId}' (known: ${gridPlannerIds().join(', ')})`,
      usage(),
    );
  const plannerArgs: PlannerArgs = {};
  if (args.weight !== undefined) {
    const w = Number(args.weight);
    if (!Number.isFinite(w) || w < 1)
      throw new ToolUsageError(`--weight must be a number ≥ 1, got '${args.weight}'`, usage());
    if (plannerId !== 'wastar')
      throw new ToolUsageError('--weight applies to --planner wastar only', usage());
    plannerArgs.weight = w;
  }
  if (args.tie !== undefined) {
    if (!TIE_RULES.includes(args.tie as TieRule))
      throw new ToolUsageError(`--tie must be one of ${TIE_RULES.join(', ')}, got '${args.tie}'`, usage());
    plannerArgs.tie = args.tie as TieRule;
  }
  if (args.weights !== undefined) {
    if (!spec.learned)
      throw new ToolUsageError(`--weights applies to learned planners only, not '${plannerId}'`, usage());
    plannerArgs.weightsPath = args.weights;
  }
  if (args.scen && (args.start || args.goal))
    throw new ToolUsageError('give either --scen or --start/--goal, not both', usage());

  const loaded = parseMapFile(basename(args.map), readFile(io, args.map));
  const { map } = loaded;
  let queries: Query[];
  if (args.scen) {
    const scenarios: Scenario[] = parseScen(new TextDecoder().decode(readFile(io, args.scen)));
    for (const s of scenarios) {
      const problem = checkScenarioOnMap(s, map);
      if (problem) throw problem;
    }
    queries = scenarios.map((s) => ({ start: s.start, goal: s.goal, optimalLength: s.optimalLength }));
  } else {
    const start = args.start ? parsePoint('start', args.start) : loaded.start;
    const goal = args.goal ? parsePoint('goal', args.goal) : loaded.goal;
    if (!start || !goal)
      throw new ToolUsageError(
        'give --scen FILE, or --start x,y and --goal x,y (this map file has no start and goal)',
        usage(),
      );
    for (const [flag, p] of [
      ['start', start],
      ['goal', goal],
    ] as const) {
      if (!inBounds(map, p))
        throw new ToolUsageError(
          `--${flag} ${p.x},${p.y} lies outside the ${map.width}×${map.height} map`,
          usage(),
        );
    }
    queries = [{ start, goal, optimalLength: null }];
  }

  const plan = await spec.create(map, plannerArgs);
  let successes = 0;
  let ratioSum = 0;
  let ratioCount = 0;
  let expandedSum = 0;
  let totalMs = 0;
  let mismatches = 0;
  for (const q of queries) {
    const r = await plan(q.start, q.goal);
    totalMs += r.ms;
    expandedSum += r.expanded;
    if (r.success) successes++;
    if (r.success && q.optimalLength !== null) {
      ratioSum +=
        q.optimalLength > 0
          ? r.pathLength / q.optimalLength
          : r.pathLength === 0
            ? 1
            : Number.POSITIVE_INFINITY;
      ratioCount++;
    }
    if (q.optimalLength !== null && !(Math.abs(r.pathLength - q.optimalLength) <= 1e-6)) mismatches++;
    const line = {
      start: { x: q.start.x, y: q.start.y },
      goal: { x: q.goal.x, y: q.goal.y },
      success: r.success,
      status: r.status,
      pathLength: finiteOrNull(r.pathLength),
      optimalLength: q.optimalLength,
      expanded: r.expanded,
      ms: round(r.ms, 3),
    };
    io.print(JSON.stringify(line));
  }
  const summary = {
    summary: true,
    map: basename(args.map),
    planner: plannerId,
    ...(plannerArgs.weight !== undefined ? { weight: plannerArgs.weight } : {}),
    tie: plannerArgs.tie ?? 'high-g',
    count: queries.length,
    successRate: queries.length ? round(successes / queries.length, 6) : null,
    meanPathRatio: ratioCount ? round(ratioSum / ratioCount, 6) : null,
    optimalMismatches: args.scen ? mismatches : null,
    meanExpanded: queries.length ? round(expandedSum / queries.length, 2) : null,
    totalMs: round(totalMs, 3),
  };
  io.print(JSON.stringify(summary));
  return 0;
};
