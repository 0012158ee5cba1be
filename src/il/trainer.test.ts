import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Trainer } from './trainer';
import type { Problem } from './problem';
import { trainableVariable } from './variables';
import { assignVariables, encodeVariables, parseWeightsJson } from './checkpoint';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** U(w) = ‖w − t‖², L = 0: a real, tiny problem whose optimum is known. */
function quadraticProblem(target: number[]): Problem<null> {
  const w = trainableVariable('test/w', tf.zeros([target.length]));
  const t = tf.tensor1d(target);
  return {
    variables: [w],
    async computeGradients() {
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(tf.sub(w, t))) as tf.Scalar, [w]);
      const upper = (await value.data())[0];
      value.dispose();
      return { gradients: [grads[w.name]], upper, lower: 0 };
    },
    async snapshot() {
      return null;
    },
    dispose() {
      tf.dispose([w, t]);
    },
  };
}

describe('Trainer', () => {
  for (const kind of ['adam', 'sgd'] as const) {
    it(`${kind} minimises a quadratic and reports U, ‖∇U‖ and ms each step`, async () => {
      const p = quadraticProblem([1, -2, 3]);
      const trainer = new Trainer(p, kind, kind === 'adam' ? 0.1 : 0.1);
      let last = await trainer.step();
      for (let i = 0; i < 300; i++) last = await trainer.step();
      expect(last.ok).toBe(true);
      if (last.ok) {
        expect(last.report.upper).toBeLessThan(1e-3);
        expect(last.report.step).toBe(301);
        expect(last.report.ms).toBeGreaterThanOrEqual(0);
      }
      trainer.dispose();
      p.dispose();
    });
  }

  it('detects divergence, does not apply the bad step and suggests a lower learning rate', async () => {
    const p = quadraticProblem([1, 2]);
    const trainer = new Trainer(p, 'sgd', 10); // |1 − 2·lr| > 1: the iterates blow up
    let outcome = await trainer.step();
    let steps = 0;
    while (outcome.ok && steps < 2000) {
      outcome = await trainer.step();
      steps++;
    }
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.divergence.suggestedLearningRate).toBe(1);
      expect(outcome.divergence.reason).toMatch(/became (NaN|Infinity)/);
    }
    const before = Array.from(p.variables[0].dataSync());
    expect(before.every(Number.isFinite)).toBe(true);
    trainer.setLearningRate(0.1);
    expect(trainer.learningRate).toBe(0.1);
    expect(() => trainer.setLearningRate(-1)).toThrow(/positive/);
    trainer.dispose();
    p.dispose();
  });

  it('keeps the tensor count flat over many steps', async () => {
    const p = quadraticProblem([1, 2, 3, 4]);
    const trainer = new Trainer(p, 'adam', 0.01);
    await trainer.step();
    const after1 = tf.memory().numTensors;
    for (let i = 0; i < 200; i++) await trainer.step();
    expect(tf.memory().numTensors).toBe(after1);
    trainer.dispose();
    p.dispose();
  });
});

describe('checkpoint', () => {
  it('round-trips weights and refuses a file of another shape', async () => {
    const a = quadraticProblem([1, 2, 3]);
    a.variables[0].assign(tf.tensor1d([4, 5, 6]));
    const files = await encodeVariables('demo', a.variables, { steps: 3 });
    const json = parseWeightsJson(JSON.stringify(files.json));
    const b = quadraticProblem([0, 0, 0]);
    assignVariables('demo', b.variables, { json, bin: files.bin });
    expect(Array.from(b.variables[0].dataSync())).toEqual([4, 5, 6]);
    const c = quadraticProblem([0, 0]);
    expect(() => assignVariables('demo', c.variables, { json, bin: files.bin })).toThrow(/shape/);
    expect(() => assignVariables('other', b.variables, { json, bin: files.bin })).toThrow(/for "demo"/);
    expect(() => parseWeightsJson('{nope')).toThrow(/not valid JSON/);
    [a, b, c].forEach((p) => p.dispose());
  });
});
