import { QUERY_PROBLEM_TEXT } from '../maps/connectivity.ts';
import type { PlanResult } from '../search/search.ts';
import { PAGE_MAX_EXPANSIONS } from './plan-set.ts';

const n = (x: number) => x.toLocaleString('en');

/** What the map says when A* cannot return a path (start or goal on a wall, no path, the page's cap). */
export function mapMessage(plan: PlanResult | null): string | null {
  if (!plan) return null;
  switch (plan.status) {
    case 'found':
      return null;
    case 'start-blocked':
      return `No search: ${QUERY_PROBLEM_TEXT['start-on-wall']}. Drag the S marker onto a free cell (or press S at the keyboard cursor).`;
    case 'goal-blocked':
      return `No search: ${QUERY_PROBLEM_TEXT['goal-on-wall']}. Drag the G marker onto a free cell (or press G).`;
    case 'no-path':
      return `The goal is unreachable: ${QUERY_PROBLEM_TEXT['goal-unreachable']}. A* searched the start's whole region (${n(plan.expanded)} cells) first.`;
    case 'limit':
      return `This map is too large to search whole on the page: each planner stopped after ${n(PAGE_MAX_EXPANSIONS)} expansions (npm run plan searches it fully).`;
    default:
      return QUERY_PROBLEM_TEXT['start-out-of-bounds'];
  }
}
