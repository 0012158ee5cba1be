import { conjugateGradient } from './conjugate-gradient';
import type { Vector } from '../linalg';

/**
 * Implicit differentiation of a lower-level solution φ*(ψ) = argmin_φ L(φ, ψ).
 *
 * At the optimum ∇_φ L(φ*, ψ) = 0; the implicit function theorem gives
 *   dφ* / dψ = −H⁻¹ ∂²L/∂φ∂ψ,   H = ∇²_φφ L(φ*, ψ),
 * so the hypergradient of U(φ*(ψ), ψ) is
 *   dU/dψ = ∂U/∂ψ − (∂²L/∂φ∂ψ)ᵀ H⁻¹ ∇_φ U.
 * H⁻¹ ∇_φ U is found with n conjugate-gradient iterations on Hessian–vector products; no matrix is formed.
 */
export interface ImplicitProblem {
  /** v ↦ H v at φ*. */
  hessianVectorProduct: (v: Vector) => Vector;
  /** w ↦ (∂²L/∂φ∂ψ)ᵀ w at φ* (a vector the size of ψ). */
  mixedVectorProduct: (w: Vector) => Vector;
  /** ∇_φ U at φ*. */
  upperGradPhi: Vector;
  /** ∂U/∂ψ (direct dependence), zeros if none. */
  upperGradPsi: Vector;
}

export interface ImplicitResult {
  gradient: Vector;
  cgIterations: number;
  cgRelativeResidual: number;
}

export function implicitHypergradient(
  problem: ImplicitProblem,
  cgIterations: number,
  tolerance = 0,
): ImplicitResult {
  const cg = conjugateGradient(problem.hessianVectorProduct, problem.upperGradPhi, cgIterations, tolerance);
  const mixed = problem.mixedVectorProduct(cg.x);
  const gradient = Float64Array.from(problem.upperGradPsi);
  for (let i = 0; i < gradient.length; i++) gradient[i] -= mixed[i];
  return { gradient, cgIterations: cg.iterations, cgRelativeResidual: cg.relativeResidual };
}
