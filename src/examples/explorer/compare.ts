import { relativeError } from '../../il/gradients/finite-difference';
import type { RidgeBilevel } from './ridge';

export interface MethodResult {
  method: 'exact' | 'unrolled' | 'implicit' | 'finite-difference';
  gradient: number[];
  /** ‖g − g_exact‖ / ‖g_exact‖ */
  relativeError: number;
  /** ‖g − g_exact‖: near a stationary point ‖g_exact‖ → 0 and only the absolute error stays meaningful. */
  absoluteError: number;
  ms: number;
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function timed(fn: () => Float64Array, repeats: number): { value: Float64Array; ms: number } {
  let value = fn();
  const start = clock();
  for (let r = 0; r < repeats; r++) value = fn();
  return { value, ms: (clock() - start) / repeats };
}

/** The four hypergradients at one θ, side by side, with their errors against the closed form and their cost. */
export function compareHypergradients(
  ridge: RidgeBilevel,
  theta: Float64Array,
  unrollSteps: number,
  cgIterations: number,
  repeats = 5,
): MethodResult[] {
  const exact = timed(() => ridge.exactHypergradient(theta), repeats);
  const rows: [MethodResult['method'], { value: Float64Array; ms: number }][] = [
    ['exact', exact],
    ['unrolled', timed(() => ridge.unrolledHypergradient(theta, unrollSteps), repeats)],
    ['implicit', timed(() => ridge.implicitHypergradient(theta, cgIterations), repeats)],
    ['finite-difference', timed(() => ridge.finiteDifferenceHypergradient(theta), repeats)],
  ];
  return rows.map(([method, r]) => ({
    method,
    gradient: Array.from(r.value),
    relativeError: relativeError(r.value, exact.value),
    absoluteError: Math.hypot(...Array.from(r.value, (v, i) => v - exact.value[i])),
    ms: r.ms,
  }));
}

export interface ContourGrid {
  axisI: number;
  axisJ: number;
  /** θ values along each axis. */
  ticks: number[];
  /** U at (ticks[a], ticks[b]) is values[b * n + a]. */
  values: number[];
}

/** U over two θ_j with the others held at the current θ: the landscape the descent path is drawn on. */
export function contourOfUpperCost(
  ridge: RidgeBilevel,
  theta: Float64Array,
  axisI: number,
  axisJ: number,
  lo = -6,
  hi = 6,
  n = 41,
): ContourGrid {
  const ticks = Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));
  const probe = Float64Array.from(theta);
  const values: number[] = [];
  for (const b of ticks) {
    for (const a of ticks) {
      probe[axisI] = a;
      probe[axisJ] = b;
      values.push(ridge.upperCost(probe));
    }
  }
  return { axisI, axisJ, ticks, values };
}
