import { createRng } from '../../../il/rng';
import { NormalEquations } from '../solver/normal-equations';
import { graphCost, maxAbs, graphGradient, type PoseGraph } from '../solver/pose-graph';
import { solveLm } from '../solver/lm';
import { implicitGradient, oneStepGradient, withOdometry } from './hypergradient';

export interface GradientCheckRow {
  /** LM iterations the LL ran before the gradient was taken. */
  llIterations: number;
  /** max |∇_P L| where the LL stopped. */
  maxGradient: number;
  /** Relative error against central finite differences of V(z) = min_P L(z, P), along random directions. */
  oneStepRelError: number;
  implicitRelError: number;
}

/** The odometry measurements of a graph, 3 per odometry edge. */
export function odometryOf(graph: PoseGraph): Float64Array {
  const out: number[] = [];
  for (const e of graph.edges) if (e.kind === 'odometry') out.push(...e.z);
  return Float64Array.from(out);
}

/** V(z) with the LL solved to convergence (warm-started at `warm`). */
export function valueAt(
  graph: PoseGraph,
  z: Float64Array,
  warm: Float64Array,
  normal: NormalEquations,
): number {
  const g = withOdometry(graph, z);
  const solved = solveLm(g, warm, { maxIterations: 200, gradientTolerance: 1e-9 }, normal);
  return graphCost(g, solved.poses).total;
}

/**
 * One-step and implicit gradients of V against central finite differences, for the LL stopped after each of
 * `iterations` LM iterations (a large number: converged). Directional derivatives along `directions` seeded unit
 * vectors: ⟨∇V, d⟩ against (V(z + h d) − V(z − h d)) / 2h, each V a converged LL solve.
 */
export function gradientCheck(
  graph: PoseGraph,
  start: Float64Array,
  iterations: readonly number[],
  directions = 6,
  seed = 7,
): GradientCheckRow[] {
  const normal = new NormalEquations(graph);
  const z = odometryOf(graph);
  const converged = solveLm(graph, start, { maxIterations: 300, gradientTolerance: 1e-9 }, normal).poses;
  const rng = createRng(seed);
  const dirs = Array.from({ length: directions }, () => {
    const d = Float64Array.from(z, () => rng.normal());
    const n = Math.sqrt(d.reduce((a, b) => a + b * b, 0));
    return d.map((x) => x / n);
  });
  const h = 1e-5;
  const fd = dirs.map((d) => {
    const plus = z.map((v, k) => v + h * d[k]);
    const minus = z.map((v, k) => v - h * d[k]);
    return (valueAt(graph, plus, converged, normal) - valueAt(graph, minus, converged, normal)) / (2 * h);
  });
  return iterations.map((k) => {
    const stopped = solveLm(graph, start, { maxIterations: k, gradientTolerance: 1e-9 }, normal).poses;
    const one = oneStepGradient(graph, stopped);
    const imp = implicitGradient(graph, stopped, normal);
    return {
      llIterations: k,
      maxGradient: maxAbs(graphGradient(graph, stopped)),
      oneStepRelError: relError(dirs, one, fd),
      implicitRelError: relError(dirs, imp, fd),
    };
  });
}

function relError(dirs: Float64Array[], grad: Float64Array, fd: number[]): number {
  let num = 0;
  let den = 0;
  dirs.forEach((d, k) => {
    let s = 0;
    for (let i = 0; i < d.length; i++) s += d[i] * grad[i];
    num += (s - fd[k]) ** 2;
    den += fd[k] ** 2;
  });
  return Math.sqrt(num / Math.max(den, 1e-300));
}
