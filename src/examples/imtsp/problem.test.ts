import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../il/node-backend';
import { Trainer } from '../../il/trainer';
import { runImtspCommand } from './commands/commands';
import type { EstimatorCheck } from './learning/estimator-check';
import { cityFeatures } from './learning/features';
import { uniformInstance } from './instances/generators';
import { makeInstance } from './instances/instance';
import { solveLearned } from './learning/learned';
import { imtspMeta } from './meta';
import { imtspFactory, type ImtspProblem } from './problem';
import { heldOutInstances } from './learning/training-data';

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

const settings = { ...imtspMeta.defaults, batchSize: 4 };

async function heldOutMaxTour(problem: ImtspProblem): Promise<number> {
  let total = 0;
  const instances = heldOutInstances('uniform', 50, 8, 5);
  for (const [i, instance] of instances.entries())
    total += (await solveLearned(problem.network, instance, 5, { seed: i })).maxTour;
  return total / instances.length;
}

describe('iMTSP problem', () => {
  it('is a pure function of (settings, params): the same seed gives the same costs and gradients', async () => {
    const params = imtspFactory.parseParams({});
    const runs = await Promise.all([0, 1].map(() => imtspFactory.create(settings, params)));
    const outcomes = [];
    for (const problem of runs) {
      const steps = [await problem.computeGradients(0), await problem.computeGradients(1)];
      outcomes.push(
        await Promise.all(
          steps.map(async (s) => {
            const flat = await Promise.all(s.gradients.map((g) => g.data()));
            tf.dispose(s.gradients);
            return {
              upper: s.upper,
              lower: s.lower,
              metrics: s.metrics,
              grads: flat.map((f) => Array.from(f)),
            };
          }),
        ),
      );
      problem.dispose();
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0][0].upper).not.toEqual(outcomes[0][1].upper);
  });

  it("REINFORCE's leave-one-out baseline changes its gradient and leaks no tensors", async () => {
    const grads = async (reinforceBaseline: string) => {
      const params = imtspFactory.parseParams({ estimator: 'reinforce', reinforceBaseline });
      const problem = await imtspFactory.create(settings, params);
      const before = tf.memory().numTensors;
      const flat: number[][] = [];
      for (let step = 0; step < 3; step++) {
        const s = await problem.computeGradients(step);
        flat.push(Array.from(await s.gradients[0].data()));
        tf.dispose(s.gradients);
        expect(tf.memory().numTensors).toBe(before);
      }
      problem.dispose();
      return flat;
    };
    const leaveOneOut = await grads('leave-one-out');
    const runningMean = await grads('running-mean');
    // Same samples (same seed), different baselines: by step 2 the running mean is a mean over past steps.
    expect(leaveOneOut[2]).not.toEqual(runningMean[2]);
    expect(leaveOneOut[2].every(Number.isFinite)).toBe(true);
  });

  it.each([['leave-one-out'], ['leave-one-out-residual']])(
    "the surrogate's %s baseline changes its gradient, not REINFORCE's variance, and leaks no tensors",
    async (kind) => {
      const step = async (surrogateBaseline: string) => {
        const params = imtspFactory.parseParams({ estimator: 'surrogate', surrogateBaseline });
        const problem = await imtspFactory.create(settings, params);
        const before = tf.memory().numTensors;
        const out: { grad: number[]; metrics: Record<string, number> | undefined }[] = [];
        for (let k = 0; k < 3; k++) {
          const s = await problem.computeGradients(k);
          out.push({ grad: Array.from(await s.gradients[0].data()), metrics: s.metrics });
          tf.dispose(s.gradients);
          expect(tf.memory().numTensors).toBe(before);
        }
        problem.dispose();
        return out;
      };
      const loo = await step(kind);
      const none = await step('none');
      // Step 0: same θ, φ and samples; only the surrogate's baseline differs.
      expect(loo[0].grad).not.toEqual(none[0].grad);
      expect(loo[0].metrics?.varianceReinforce).toBe(none[0].metrics?.varianceReinforce);
      expect(loo[2].grad.every(Number.isFinite)).toBe(true);
    },
  );

  it('trained beats untrained on held-out instances (longest tour of the learned method)', async () => {
    const problem = (await imtspFactory.create(
      { ...imtspMeta.defaults, seed: 3 },
      imtspFactory.parseParams({}),
    )) as ImtspProblem;
    const before = await heldOutMaxTour(problem);
    const trainer = new Trainer(problem, 'adam', imtspMeta.defaults.learningRate);
    for (let i = 0; i < 300; i++) expect((await trainer.step()).ok).toBe(true);
    const after = await heldOutMaxTour(problem);
    expect(after).toBeLessThan(0.99 * before);
    trainer.dispose();
    problem.dispose();
  }, 120_000);

  it('features do not depend on the coordinate scale or position, and the sweep matrix sums workloads in angular order', () => {
    const a = uniformInstance({ n: 30, seed: 2 });
    const b = makeInstance(
      'scaled',
      Array.from(a.x, (v) => 70 * v + 3),
      Array.from(a.y, (v) => 70 * v - 11),
    );
    const fa = cityFeatures(a, 4);
    const fb = cityFeatures(b, 4);
    fa.node.forEach((v, i) => expect(fb.node[i]).toBeCloseTo(v, 4));
    fa.workload.forEach((v, i) => expect(fb.workload[i]).toBeCloseTo(v, 4));
    const n = fa.n;
    // With unit workloads, city at position p of the angular order is at p + ½.
    fa.order.forEach((i, p) => {
      let row = 0;
      for (let j = 0; j < n; j++) row += fa.sweep[i * n + j];
      expect(row).toBeCloseTo(p + 0.5, 6);
    });
  });

  it('commands refuse malformed payloads with a message and solve any N and M', async () => {
    const problem = (await imtspFactory.create(settings, imtspFactory.parseParams({}))) as ImtspProblem;
    const context = {
      network: problem.network,
      phi: () => problem.variables.at(-1)!.data(),
      temperature: 0.5,
    };
    await expect(runImtspCommand(context, 'allocation', { x: [0, 1], y: [0], agents: 2 })).rejects.toThrow(
      'same length',
    );
    await expect(
      runImtspCommand(context, 'allocation', { x: [0, 1, NaN], y: [0, 1, 2], agents: 2 }),
    ).rejects.toThrow('non-finite');
    await expect(runImtspCommand(context, 'compare', { x: [0, 1], y: [0, 1], agents: 0 })).rejects.toThrow(
      'agents',
    );
    await expect(runImtspCommand(context, 'nope', {})).rejects.toThrow('unknown command');
    const inst = uniformInstance({ n: 120, seed: 9 });
    const result = (await runImtspCommand(context, 'allocation', {
      x: Array.from(inst.x),
      y: Array.from(inst.y),
      agents: 7,
      samples: 3,
      seed: 1,
    })) as { probs: Float32Array; tours: number[][]; maxTour: number };
    expect(result.probs.length).toBe(119 * 7);
    const check = (await runImtspCommand(context, 'estimatorCheck', { batches: 300 })) as EstimatorCheck;
    expect(check.allocations).toBe(16);
    // Both unbiased: the error of the mean is within a few standard errors of it.
    expect(check.reinforce.standardErrors).toBeLessThan(4);
    expect(check.surrogate.standardErrors).toBeLessThan(4);
    expect(result.tours.length).toBe(7);
    expect(
      result.tours
        .flat()
        .filter((c) => c !== 0)
        .sort((p, q) => p - q),
    ).toEqual(Array.from({ length: 119 }, (_, i) => i + 1));
    problem.dispose();
  });
});
