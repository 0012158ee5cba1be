import { contract, type CommandSpec } from '../../il/example/contract';
import type { ControllerRow } from './evaluation/compare';
import type { GradientCheck, GradientCheckRequest } from './learning/gradcheck';
import type { SimulationRequest, SimulationResult } from './vehicle/simulate';

/** What the view draws from the worker (plain data). */
export interface ImpcSnapshot {
  /** Learned, true and starting (m, Jx, Jy, Jz). */
  p: number[];
  pTrue: number[];
  pStart: number[];
  paramNames: readonly string[];
  /** Seed of the training flight being flown. */
  flightSeed: number;
}

export interface EvaluateRequest {
  /** Also sweep the gust speed for the largest stable one (slower; on unless `false`). */
  maxWind?: boolean;
}

export interface EvaluationResult {
  rows: ControllerRow[];
  massErrorPct: number;
  inertiaErrorPct: number;
}

/**
 * iMPC's commands: the held-out comparison against the baselines, a closed-loop flight of every controller
 * for the animation, and the live gradient check (implicit and unrolled vs finite differences).
 */
export type ImpcCommands = {
  evaluate: CommandSpec<EvaluateRequest, EvaluationResult>;
  simulate: CommandSpec<SimulationRequest, SimulationResult>;
  gradcheck: CommandSpec<GradientCheckRequest, GradientCheck>;
};

export const impcContract = contract<ImpcSnapshot, ImpcCommands>();
