import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import {
  buildSplineOperator,
  evalSpline,
  keypointsToWaypoints,
  splineEnergy,
  waypointGradToKeypoints,
  type SplineOperator,
} from './spline.ts';

const randomKeypoints = (seed: number, k = 5) => {
  const rng = createRng(seed);
  return Float64Array.from(
    { length: 2 * k },
    (_, i) => (i % 2 === 0 ? 1.2 * (i / 2 + 1) : 0) + rng.uniform(-1, 1),
  );
};

/** ∫₀ᵏ ‖p'' + δ·φ''‖² dt by composite Simpson on each unit segment (p'' is linear there, φ'' smooth). */
function energyNumeric(
  op: SplineOperator,
  kp: Float64Array,
  perturb?: (t: number) => [number, number],
  sub = 400,
): number {
  let total = 0;
  for (let seg = 0; seg < op.options.k; seg++) {
    const h = 1 / sub;
    let acc = 0;
    for (let j = 0; j <= sub; j++) {
      const t = seg + j * h;
      const p = evalSpline(op, kp, t, 0, 0, seg);
      const [ex, ey] = perturb ? perturb(t) : [0, 0];
      const f = (p.ddx + ex) ** 2 + (p.ddy + ey) ** 2;
      acc += (j === 0 || j === sub ? 1 : j % 2 === 1 ? 4 : 2) * f;
    }
    total += (acc * h) / 3;
  }
  return total;
}

