import { useEffect, useMemo, useState } from 'react';
import type { GridMap, GridPoint } from '../maps/grid-map.ts';
import { createSearchContext } from '../search/search-context.ts';
import type { PlannerKind } from '../search/search-options.ts';
import type { PlanResult } from '../search/search.ts';
import { IMMEDIATE_CELLS, planAll, planOne, PLANNER_KINDS, type PlanSet, warmUp } from './plan-set.ts';

type Cancel = () => void;

/** Run `fn` when the main thread is idle (or soon, where requestIdleCallback is missing). */
function whenIdle(fn: () => void): Cancel {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 120 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}

export interface Plans {
  /** The latest finished set (possibly for an earlier edit while `pending`). */
  set: PlanSet | null;
  /** A newer query is still being planned. */
  pending: boolean;
}

/**
 * The four planners on the editor's map. Maps up to IMMEDIATE_CELLS are planned as they are drawn (a few
 * milliseconds); larger ones in idle time, one planner per slice and each capped at PAGE_MAX_EXPANSIONS, so an
 * edit never freezes the page; the previous result stays on screen meanwhile.
 */
export function usePlans(map: GridMap, start: GridPoint, goal: GridPoint, weight: number): Plans {
  const immediate = map.width * map.height <= IMMEDIATE_CELLS;
  const now = useMemo(
    () => (immediate ? planAll(map, start, goal, weight) : null),
    [immediate, map, start, goal, weight],
  );
  const [later, setLater] = useState<PlanSet | null>(null);
  useEffect(() => {
    if (immediate) return;
    let ctx: ReturnType<typeof createSearchContext> | null = null;
    const results = {} as Record<PlannerKind, PlanResult>;
    let index = 0;
    let cancel: Cancel = () => {};
    const next = () => {
      warmUp();
      ctx ??= createSearchContext(map);
      const kind = PLANNER_KINDS[index++];
      results[kind] = planOne(ctx, kind, start, goal, weight);
      if (index < PLANNER_KINDS.length) cancel = whenIdle(next);
      else setLater({ map, start, goal, weight, results });
    };
    cancel = whenIdle(next);
    return () => cancel();
  }, [immediate, map, start, goal, weight]);
  if (now) return { set: now, pending: false };
  const fresh =
    later !== null &&
    later.map === map &&
    later.start === start &&
    later.goal === goal &&
    later.weight === weight;
  return { set: later, pending: !fresh };
}
