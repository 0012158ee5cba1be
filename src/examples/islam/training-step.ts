import { buildGraph } from './data/graph';
import type { Run } from './data/run';
import { implicitGradient, oneStepGradient } from './gradients/hypergradient';
import type { GradientMethod } from './params';
import { graphCost } from './solver/pose-graph';
import { NormalEquations } from './solver/normal-equations';
import { solveTwoStage } from './solver/two-stage';
import { LL_TOLERANCE } from './world';

/** One LL solve and the gradient that crosses it, for a slice of a drive. */
export interface LlStep {
  /** U = Σ odometry residuals eᵀΩe at P*. */
  upper: number;
  /** L(θ, P*). */
  lower: number;
  /** dU/dz: 3 per link, the upstream gradient of the network's outputs. */
  dz: Float64Array;
  maxGradient: number;
  iterations: number;
  ms: number;
}

/**
 * Links [from, from + count) of a drive with the network's motions z: build L (odometry + IMU, plus loops in loop
 * mode), solve it by LM, and take the one-step or implicit gradient.
 */
export function llStep(
  run: Run,
  z: Float64Array,
  loops: boolean,
  gradient: GradientMethod,
  maxIterations: number,
  from = 0,
  count = run.links,
): LlStep {
  const { graph, start } = buildGraph(run, z, { imu: true, loops }, from, count);
  const normal = new NormalEquations(graph);
  const solved = solveTwoStage(graph, start, maxIterations, LL_TOLERANCE, false, normal);
  const cost = graphCost(graph, solved.poses);
  const dz =
    gradient === 'implicit'
      ? implicitGradient(graph, solved.poses, normal)
      : oneStepGradient(graph, solved.poses);
  return {
    upper: cost.byKind.odometry,
    lower: cost.total,
    dz,
    maxGradient: solved.maxGradient,
    iterations: solved.iterations,
    ms: solved.ms,
  };
}
