import { contract, type CommandSpec } from '../../il/example/contract';
import type { ContourGrid, MethodResult } from './compare';
import type { FeatureKind } from './data';

/** What the explorer's view draws after each step. */
export interface ExplorerSnapshot {
  theta: number[];
  mu: number[];
  trueWeights: number[];
  featureKinds: FeatureKind[];
  /** θ after every step (capped), for the descent path on the contour. */
  path: number[][];
  upper: number;
  lower: number;
}

export interface CompareRequest {
  unrollSteps: number;
  cgIterations: number;
}

export interface ContourRequest {
  axisI: number;
  axisJ: number;
}

/** The explorer's commands: the four hypergradients side by side, and U over two axes of θ. */
export type ExplorerCommands = {
  compare: CommandSpec<CompareRequest, MethodResult[]>;
  contour: CommandSpec<ContourRequest, ContourGrid>;
};

export const explorerContract = contract<ExplorerSnapshot, ExplorerCommands>();
