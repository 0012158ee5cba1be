import { factorise, solveFactor, type BlockMatrix } from '../../../il/sparse/block-cholesky';
import { graphGradient, maxAbs, type PoseGraph } from './pose-graph';
import { NormalEquations } from './normal-equations';
import { wrapAngle } from './se2';

export interface LmOptions {
  maxIterations: number;
  /** Stop when max |∇_P L| falls below this. */
  gradientTolerance: number;
  /** Keep the poses after every accepted iteration (for the view's LL-iteration slider). */
  recordIterations?: boolean;
  /** Called after every iteration (progress read-outs). */
  onIteration?: (iteration: number, cost: number, maxGradient: number) => void;
  /** 'marquardt': H + λ·diag(H); 'levenberg': H + λ·I with λ starting at 1e-5·max diag(H) (as g2o does). */
  damping?: 'marquardt' | 'levenberg';
  /**
   * Starting damping λ₀ (default 1e-5). MIT's start (chi² 4.4e9) is hard: from λ₀ = 1e-5 LM stops in a local minimum
   * (chi² 770.66); λ₀ = 1 reaches the reference optimum. manhattan, in turn, needs a small λ₀.
   */
  initialLambda?: number;
}

export interface LmResult {
  poses: Float64Array;
  initialCost: number;
  finalCost: number;
  iterations: number;
  /** max |∇_P L| at the returned poses (L = chi², so this is the gradient of chi² itself). */
  maxGradient: number;
  costs: number[];
  stopReason: 'gradient' | 'max-iterations' | 'no-progress';
  trace: Float64Array[];
  ms: number;
}

/**
 * Levenberg–Marquardt on a pose graph (Nielsen's damping update, Marquardt's diagonal scaling), each step solved by
 * the sparse block Cholesky. Pose 0 stays fixed.
 */
export function solveLm(
  graph: PoseGraph,
  start: Float64Array,
  options: LmOptions,
  normal: NormalEquations = new NormalEquations(graph),
): LmResult {
  const t0 = performance.now();
  let poses = Float64Array.from(start);
  let { h, g, cost } = normal.build(poses);
  const initialCost = cost;
  const costs = [cost];
  const trace = options.recordIterations ? [Float64Array.from(poses)] : [];
  const levenberg = options.damping === 'levenberg';
  let lambda = options.initialLambda ?? 1e-5;
  if (levenberg) {
    let m = 0;
    for (let v = 0; v < normal.pattern.n; v++)
      for (let a = 0; a < 3; a++) m = Math.max(m, h.diagonal[v * 9 + a * 4]);
    lambda = (options.initialLambda ?? 1e-5) * m;
  }
  let nu = 2;
  let iterations = 0;
  let stopReason: LmResult['stopReason'] = 'max-iterations';
  let gradMax = 2 * maxAbs(g);
  let stalls = 0;
  while (iterations < options.maxIterations) {
    if (gradMax < options.gradientTolerance) {
      stopReason = 'gradient';
      break;
    }
    iterations++;
    const damped = { ...h, diagonal: Float64Array.from(h.diagonal) };
    for (let v = 0; v < normal.pattern.n; v++)
      for (let a = 0; a < 3; a++) {
        const d = v * 9 + a * 4;
        damped.diagonal[d] += levenberg ? lambda : lambda * Math.max(h.diagonal[d], 1e-9);
      }
    let step: Float64Array;
    try {
      step = solveFactor(factorise(damped), g);
    } catch {
      lambda *= nu;
      nu *= 2;
      continue;
    }
    const candidate = Float64Array.from(poses);
    for (let k = 0; k < step.length; k++) candidate[3 + k] -= step[k];
    for (let v = 1; v < graph.poseCount; v++) candidate[3 * v + 2] = wrapAngle(candidate[3 * v + 2]);
    const next = normal.build(candidate);
    // Gauss–Newton model of L = chi² for δ = −step: the predicted decrease is 2 gᵀstep − stepᵀ H step.
    let predicted = 0;
    for (let k = 0; k < step.length; k++) predicted += step[k] * g[k];
    predicted = 2 * predicted - quadraticForm(h, step);
    const actual = cost - next.cost;
    const rho = predicted > 0 ? actual / predicted : -1;
    // Near the optimum the decrease of L drops below its round-off; a step that still shrinks ∇L is then taken.
    const withinRoundOff = Math.abs(actual) <= 1e-12 * Math.abs(cost);
    const nextGradMax = 2 * maxAbs(next.g);
    if ((actual > 0 && rho > 0) || (withinRoundOff && nextGradMax < gradMax)) {
      const relative = actual / Math.max(cost, 1e-300);
      poses = candidate;
      ({ h, g, cost } = next);
      gradMax = nextGradMax;
      costs.push(cost);
      if (options.recordIterations) trace.push(Float64Array.from(poses));
      // A step taken on the gradient alone (ρ is round-off there) loosens the damping instead of tightening it.
      lambda *= withinRoundOff && !(rho > 0) ? 1 / 3 : Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
      nu = 2;
      stalls = relative < 1e-15 && !withinRoundOff ? stalls + 1 : 0;
    } else {
      lambda *= nu;
      nu *= 2;
      stalls++;
    }
    options.onIteration?.(iterations, cost, gradMax);
    if (stalls >= 12 || lambda > 1e16) {
      stopReason = gradMax < options.gradientTolerance ? 'gradient' : 'no-progress';
      break;
    }
  }
  if (gradMax < options.gradientTolerance) stopReason = 'gradient';
  return {
    poses,
    initialCost,
    finalCost: cost,
    iterations,
    maxGradient: maxAbs(graphGradient(graph, poses)),
    costs,
    stopReason,
    trace,
    ms: performance.now() - t0,
  };
}

/** xᵀ H x for a block matrix on its pattern. */
function quadraticForm(h: BlockMatrix, x: Float64Array): number {
  const { n, order, colStart, rowIndex } = h.pattern;
  let s = 0;
  for (let v = 0; v < n; v++)
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) s += x[3 * v + a] * h.diagonal[v * 9 + a * 3 + b] * x[3 * v + b];
  for (let k = 0; k < n; k++) {
    const q = order[k];
    for (let t = colStart[k]; t < colStart[k + 1]; t++) {
      const p = order[rowIndex[t]];
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++) s += 2 * x[3 * p + a] * h.lower[t * 9 + a * 3 + b] * x[3 * q + b];
    }
  }
  return s;
}
