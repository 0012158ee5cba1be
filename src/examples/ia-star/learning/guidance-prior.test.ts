import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../../il/node-backend.ts';
import { Trainer } from '../../../il/trainer.ts';
import type { EvaluateResult } from '../contract.ts';
import { iaStarFactory } from '../problem.ts';

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

describe('the h-scale form and the prior toward A* (β)', () => {
  it('starts as a weighted A* (fewer expansions), and a strong β pulls c to 0: plain A* again, no tensor leak', async () => {
    const settings = { seed: 3, learningRate: 1e-2, batchSize: 2, optimizer: 'adam' as const };
    const problem = await iaStarFactory.create(
      settings,
      iaStarFactory.parseParams({
        trainSize: 16,
        trainMaps: 8,
        trainKind: 'random-cells',
        guidanceForm: 'h-scale',
        hScale: 1,
        guidancePrior: 50,
      }),
    );
    const evaluate = async () =>
      ((await problem.command!('evaluate', { split: 'validation', count: 12, size: 16 })) as EvaluateResult)
        .learned;
    const before = await evaluate();
    // c ≈ sigmoid(−2) ≈ 0.12 → level 1/8: f = g + 1.125·h.
    expect(before.expandedRatioVsAstar).toBeLessThan(1);
    const trainer = new Trainer(problem, 'adam', settings.learningRate);
    await trainer.step();
    const tensors = tf.memory().numTensors;
    for (let i = 0; i < 30; i++) expect((await trainer.step()).ok).toBe(true);
    expect(tf.memory().numTensors).toBe(tensors);
    const after = await evaluate();
    expect(after.expandedRatioVsAstar).toBe(1);
    expect(after.pathRatioVsOptimal).toBe(1);
    trainer.dispose();
    problem.dispose();
  }, 60_000);
});
