/**
 * Implicit differentiation of the MPC solution through its KKT conditions.
 *
 * At the optimum, with the active set A (variables at a bound) and the free set F:
 *   H_FF U_F + H_FA U_A + q_F = 0,   U_A = bound  ⇒   dU_F = −H_FF⁻¹ ∂_ψ(H U + q)_F,  dU_A = 0.
 * So the vector–Jacobian product for an upstream gradient ū is  ψ̄ = −wᵀ ∂_ψ(H U + q)  with
 * H_FF w_F = ū_F, w_A = 0 (one solve, whatever the number of parameters). The optimal LL cost's
 * gradient is the envelope theorem's ∂_ψ L at fixed U (the box does not depend on ψ = (x0, p)).
 * Valid where the active set is locally stable (strict complementarity).
 */
import { solveOnSubset } from './dense';
import type { MpcContext, MpcSolution } from './mpc';
import {
  type MpcInputGradients,
  addCostPartials,
  addStationarityPartials,
  zeroGradients,
} from './mpc-sensitivity';

/**
 * Gradients of  ūᵀ U*(x0, p) + costBar · L*(x0, p)  w.r.t. x0 and p.
 * `uBar` may be null (no upstream gradient on U*).
 */
export function mpcVjpImplicit(
  ctx: MpcContext,
  sol: MpcSolution,
  uBar: ArrayLike<number> | null,
  costBar = 0,
): MpcInputGradients {
  const grads = zeroGradients();
  if (uBar) {
    const free: number[] = [];
    for (let i = 0; i < ctx.nU; i++) if (sol.active[i] === 0) free.push(i);
    const w = free.length > 0 ? solveOnSubset(ctx.H, ctx.nU, free, uBar) : new Float64Array(ctx.nU);
    addStationarityPartials(ctx, sol.e0, sol.u, w, -1, grads);
  }
  if (costBar !== 0) addCostPartials(ctx, sol.e0, sol.u, costBar, grads);
  return grads;
}
