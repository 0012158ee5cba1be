import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng';
import { between, compose, linearise, newLinearisation, wrapAngle } from './se2';

describe('SE(2) edge error and Jacobians', () => {
  it('between inverts compose', () => {
    const a = [1, -2, 0.7] as const;
    const b = [0.3, 0.5, -2.9] as const;
    const c = between(a, compose(a, b));
    for (let k = 0; k < 3; k++) expect(c[k]).toBeCloseTo(b[k], 12);
  });

  it('J_i, J_j and J_z match central finite differences of e', () => {
    const rng = createRng(5);
    const out = newLinearisation();
    const probe = newLinearisation();
    for (let trial = 0; trial < 20; trial++) {
      const v = Array.from({ length: 9 }, () => rng.uniform(-3, 3));
      linearise(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], out);
      const jac = [out.ji, out.jj, out.jz].map((j) => Float64Array.from(j));
      const h = 1e-6;
      for (let col = 0; col < 9; col++) {
        const plus = v.slice();
        const minus = v.slice();
        plus[col] += h;
        minus[col] -= h;
        linearise(plus[0], plus[1], plus[2], plus[3], plus[4], plus[5], plus[6], plus[7], plus[8], probe);
        const ep = Float64Array.from(probe.e);
        linearise(
          minus[0],
          minus[1],
          minus[2],
          minus[3],
          minus[4],
          minus[5],
          minus[6],
          minus[7],
          minus[8],
          probe,
        );
        for (let r = 0; r < 3; r++) {
          const fd = (r === 2 ? wrapAngle(ep[r] - probe.e[r]) : ep[r] - probe.e[r]) / (2 * h);
          expect(jac[Math.floor(col / 3)][r * 3 + (col % 3)]).toBeCloseTo(fd, 6);
        }
      }
    }
  });
});
