import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { straightThrough, straightThroughArgmin, stopGradient } from './straight-through';
import { gradientVariance, RunningBaseline, scoreFunctionObjective } from './score-function';
import { finiteDifferenceGradient, relativeError } from './finite-difference';
import { createRng } from '../rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('straight-through', () => {
  it('forwards the hard value and backpropagates the soft function’s gradient (checked by finite differences)', () => {
    const x0 = [0.3, -1.2, 0.7, 2.0];
    const w = tf.tensor1d([1.5, -0.5, 2.0, 0.25]);
    const soft = (x: tf.Tensor) => tf.softmax(tf.mul(x, 1.7));
    const hard = tf.tensor1d([0, 0, 0, 1]);
    const value = tf.tidy(() => straightThrough(soft(tf.tensor1d(x0)), hard).arraySync());
    expect(value).toEqual([0, 0, 0, 1]);
    const g = tf.tidy(() =>
      Array.from(
        tf
          .grad((x: tf.Tensor) => tf.sum(tf.mul(w, straightThrough(soft(x), hard))))(tf.tensor1d(x0))
          .dataSync(),
      ),
    );
    const fd = finiteDifferenceGradient(
      (x) => tf.tidy(() => tf.sum(tf.mul(w, soft(tf.tensor1d(Array.from(x))))).dataSync()[0]),
      Float64Array.from(x0),
      1e-3,
    );
    expect(relativeError(g, fd)).toBeLessThan(1e-3);
    tf.dispose([w, hard]);
  });

  it('stopGradient passes the value and blocks the gradient', () => {
    const g = tf.tidy(() =>
      tf
        .grad((x: tf.Tensor) => tf.sum(tf.mul(stopGradient(x), x)))(tf.tensor1d([2, 3]))
        .arraySync(),
    );
    expect(g).toEqual([2, 3]);
  });

  it('straightThroughArgmin picks the smallest score and routes the softmax gradient', () => {
    const scores = tf.tensor1d([3, 1, 2]);
    const picked = tf.tidy(() => straightThroughArgmin(scores, 0.5).arraySync());
    expect(picked).toEqual([0, 1, 0]);
    const weights = tf.tensor1d([1, 2, 3]);
    const g = tf.tidy(() =>
      Array.from(
        tf
          .grad((s: tf.Tensor) => tf.sum(tf.mul(weights, straightThroughArgmin(s, 0.5))))(scores)
          .dataSync(),
      ),
    );
    const fd = finiteDifferenceGradient(
      (s) =>
        tf.tidy(
          () =>
            tf
              .sum(tf.mul(weights, tf.softmax(tf.div(tf.neg(tf.tensor1d(Array.from(s))), 0.5))))
              .dataSync()[0],
        ),
      Float64Array.from([3, 1, 2]),
      1e-3,
    );
    expect(relativeError(g, fd)).toBeLessThan(1e-3);
    tf.dispose([scores, weights]);
  });
});

describe('score-function estimator', () => {
  const costs = [4, 1, 3, 2];
  const logits0 = [0.2, -0.4, 0.9, 0.1];

  function exactGradient(logits: number[]): number[] {
    const z = logits.map(Math.exp);
    const s = z.reduce((a, b) => a + b, 0);
    const p = z.map((v) => v / s);
    const mean = p.reduce((acc, pk, k) => acc + pk * costs[k], 0);
    return p.map((pk, k) => pk * (costs[k] - mean));
  }

  function sampleEstimates(useBaseline: boolean, count: number, perBatch: number): number[][] {
    const rng = createRng(11);
    const baseline = new RunningBaseline(0.9);
    const logits = tf.variable(tf.tensor1d(logits0));
    const out: number[][] = [];
    for (let it = 0; it < count; it++) {
      const actions: number[] = [];
      const probs = tf.tidy(() => tf.softmax(logits).dataSync());
      for (let s = 0; s < perBatch; s++) {
        let u = rng.next();
        let a = 0;
        while (a < probs.length - 1 && u >= probs[a]) u -= probs[a++];
        actions.push(a);
      }
      const c = actions.map((a) => costs[a]);
      const g = tf.tidy(() => {
        const grads = tf.variableGrads(() => {
          const logp = tf.gather(tf.logSoftmax(logits), tf.tensor1d(actions, 'int32')) as tf.Tensor1D;
          return scoreFunctionObjective({
            logProbs: logp,
            costs: c,
            baseline: useBaseline ? baseline.get() : undefined,
          });
        });
        return Array.from(grads.grads[logits.name].dataSync());
      });
      if (useBaseline) c.forEach((v) => baseline.update(v));
      out.push(g);
    }
    logits.dispose();
    return out;
  }

  it('is unbiased with and without a running baseline, and the baseline cuts the variance', () => {
    const exact = exactGradient(logits0);
    const plain = sampleEstimates(false, 600, 4);
    const withBaseline = sampleEstimates(true, 600, 4);
    for (const samples of [plain, withBaseline]) {
      const mean = exact.map((_, k) => samples.reduce((acc, g) => acc + g[k], 0) / samples.length);
      const se = Math.sqrt(gradientVariance(samples) / samples.length);
      expect(relativeError(mean, exact) * Math.hypot(...exact)).toBeLessThan(4 * se);
    }
    expect(gradientVariance(withBaseline)).toBeLessThan(0.5 * gradientVariance(plain));
  });

  it('with a reparameterised control variate stays unbiased (LAX correction term)', () => {
    // x = θ + ε, ε ~ N(0, 1); cost c(x) = x²; E[c] = θ² + 1, dE/dθ = 2θ. Control variate ŝ(x) = x² − 0.5x.
    const theta = tf.variable(tf.scalar(0.7));
    const rng = createRng(5);
    const samples: number[][] = [];
    for (let it = 0; it < 400; it++) {
      const eps = Array.from({ length: 8 }, () => rng.normal());
      const g = tf.tidy(() => {
        const grads = tf.variableGrads(() => {
          const x = tf.add(theta, tf.tensor1d(eps));
          const logp = tf.mul(-0.5, tf.square(tf.sub(stopGradient(x), theta))) as tf.Tensor1D;
          const cv = tf.sub(tf.square(x), tf.mul(0.5, x)) as tf.Tensor1D;
          const c = eps.map((e) => (0.7 + e) ** 2);
          return scoreFunctionObjective({ logProbs: logp, costs: c, controlVariate: cv });
        });
        return Array.from(grads.grads[theta.name].dataSync());
      });
      samples.push(g);
    }
    const mean = samples.reduce((a, g) => a + g[0], 0) / samples.length;
    const se = Math.sqrt(gradientVariance(samples) / samples.length);
    expect(Math.abs(mean - 1.4)).toBeLessThan(4 * se + 1e-9);
    theta.dispose();
  });
});
