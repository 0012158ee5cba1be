import { contract, type CommandSpec } from '../../il/example/contract';
import type { AgentType } from './scene';

export interface AgentView {
  type: AgentType;
  row: number;
  col: number;
  /** The sprite patch the grounder sees (P×P×3, RGB in [0, 1]). */
  sprite: number[];
  trueAction: number;
  predictedAction: number;
  /** NLM action probabilities. */
  probabilities: number[];
  /** True unary concepts and the grounded slot matched to each (by the probe), in UNARY_CONCEPTS order. */
  trueConcepts: number[];
  groundedConcepts: number[];
}

export interface SplitScores {
  weightedAccuracyFixed: number;
  weightedAccuracyRandom: number;
  conceptProbeAccuracy: number;
}

/** What the iLogic view draws after each step. */
export interface IlogicSnapshot {
  grid: number;
  agents: AgentView[];
  scores: SplitScores;
  /** Per concept (CONCEPTS order): probe accuracy on held-out scenes and the grounded slot (sign: negated). */
  probe: { accuracy: number; slot: number; negated: boolean }[];
  /** Rule read-out by ablation, [action][concept] in [0, 1]: learned (NLM on grounded concepts) and true rules. */
  dependencies: { learned: number[][]; truth: number[][] };
}

export interface GradientCheckRow {
  path: string;
  /** ⟨dU/dθ, d⟩ along random directions d, and the central finite difference of the same objective. */
  analytic: number[];
  finiteDifference: number[];
  relativeError: number;
  /** What the finite difference differentiates. */
  objective: string;
  /** What the path's solver reported (the implicit path's CG: iterations, residual, a curvature stop). */
  note?: string;
  /**
   * False where the check does not apply: the implicit rows when CG met non-positive curvature at the check's μ*
   * (no strict minimum there, so the IFT and its finite differences say nothing about each other).
   */
  applies: boolean;
  ms: number;
}

export interface BaselineRow {
  name: string;
  weightedAccuracyFixed: number;
  weightedAccuracyRandom: number;
  conceptProbeAccuracy: number | null;
  steps: number;
}

export type IlogicCommands = {
  gradientCheck: CommandSpec<{ directions: number }, GradientCheckRow[]>;
  baselines: CommandSpec<{ steps: number }, BaselineRow[]>;
  showScene: CommandSpec<{ index: number }, null>;
};

export const ilogicContract = contract<IlogicSnapshot, IlogicCommands>();