describe.each(['natural', 'heading'] as const)('cubic spline LL (%s start)', (start) => {
  const op = buildSplineOperator({ start });
  const { k, n } = op.options;

  it('passes through the start and every key point (B has unit rows at the knots)', () => {
    const kp = randomKeypoints(1);
    const w = keypointsToWaypoints(op, kp, 0.3, -0.2);
    expect(w[0]).toBeCloseTo(0.3, 12);
    expect(w[1]).toBeCloseTo(-0.2, 12);
    for (let i = 1; i <= k; i++) {
      const j = (i * (n - 1)) / k;
      expect(w[2 * j]).toBeCloseTo(kp[2 * i - 2], 12);
      expect(w[2 * j + 1]).toBeCloseTo(kp[2 * i - 1], 12);
    }
  });

  it('is C² at every interior knot and meets its end conditions', () => {
    const kp = randomKeypoints(2);
    for (let i = 1; i < k; i++) {
      const left = evalSpline(op, kp, i, 0, 0, i - 1);
      const right = evalSpline(op, kp, i, 0, 0, i);
      for (const key of ['x', 'y', 'dx', 'dy', 'ddx', 'ddy'] as const)
        expect(left[key]).toBeCloseTo(right[key], 10);
    }
    const s = evalSpline(op, kp, 0);
    const e = evalSpline(op, kp, k);
    expect(s.ddx).toBeCloseTo(0, 12);
    expect(e.ddx).toBeCloseTo(0, 12);
    expect(e.ddy).toBeCloseTo(0, 12);
    if (start === 'natural') expect(s.ddy).toBeCloseTo(0, 12);
    else expect(s.dy).toBeCloseTo(0, 12);
  });

  it('has waypoints W = B·P equal to direct evaluation of the spline', () => {
    const kp = randomKeypoints(3);
    const w = keypointsToWaypoints(op, kp);
    for (let j = 0; j < n; j++) {
      const p = evalSpline(op, kp, op.sampleT[j]);
      expect(w[2 * j]).toBeCloseTo(p.x, 12);
      expect(w[2 * j + 1]).toBeCloseTo(p.y, 12);
    }
  });

  it('has L = Pᵀ Q P equal to the numerical integral of ‖p″‖²', () => {
    for (let s = 0; s < 5; s++) {
      const kp = randomKeypoints(10 + s);
      const L = splineEnergy(op, kp).value;
      expect(L).toBeGreaterThan(0);
      expect(L).toBeCloseTo(energyNumeric(op, kp), 9);
    }
  });

  it('has a symmetric PSD Q that vanishes on straight lines traversed uniformly', () => {
    for (const Q of [op.x.Q, op.y.Q]) {
      const m = k + 1;
      for (let r = 0; r < m; r++)
        for (let c = 0; c < m; c++) expect(Q[r * m + c]).toBeCloseTo(Q[c * m + r], 12);
      const rng = createRng(4);
      for (let t = 0; t < 20; t++) {
        const v = Float64Array.from({ length: m }, () => rng.normal());
        let q = 0;
        for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) q += v[r] * Q[r * m + c] * v[c];
        expect(q).toBeGreaterThanOrEqual(-1e-12);
      }
    }
    // p_i = (2i, 0.5i): p'' ≡ 0, and for 'heading' y'(0) = 0 forces y ≠ linear, so only x is checked there.
    const line = Float64Array.from({ length: 2 * k }, (_, i) =>
      i % 2 === 0 ? 2 * (i / 2 + 1) : 0.5 * ((i - 1) / 2 + 1),
    );
    const L = splineEnergy(op, line).value;
    if (start === 'natural') expect(L).toBeCloseTo(0, 12);
    else
      expect(
        splineEnergy(
          op,
          line.map((v, i) => (i % 2 ? 0 : v)),
        ).value,
      ).toBeCloseTo(0, 12);
    expect(L).toBeGreaterThanOrEqual(-1e-12);
  });

  it('minimises ∫‖p″‖² among C² interpolants with the same start condition (perturbation test)', () => {
    const rng = createRng(7);
    const kp = randomKeypoints(5);
    const L0 = energyNumeric(op, kp);
    // φ(t) = a_i sin³(π(t − i)) on segment i: zero with zero first and second derivatives at every knot,
    // so p + φ is C², interpolates the same points, and keeps p'(0) and p''(0).
    for (let trial = 0; trial < 8; trial++) {
      const ax = Float64Array.from({ length: k }, () => rng.normal() * 0.3);
      const ay = Float64Array.from({ length: k }, () => rng.normal() * 0.3);
      const phi2 = (a: Float64Array, t: number) => {
        const i = Math.min(k - 1, Math.floor(t));
        const s = Math.sin(Math.PI * (t - i));
        const c = Math.cos(Math.PI * (t - i));
        return a[i] * Math.PI * Math.PI * (6 * s * c * c - 3 * s * s * s);
      };
      const cross =
        (energyNumeric(op, kp, (t) => [phi2(ax, t), phi2(ay, t)]) -
          energyNumeric(op, kp, (t) => [-phi2(ax, t), -phi2(ay, t)])) /
        4;
      // First-order optimality: ∫ p″·φ″ = 0, so L(p + φ) = L(p) + ∫‖φ″‖² > L(p).
      expect(Math.abs(cross)).toBeLessThan(1e-6);
      expect(energyNumeric(op, kp, (t) => [phi2(ax, t), phi2(ay, t)])).toBeGreaterThan(L0);
    }
  });

  it('has analytic gradients of L and of the chain rule through B (finite differences)', () => {
    const kp = randomKeypoints(6);
    const { grad } = splineEnergy(op, kp);
    const U = (w: Float64Array) => w.reduce((s, v, i) => s + Math.sin(v * (1 + (i % 3))), 0);
    const w = keypointsToWaypoints(op, kp);
    const gW = Float64Array.from(w, (v, i) => (1 + (i % 3)) * Math.cos(v * (1 + (i % 3))));
    const gK = waypointGradToKeypoints(op, gW);
    const h = 1e-6;
    for (let i = 0; i < 2 * k; i++) {
      const up = Float64Array.from(kp);
      const dn = Float64Array.from(kp);
      up[i] += h;
      dn[i] -= h;
      expect(grad[i]).toBeCloseTo((splineEnergy(op, up).value - splineEnergy(op, dn).value) / (2 * h), 5);
      expect(gK[i]).toBeCloseTo(
        (U(keypointsToWaypoints(op, up)) - U(keypointsToWaypoints(op, dn))) / (2 * h),
        5,
      );
    }
  });
});

describe('spline start conditions', () => {
  it('the natural spline has the least energy of all: L(natural) ≤ L(heading) for the same points', () => {
    const nat = buildSplineOperator({ start: 'natural' });
    const head = buildSplineOperator({ start: 'heading' });
    for (let s = 0; s < 10; s++) {
      const kp = randomKeypoints(20 + s);
      expect(splineEnergy(nat, kp).value).toBeLessThanOrEqual(splineEnergy(head, kp).value + 1e-12);
    }
  });

  it('the heading start leaves along the robot heading (+x of the robot frame)', () => {
    const op = buildSplineOperator({ start: 'heading' });
    const kp = randomKeypoints(30);
    const p = evalSpline(op, kp, 0);
    expect(p.dy).toBeCloseTo(0, 12);
    expect(p.dx).toBeGreaterThan(0);
    // The natural spline through the same points does not (its start tangent follows the points).
    expect(Math.abs(evalSpline(buildSplineOperator(), kp, 0).dy)).toBeGreaterThan(0.01);
  });

  it('rejects key points of the wrong length', () => {
    expect(() => keypointsToWaypoints(buildSplineOperator(), new Float64Array(6))).toThrow(/10 key-point/);
  });
});
