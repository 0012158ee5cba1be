import { factorise, solveFactor } from '../../../il/sparse/block-cholesky';
import { lineariseEdge, type PoseGraph } from '../solver/pose-graph';
import type { NormalEquations } from '../solver/normal-equations';

/**
 * dV/dz for the value function V(z) = L(z, P*(z)), where z are the odometry measurements (the network's outputs
 * f(θ, x); odometry edge k carries z_k) and the other edges do not depend on z.
 *
 * One-step (the paper's): ∂L/∂z at P held fixed = Σ_k 2 J_zᵀ Ω e_k. Exact when ∇_P L(P) = 0.
 * Implicit (IFT, Gauss–Newton Hessian): adds the chain term (∂P*ᵀ∂z)ᵀ ∇_P L = −(∂²L/∂z∂P) H⁻¹ ∇_P L with ∂²L/∂z∂P ≈ 2 J_zᵀΩJ_P and
 * H ≈ 2 JᵀWJ: zero at a converged LL, a first-order correction towards P* when the LL stopped early.
 */
export function oneStepGradient(graph: PoseGraph, poses: Float64Array): Float64Array {
  const out: number[] = [];
  for (const edge of graph.edges) {
    if (edge.kind !== 'odometry') continue;
    const lin = lineariseEdge(poses, edge);
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let r = 0; r < 3; r++) {
        let we = 0;
        for (let t = 0; t < 3; t++) we += edge.info[r * 3 + t] * lin.e[t];
        s += lin.jz[r * 3 + c] * we;
      }
      out.push(2 * s);
    }
  }
  return Float64Array.from(out);
}

export function implicitCorrection(
  graph: PoseGraph,
  poses: Float64Array,
  normal: NormalEquations,
): Float64Array {
  const { h, g } = normal.build(poses);
  // v = H_L⁻¹ ∇_P L = (JᵀWJ)⁻¹ (JᵀWe): the factors of 2 cancel.
  const v = solveFactor(factorise(h), g);
  const out: number[] = [];
  const jpv = new Float64Array(3);
  for (const edge of graph.edges) {
    if (edge.kind !== 'odometry') continue;
    const lin = lineariseEdge(poses, edge);
    for (let r = 0; r < 3; r++) {
      let s = 0;
      for (let c = 0; c < 3; c++) {
        if (edge.i > 0) s += lin.ji[r * 3 + c] * v[3 * (edge.i - 1) + c];
        if (edge.j > 0) s += lin.jj[r * 3 + c] * v[3 * (edge.j - 1) + c];
      }
      jpv[r] = s;
    }
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let r = 0; r < 3; r++) {
        let w = 0;
        for (let t = 0; t < 3; t++) w += edge.info[r * 3 + t] * jpv[t];
        s += lin.jz[r * 3 + c] * w;
      }
      out.push(-2 * s);
    }
  }
  return Float64Array.from(out);
}

export function implicitGradient(
  graph: PoseGraph,
  poses: Float64Array,
  normal: NormalEquations,
): Float64Array {
  const one = oneStepGradient(graph, poses);
  const corr = implicitCorrection(graph, poses, normal);
  for (let k = 0; k < one.length; k++) one[k] += corr[k];
  return one;
}

/** The graph with its odometry measurements replaced by z (3 per odometry edge, in edge order). */
export function withOdometry(graph: PoseGraph, z: Float64Array): PoseGraph {
  let k = 0;
  return {
    poseCount: graph.poseCount,
    edges: graph.edges.map((e) => {
      if (e.kind !== 'odometry') return e;
      const next = { ...e, z: z.slice(3 * k, 3 * k + 3) };
      k++;
      return next;
    }),
  };
}
