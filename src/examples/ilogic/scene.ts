import type { Rng } from '../../il/rng';

/**
 * The intersection world (plain TypeScript): a G×G grid with a two-lane horizontal and a two-lane vertical road
 * crossing in the centre, and N agents standing on distinct road cells. Coordinates are grid cells (row, col).
 */
export const AGENT_TYPES = ['car', 'ambulance', 'pedestrian', 'oldDriver', 'recklessDriver'] as const;
export type AgentType = (typeof AGENT_TYPES)[number];

export interface Agent {
  type: AgentType;
  row: number;
  col: number;
}

export interface Scene {
  grid: number;
  agents: Agent[];
}

/** The fixed composition of LogiCity's "fixed" split, cycled to N agents; the random split draws every type. */
const FIXED_COMPOSITION: readonly AgentType[] = [
  'ambulance',
  'pedestrian',
  'oldDriver',
  'recklessDriver',
  'car',
  'car',
  'pedestrian',
  'car',
  'oldDriver',
  'recklessDriver',
];

/** First and last row/column of the two-lane roads (they cross in the 2×2 block [c0, c1]²). */
export function roadBand(grid: number): [number, number] {
  const c0 = Math.floor(grid / 2) - 1;
  return [c0, c0 + 1];
}

export function isRoad(grid: number, row: number, col: number): boolean {
  const [c0, c1] = roadBand(grid);
  return (row >= c0 && row <= c1) || (col >= c0 && col <= c1);
}

/** Chebyshev distance in cells from the central 2×2 intersection block (0 inside it). */
export function ring(grid: number, row: number, col: number): number {
  const [c0, c1] = roadBand(grid);
  const d = (v: number) => (v < c0 ? c0 - v : v > c1 ? v - c1 : 0);
  return Math.max(d(row), d(col));
}

export function roadCells(grid: number): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  for (let r = 0; r < grid; r++) for (let c = 0; c < grid; c++) if (isRoad(grid, r, c)) cells.push([r, c]);
  return cells;
}

export type Split = 'fixed' | 'random';

/**
 * A seeded scene. Agents are placed near the intersection more often than far from it (a cell at ring d is
 * weighted 1/(1+d)), so that the intersection rules fire often enough to be learned.
 */
export function generateScene(rng: Rng, grid: number, agents: number, split: Split): Scene {
  const cells = roadCells(grid);
  const weights = cells.map(([r, c]) => 1 / (1 + ring(grid, r, c)));
  const chosen: Agent[] = [];
  const used = new Set<number>();
  for (let i = 0; i < agents; i++) {
    let total = 0;
    for (let k = 0; k < cells.length; k++) if (!used.has(k)) total += weights[k];
    let u = rng.next() * total;
    let pick = -1;
    for (let k = 0; k < cells.length; k++) {
      if (used.has(k)) continue;
      pick = k;
      u -= weights[k];
      if (u <= 0) break;
    }
    used.add(pick);
    const type =
      split === 'fixed'
        ? FIXED_COMPOSITION[i % FIXED_COMPOSITION.length]
        : AGENT_TYPES[rng.int(0, AGENT_TYPES.length - 1)];
    chosen.push({ type, row: cells[pick][0], col: cells[pick][1] });
  }
  return { grid, agents: chosen };
}
