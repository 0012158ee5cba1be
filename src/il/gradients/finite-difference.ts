import type { Vector } from '../linalg';

/** Central finite differences of a scalar function, the ground truth every analytic gradient is checked against. */
export function finiteDifferenceGradient(f: (x: Vector) => number, x: Vector, h = 1e-5): Vector {
  const g = new Float64Array(x.length);
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const xi = probe[i];
    probe[i] = xi + h;
    const fp = f(probe);
    probe[i] = xi - h;
    const fm = f(probe);
    probe[i] = xi;
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}

/** ‖a − b‖ / max(‖b‖, tiny): the relative error reported by every gradient check in the app and the tests. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let ref = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    ref += b[i] ** 2;
  }
  return Math.sqrt(diff) / Math.max(Math.sqrt(ref), 1e-300);
}
