import { ring, type Scene } from './scene';

/**
 * The ground truth (plain TypeScript): the concepts of every agent and the fixed first-order rules that decide each
 * agent's next action, checked in order (the first rule that fires wins):
 *
 *   Fast(X)   ← IsAmbulance(X)
 *   Stop(X)   ← ¬IsPedestrian(X) ∧ ∃Y CollidingClose(X, Y) ∧ HigherPriority(Y, X)
 *   Stop(X)   ← ¬IsReckless(X) ∧ AtIntersection(X) ∧ ∃Y InIntersection(Y)
 *   Fast(X)   ← IsReckless(X)
 *   Slow(X)   ← IsOld(X) ∨ IsPedestrian(X)
 *   Normal(X) ← otherwise
 *
 * Concept labels are never used for training: they score the grounding (a probe) and the rule read-out.
 */
export const UNARY_CONCEPTS = [
  'IsAmbulance',
  'IsPedestrian',
  'IsOld',
  'IsReckless',
  'AtIntersection',
  'InIntersection',
] as const;
export const BINARY_CONCEPTS = ['CollidingClose', 'HigherPriority'] as const;
export const ACTIONS = ['Slow', 'Normal', 'Fast', 'Stop'] as const;
export type Action = (typeof ACTIONS)[number];
export const CONCEPTS = [...UNARY_CONCEPTS, ...BINARY_CONCEPTS] as const;

export const NU = UNARY_CONCEPTS.length;
export const NB = BINARY_CONCEPTS.length;
export const NA = ACTIONS.length;

/** Unary concepts of agent i as 0/1, in UNARY_CONCEPTS order. */
export function unaryConcepts(scene: Scene, i: number): number[] {
  const a = scene.agents[i];
  const d = ring(scene.grid, a.row, a.col);
  return [
    a.type === 'ambulance',
    a.type === 'pedestrian',
    a.type === 'oldDriver',
    a.type === 'recklessDriver',
    d === 1,
    d === 0,
  ].map(Number);
}

/** Binary concepts of the ordered pair (X = i, Y = j) as 0/1, in BINARY_CONCEPTS order (false on the diagonal). */
export function binaryConcepts(scene: Scene, i: number, j: number): number[] {
  if (i === j) return [0, 0];
  const x = scene.agents[i];
  const y = scene.agents[j];
  const close = Math.max(Math.abs(x.row - y.row), Math.abs(x.col - y.col)) <= 1;
  // HigherPriority(X, Y): X is strictly closer to the intersection than Y (it was there first).
  const higher = ring(scene.grid, x.row, x.col) < ring(scene.grid, y.row, y.col);
  return [Number(close), Number(higher)];
}

/** All concepts of a scene: unary [N][NU] and binary [N][N][NB] truth values (0/1, or probabilities). */
export interface ConceptTable {
  unary: number[][];
  binary: number[][][];
}

export function sceneConcepts(scene: Scene): ConceptTable {
  const n = scene.agents.length;
  return {
    unary: scene.agents.map((_, i) => unaryConcepts(scene, i)),
    binary: Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => binaryConcepts(scene, i, j)),
    ),
  };
}

/**
 * The rule engine over concept truth values (> 0.5 is true): which rule fires for agent i and the action it gives.
 * Runs on the true concepts (the ground truth) and on flipped ones (the ablation read-out of the true rules).
 */
export function decide(c: ConceptTable, i: number): { rule: number; action: number } {
  const t = (v: number) => v > 0.5;
  const [amb, ped, old, reckless, at] = c.unary[i].map(t);
  if (amb) return { rule: 0, action: 2 };
  let queued = false;
  let occupied = false;
  for (let j = 0; j < c.unary.length; j++) {
    if (j === i) continue;
    // CollidingClose(X, Y) ∧ HigherPriority(Y, X)
    if (t(c.binary[i][j][0]) && t(c.binary[j][i][1])) queued = true;
    if (t(c.unary[j][5])) occupied = true;
  }
  if (!ped && queued) return { rule: 1, action: 3 };
  if (!reckless && at && occupied) return { rule: 2, action: 3 };
  if (reckless) return { rule: 3, action: 2 };
  if (old || ped) return { rule: 4, action: 0 };
  return { rule: 5, action: 1 };
}

export const RULES = [
  'Fast(X) ← IsAmbulance(X)',
  'Stop(X) ← ¬IsPedestrian(X) ∧ ∃Y CollidingClose(X,Y) ∧ HigherPriority(Y,X)',
  'Stop(X) ← ¬IsReckless(X) ∧ AtIntersection(X) ∧ ∃Y InIntersection(Y)',
  'Fast(X) ← IsReckless(X)',
  'Slow(X) ← IsOld(X) ∨ IsPedestrian(X)',
  'Normal(X) ← otherwise',
] as const;

export function nextActions(scene: Scene): number[] {
  const c = sceneConcepts(scene);
  return scene.agents.map((_, i) => decide(c, i).action);
}

/** A copy of the table with concept k (CONCEPTS order) of agent i negated (binary: every pair (i, ·) and (·, i)). */
export function flipConcept(c: ConceptTable, i: number, k: number): ConceptTable {
  const unary = c.unary.map((row) => row.slice());
  const binary = c.binary.map((row) => row.map((v) => v.slice()));
  if (k < NU) unary[i][k] = 1 - unary[i][k];
  else
    for (let j = 0; j < unary.length; j++) {
      if (j === i) continue;
      binary[i][j][k - NU] = 1 - binary[i][j][k - NU];
      binary[j][i][k - NU] = 1 - binary[j][i][k - NU];
    }
  return { unary, binary };
}
