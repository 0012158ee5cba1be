import type { PoseGraph } from './pose-graph';
import { solveLm, type LmResult } from './lm';
import { NormalEquations } from './normal-equations';

export interface TwoStageResult extends LmResult {
  /** LM iterations of the first stage (the spanning chain: odometry and IMU edges only). */
  chainIterations: number;
}

/**
 * The LL solve of a drive: first the chain of consecutive edges (a tree: each link's odometry and IMU fuse exactly,
 * so LM converges in a few iterations from dead reckoning), then the whole graph with the loop closures from there, a
 * start close enough that the robust loop kernel does not reject true loops. Its iterations are the two added up.
 */
export function solveTwoStage(
  graph: PoseGraph,
  start: Float64Array,
  maxIterations: number,
  gradientTolerance: number,
  record: boolean,
  normal?: NormalEquations,
): TwoStageResult {
  const chain: PoseGraph = { poseCount: graph.poseCount, edges: graph.edges.filter((e) => e.j === e.i + 1) };
  const hasLoops = chain.edges.length < graph.edges.length;
  const first = solveLm(chain, start, {
    maxIterations: hasLoops ? Math.min(maxIterations, 20) : maxIterations,
    gradientTolerance,
    recordIterations: record,
  });
  if (!hasLoops) return { ...first, chainIterations: first.iterations };
  const second = solveLm(
    graph,
    first.poses,
    {
      maxIterations: Math.max(0, maxIterations - first.iterations),
      gradientTolerance,
      recordIterations: record,
    },
    normal,
  );
  return {
    ...second,
    initialCost: NaN,
    iterations: first.iterations + second.iterations,
    trace: [...first.trace, ...second.trace.slice(1)],
    ms: first.ms + second.ms,
    chainIterations: first.iterations,
  };
}
