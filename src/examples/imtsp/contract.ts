import { contract, type CommandSpec } from '../../il/example/contract';
import type { CompareRow, HeldOutRow } from './allocation/compare';
import type { EstimatorCheck } from './learning/estimator-check';
import type { Distribution, EstimatorKind } from './params';

/** Small and cheap: what the view shows about the learned parameters. Heavy results come from commands. */
export interface ImtspSnapshot {
  /** softplus(α): the learned mix of workload features [radial, zig-zag, distance, count]. */
  workloadMix: number[];
  /** κ: how sharply a city prefers the agent of its sector. */
  sharpness: number;
  estimator: EstimatorKind;
  trainCities: number;
  trainAgents: number;
  /** Changes with every snapshot, i.e. whenever the weights may have changed (the view refreshes its allocation). */
  version: number;
}

/** Largest instance the page accepts: the network's sweep matrix is n × n. */
export const MAX_CITIES = 1000;
export const MAX_AGENTS = 20;

/** Cities as two coordinate lists; city 0 is the depot. */
export interface CitiesPayload {
  x: number[];
  y: number[];
  agents: number;
}

export interface AllocationRequest extends CitiesPayload {
  /** Allocations sampled from π besides the argmax (0: argmax only). */
  samples: number;
  seed: number;
}

export interface AllocationResult {
  /** π, row-major (N − 1) × M. */
  probs: Float32Array;
  /** The kept allocation (city → agent, the depot 0). */
  assignment: Int32Array;
  tours: number[][];
  lengths: number[];
  maxTour: number;
  sumTour: number;
  /** The argmax allocation's longest tour (before sampling). */
  argmaxMaxTour: number;
  decoded: number;
  ms: number;
}

export interface CompareRequest extends CitiesPayload {
  localSearchMs: number;
  samples: number;
}

export interface EvaluateRequest {
  cities: number;
  agents: number;
  count: number;
  distribution: Distribution;
  localSearchMs: number;
  samples: number;
}

export interface EstimatorCheckRequest {
  /** Batches of samples per estimator (the spread of their means is measured). */
  batches: number;
}

/**
 * iMTSP's commands: the network's allocation of the editor's instance, the comparison with the baselines on it,
 * the held-out evaluation, and the estimator check (both estimators against the exact gradient).
 */
export type ImtspCommands = {
  allocation: CommandSpec<AllocationRequest, AllocationResult>;
  compare: CommandSpec<CompareRequest, CompareRow[]>;
  evaluate: CommandSpec<EvaluateRequest, HeldOutRow[]>;
  estimatorCheck: CommandSpec<EstimatorCheckRequest, EstimatorCheck>;
};

export const imtspContract = contract<ImtspSnapshot, ImtspCommands>();
