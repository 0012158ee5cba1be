import { contract, type CommandSpec } from '../../il/example/contract';
import type { GradientCheckRow } from './gradients/gradient-check';

/** Trajectory errors of one estimate, metres (ATE after a rigid SE(2) alignment) and per step (RPE). */
export interface TrajectoryErrors {
  ateFrontEnd: number;
  ateOptimised: number;
  rpeTranslation: number;
  rpeYawDeg: number;
}

/** What the view draws: the showcase drive (held out) seen from above, positions as flat [x0, y0, x1, y1, …]. */
export interface IslamSnapshot {
  truth: number[];
  frontEnd: number[];
  optimised: number[];
  /** The LM iterates of the last showcase solve (positions), for the LL-iteration slider. */
  iterations: number[][];
  loops: [number, number][];
  /** Odometry residual √(eᵀΩe) of each link at P*. */
  residuals: number[];
  current: TrajectoryErrors;
  pretrained: TrajectoryErrors;
  llIterations: number;
  maxGradient: number;
  msPerLlSolve: number;
}

export interface EvaluationRow {
  method: string;
  ateFrontEnd: number;
  ateOptimised: number;
  rpeTranslation: number;
  rpeYawDeg: number;
}

export interface G2oRequest {
  text: string;
  maxIterations: number;
  initialLambda: number;
}

export type G2oResult =
  | {
      ok: true;
      poses: number;
      edges: number;
      initialChi2: number;
      finalChi2: number;
      iterations: number;
      maxGradient: number;
      ms: number;
      startFrom: string;
      /** Positions of the start and of the optimum, flat [x, y, …]. */
      start: number[];
      optimum: number[];
      edgesIJ: number[];
    }
  | { ok: false; message: string };

export type IslamCommands = {
  gradientCheck: CommandSpec<{ llIterations: number[] }, GradientCheckRow[]>;
  evaluate: CommandSpec<Record<string, never>, EvaluationRow[]>;
  optimiseG2o: CommandSpec<G2oRequest, G2oResult>;
};

export const islamContract = contract<IslamSnapshot, IslamCommands>();
