import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRegressionData } from './data';
import { RidgeBilevel } from './ridge';
import { compareHypergradients } from './compare';
import { explorerFactory } from './problem';
import { DEFAULT_EXPLORER_PARAMS } from './params';
import { relativeError } from '../../il/gradients/finite-difference';
import { Trainer } from '../../il/trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const spec = { relevant: 3, irrelevant: 5, noisy: 2, trainSize: 24, validSize: 200, labelNoise: 0.5 };

describe('ridge bilevel', () => {
  const ridge = new RidgeBilevel(makeRegressionData(spec, 1));
  const theta = Float64Array.from({ length: 10 }, (_, j) => Math.sin(j) * 1.5);

  it('solves the lower level exactly (the gradient of L vanishes at μ*)', () => {
    const mu = ridge.solveLower(theta);
    // Stationarity, ∇L(μ*) = Hμ* − 2Xᵀy = 0, with Xᵀy computed here from the raw training data.
    const { trainX, trainY } = ridge.data;
    const twoXty = Array.from({ length: trainX.cols }, (_, j) => {
      let s = 0;
      for (let i = 0; i < trainX.rows; i++) s += trainX.data[i * trainX.cols + j] * trainY[i];
      return 2 * s;
    });
    const hMu = ridge.hessianVectorProduct(theta, mu);
    expect(hMu).toHaveLength(10);
    hMu.forEach((v, j) => expect(v).toBeCloseTo(twoXty[j], 8));
    // And via finite differences of L itself.
    const h = 1e-6;
    for (let j = 0; j < 10; j++) {
      const p = Float64Array.from(mu);
      p[j] += h;
      const m = Float64Array.from(mu);
      m[j] -= h;
      expect(Math.abs((ridge.lowerCost(theta, p) - ridge.lowerCost(theta, m)) / (2 * h))).toBeLessThan(1e-5);
    }
  });

  it('its Hessian-vector product is the second derivative of L (mixed differences of the quadratic L)', () => {
    // L is quadratic in μ, so H_jk = [L(μ+he_j+he_k) − L(μ+he_j−he_k) − L(μ−he_j+he_k) + L(μ−he_j−he_k)] / 4h²
    // holds for any h; only rounding limits it.
    const mu = Float64Array.from({ length: 10 }, (_, j) => Math.cos(j));
    const h = 1e-2;
    const at = (j: number, sj: number, k: number, sk: number): number => {
      const p = Float64Array.from(mu);
      p[j] += sj * h;
      p[k] += sk * h;
      return ridge.lowerCost(theta, p);
    };
    for (let j = 0; j < 10; j++) {
      const e = new Float64Array(10);
      e[j] = 1;
      const column = ridge.hessianVectorProduct(theta, e);
      for (let k = 0; k < 10; k++) {
        const fd = (at(j, 1, k, 1) - at(j, 1, k, -1) - at(j, -1, k, 1) + at(j, -1, k, -1)) / (4 * h * h);
        expect(column[k]).toBeCloseTo(fd, 4);
      }
    }
  });

  it('closed-form hypergradient agrees with finite differences', () => {
    const exact = ridge.exactHypergradient(theta);
    const fd = ridge.finiteDifferenceHypergradient(theta, 1e-5);
    expect(relativeError(fd, exact)).toBeLessThan(1e-6);
  });

  it('implicit differentiation converges to the closed form as CG iterations grow', () => {
    const rows = [1, 5, 50].map((n) => compareHypergradients(ridge, theta, 10, n, 1)[2].relativeError);
    expect(rows[0]).toBeGreaterThan(rows[1]);
    expect(rows[2]).toBeLessThan(1e-4);
  });

  it('unrolled differentiation error falls as K grows', () => {
    const errs = [1, 10, 100, 1000].map((k) =>
      relativeError(ridge.unrolledHypergradient(theta, k), ridge.exactHypergradient(theta)),
    );
    for (let i = 1; i < errs.length; i++) expect(errs[i]).toBeLessThan(errs[i - 1]);
    expect(errs[3]).toBeLessThan(0.05);
  });
});

describe('explorer problem', () => {
  it('training θ with the implicit hypergradient lowers U and shrinks irrelevant features more than relevant ones', async () => {
    const settings = { seed: 3, learningRate: 0.1, batchSize: 1, optimizer: 'adam' as const };
    const problem = await explorerFactory.create(settings, DEFAULT_EXPLORER_PARAMS);
    const trainer = new Trainer(problem, 'adam', 0.1);
    const first = await trainer.step();
    let last = first;
    for (let i = 0; i < 150; i++) last = await trainer.step();
    expect(first.ok && last.ok).toBe(true);
    if (!first.ok || !last.ok) return;
    expect(last.report.upper).toBeLessThan(first.report.upper * 0.95);
    const snap = await problem.snapshot();
    const meanTheta = (kind: string) => {
      const xs = snap.theta.filter((_, j) => snap.featureKinds[j] === kind);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(meanTheta('irrelevant')).toBeGreaterThan(meanTheta('relevant') + 1);
    trainer.dispose();
    problem.dispose();
  });

  it('is deterministic per seed', async () => {
    const run = async () => {
      const settings = { seed: 9, learningRate: 0.05, batchSize: 1, optimizer: 'sgd' as const };
      const p = await explorerFactory.create(settings, DEFAULT_EXPLORER_PARAMS);
      const t = new Trainer(p, 'sgd', 0.05);
      const us: number[] = [];
      for (let i = 0; i < 5; i++) {
        const o = await t.step();
        if (o.ok) us.push(o.report.upper);
      }
      t.dispose();
      p.dispose();
      return us;
    };
    expect(await run()).toEqual(await run());
  });
});
