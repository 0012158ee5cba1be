import { describe, expect, it } from 'vitest';
import { conjugateGradient } from './conjugate-gradient';
import { implicitHypergradient } from './implicit';
import { unrolledHypergradient, type UnrolledProblem } from './unrolled';
import { finiteDifferenceGradient, relativeError } from './finite-difference';
import { createRng } from '../rng';
import { cholesky, choleskySolve, matrix, matVec, type Matrix } from '../linalg';

function randomSpd(n: number, seed: number): Matrix {
  const rng = createRng(seed);
  const a = matrix(n, n);
  for (let i = 0; i < n * n; i++) a.data[i] = rng.normal();
  const m = matrix(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? 0.5 : 0;
      for (let k = 0; k < n; k++) s += a.data[k * n + i] * a.data[k * n + j];
      m.data[i * n + j] = s;
    }
  return m;
}

/**
 * A non-quadratic lower level, so the test exercises the Hessian along the trajectory:
 *   L(φ, ψ) = Σ_j (e^{ψ_j} φ_j² / 2 + φ_j⁴ / 4) + ½‖Cφ − b‖²,   U(φ) = ½‖φ − t‖² + 0.1 Σ ψ_j²
 */
function makeQuarticBilevel(n: number, seed: number) {
  const rng = createRng(seed);
  const c = matrix(n, n);
  for (let i = 0; i < n * n; i++) c.data[i] = 0.4 * rng.normal();
  const b = Float64Array.from({ length: n }, () => rng.normal());
  const t = Float64Array.from({ length: n }, () => rng.normal());
  const ctc = (v: Float64Array) => {
    const cv = matVec(c, v);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j] += c.data[i * n + j] * cv[i];
    return out;
  };
  const ctb = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ctb[j] += c.data[i * n + j] * b[i];
  const gradPhi = (phi: Float64Array, psi: Float64Array) => {
    const g = ctc(phi);
    for (let j = 0; j < n; j++) g[j] += Math.exp(psi[j]) * phi[j] + phi[j] ** 3 - ctb[j];
    return g;
  };
  const hvp = (phi: Float64Array, psi: Float64Array, v: Float64Array) => {
    const h = ctc(v);
    for (let j = 0; j < n; j++) h[j] += (Math.exp(psi[j]) + 3 * phi[j] ** 2) * v[j];
    return h;
  };
  const mixed = (phi: Float64Array, psi: Float64Array, w: Float64Array) =>
    w.map((wj, j) => Math.exp(psi[j]) * phi[j] * wj);
  const upper = (phi: Float64Array, psi: Float64Array) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += 0.5 * (phi[j] - t[j]) ** 2 + 0.1 * psi[j] ** 2;
    return s;
  };
  return { gradPhi, hvp, mixed, upper, t };
}

describe('conjugateGradient', () => {
  it('solves an SPD system to machine precision in n iterations', () => {
    const a = randomSpd(8, 1);
    const b = Float64Array.from({ length: 8 }, (_, i) => Math.sin(i + 1));
    const cg = conjugateGradient((v) => matVec(a, v), b, 50, 1e-14);
    const exact = choleskySolve(cholesky(a), b);
    expect(relativeError(cg.x, exact)).toBeLessThan(1e-9);
    expect(cg.iterations).toBeLessThanOrEqual(20);
  });

  it('improves monotonically in the A-norm error as iterations grow', () => {
    const a = randomSpd(12, 2);
    const b = Float64Array.from({ length: 12 }, (_, i) => Math.cos(i));
    const exact = choleskySolve(cholesky(a), b);
    const errs = [1, 3, 6, 12].map((k) =>
      relativeError(conjugateGradient((v) => matVec(a, v), b, k).x, exact),
    );
    for (let i = 1; i < errs.length; i++) expect(errs[i]).toBeLessThan(errs[i - 1]);
  });
});

describe('unrolledHypergradient', () => {
  it('is the exact gradient of the K-step map (finite differences), on a non-quadratic lower level', () => {
    const n = 5;
    const q = makeQuarticBilevel(n, 3);
    const psi = Float64Array.from([0.1, -0.3, 0.5, 0.0, 0.2]);
    const stepSize = 0.05;
    const K = 30;
    const problemAt = (p: Float64Array): UnrolledProblem => ({
      phi0: new Float64Array(n),
      stepSize,
      gradPhi: (phi) => q.gradPhi(phi, p),
      hessianVectorProduct: (phi, v) => q.hvp(phi, p, v),
      mixedVectorProduct: (phi, w) => q.mixed(phi, p, w),
      upperGradPhi: (phi) => phi.map((x, j) => x - q.t[j]),
      upperGradPsi: () => p.map((x) => 0.2 * x),
    });
    const analytic = unrolledHypergradient(problemAt(psi), K).gradient;
    const fd = finiteDifferenceGradient((p) => {
      const phiK = unrolledHypergradient(problemAt(p), K).phiK;
      return q.upper(phiK, p);
    }, psi);
    expect(relativeError(analytic, fd)).toBeLessThan(1e-6);
  });
});

describe('implicitHypergradient', () => {
  it('matches finite differences of U(φ*(ψ)) on a non-quadratic lower level solved to convergence', () => {
    const n = 5;
    const q = makeQuarticBilevel(n, 4);
    const solve = (psi: Float64Array) => {
      // Newton's method on ∇_φ L = 0 (strictly convex), to full precision.
      let phi = new Float64Array(n);
      for (let it = 0; it < 50; it++) {
        const g = q.gradPhi(phi, psi);
        const step = conjugateGradient((v) => q.hvp(phi, psi, v), g, 50, 1e-15).x;
        phi = phi.map((x, j) => x - step[j]);
      }
      return phi;
    };
    const psi = Float64Array.from([0.3, -0.2, 0.1, 0.4, -0.5]);
    const phiStar = solve(psi);
    const result = implicitHypergradient(
      {
        hessianVectorProduct: (v) => q.hvp(phiStar, psi, v),
        mixedVectorProduct: (w) => q.mixed(phiStar, psi, w),
        upperGradPhi: phiStar.map((x, j) => x - q.t[j]),
        upperGradPsi: psi.map((x) => 0.2 * x),
      },
      50,
      1e-14,
    );
    const fd = finiteDifferenceGradient((p) => q.upper(solve(p), p), psi, 1e-5);
    expect(relativeError(result.gradient, fd)).toBeLessThan(1e-6);
    expect(result.cgRelativeResidual).toBeLessThan(1e-10);
  });
});
