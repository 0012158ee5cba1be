import type { Vector } from '../linalg';

/**
 * Unrolled differentiation: the lower level is approximated by K steps of gradient descent
 *   φ_{k+1} = φ_k − α ∇_φ L(φ_k, ψ),  k = 0 … K−1,
 * and U(φ_K, ψ) is differentiated through those steps exactly (reverse mode, storing the trajectory):
 *   λ_K = ∇_φ U(φ_K),   for k = K−1 … 0:  g_ψ −= α (∂²L/∂φ∂ψ)ᵀ(φ_k) λ_{k+1},  λ_k = λ_{k+1} − α H(φ_k) λ_{k+1}.
 * The result is the exact gradient of the K-step map, which tends to the true hypergradient as K grows.
 */
export interface UnrolledProblem {
  phi0: Vector;
  stepSize: number;
  gradPhi: (phi: Vector) => Vector;
  hessianVectorProduct: (phi: Vector, v: Vector) => Vector;
  mixedVectorProduct: (phi: Vector, w: Vector) => Vector;
  upperGradPhi: (phiK: Vector) => Vector;
  upperGradPsi: (phiK: Vector) => Vector;
}

export interface UnrolledResult {
  gradient: Vector;
  /** φ_K, the approximate lower-level solution the gradient belongs to. */
  phiK: Vector;
}

export function unrolledHypergradient(problem: UnrolledProblem, steps: number): UnrolledResult {
  const alpha = problem.stepSize;
  const trajectory: Vector[] = [Float64Array.from(problem.phi0)];
  for (let k = 0; k < steps; k++) {
    const phi = trajectory[k];
    const g = problem.gradPhi(phi);
    const next = new Float64Array(phi.length);
    for (let i = 0; i < phi.length; i++) next[i] = phi[i] - alpha * g[i];
    trajectory.push(next);
  }
  const phiK = trajectory[steps];
  let lambda = problem.upperGradPhi(phiK);
  const gradient = Float64Array.from(problem.upperGradPsi(phiK));
  for (let k = steps - 1; k >= 0; k--) {
    const mixed = problem.mixedVectorProduct(trajectory[k], lambda);
    for (let i = 0; i < gradient.length; i++) gradient[i] -= alpha * mixed[i];
    const hl = problem.hessianVectorProduct(trajectory[k], lambda);
    const nextLambda = new Float64Array(lambda.length);
    for (let i = 0; i < lambda.length; i++) nextLambda[i] = lambda[i] - alpha * hl[i];
    lambda = nextLambda;
  }
  return { gradient, phiK };
}
