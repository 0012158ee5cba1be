import type { GridMap, GridPoint } from '../maps/grid-map.ts';
import { createSearchContext } from './search-context.ts';
import {
  DEFAULT_WASTAR_WEIGHT,
  type PlannerKind,
  type SearchOptions,
  type TieRule,
} from './search-options.ts';
import { type PlanResult, search } from './search.ts';

/**
 * The planners the command line (`npm run plan -- --planner ID`) and the view can run, by id. The classic four
 * are built in; a learned planner (iA*, Neural A*) registers itself with registerGridPlanner and supplies a
 * guidance map per query (see guidedPlanner), so the engine itself never changes.
 */
export interface PlannerArgs {
  /** Heuristic weight for weighted A* (w ≥ 1). */
  weight?: number;
  tie?: TieRule;
  /** Learned planners: path to their weights (model.json); undefined = the shipped pretrained weights. */
  weightsPath?: string;
}

/** Plans queries on one map (built once per map, so it can keep its search context and loaded model). */
export type GridPlanner = (start: GridPoint, goal: GridPoint) => PlanResult | Promise<PlanResult>;

export interface GridPlannerSpec {
  id: string;
  label: string;
  description: string;
  /** True when the planner reads weights (`--weights`). */
  learned: boolean;
  create(map: GridMap, args: PlannerArgs): GridPlanner | Promise<GridPlanner>;
}

const registry = new Map<string, GridPlannerSpec>();

export function registerGridPlanner(spec: GridPlannerSpec): void {
  if (registry.has(spec.id)) throw new Error(`a grid planner with id '${spec.id}' is already registered`);
  registry.set(spec.id, spec);
}

export function gridPlanner(id: string): GridPlannerSpec | undefined {
  return registry.get(id);
}

export function gridPlannerIds(): string[] {
  return [...registry.keys()];
}

/** A planner that runs the engine with a guidance map (added to f) computed for each query. */
export function guidedPlanner(
  map: GridMap,
  guidanceFor: (start: GridPoint, goal: GridPoint) => Float32Array | Promise<Float32Array>,
  options: SearchOptions = {},
): GridPlanner {
  const ctx = createSearchContext(map);
  return async (start, goal) =>
    search(ctx, start, goal, { ...options, guidance: await guidanceFor(start, goal) });
}

function classic(id: PlannerKind, label: string, description: string): GridPlannerSpec {
  return {
    id,
    label,
    description,
    learned: false,
    create(map, args) {
      const ctx = createSearchContext(map);
      const options: SearchOptions = { planner: id, tie: args.tie, weight: args.weight };
      return (start, goal) => search(ctx, start, goal, options);
    },
  };
}

registerGridPlanner(classic('astar', 'A*', 'f = g + h with the octile heuristic: optimal, the baseline.'));
registerGridPlanner(classic('dijkstra', 'Dijkstra', 'f = g: optimal, explores in every direction.'));
registerGridPlanner(
  classic(
    'wastar',
    'Weighted A*',
    `f = g + w·h (w ≥ 1, default ${DEFAULT_WASTAR_WEIGHT}): at most w × optimal, usually far fewer expansions.`,
  ),
);
registerGridPlanner(classic('greedy', 'Greedy best-first', 'f = h: fast, no bound on the path length.'));
