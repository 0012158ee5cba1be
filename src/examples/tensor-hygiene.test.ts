import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../il/node-backend';
import { Trainer } from '../il/trainer';
import { examples } from './registry';

/**
 * Tensor hygiene: 500 training steps of every registered problem, on the Node training backend (wasm), must leave
 * tf.memory().numTensors exactly where it was after the first step. Each example's smallest preset batch is used.
 */
const STEPS = 500;

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

describe('tensor count stays flat over 500 training steps', () => {
  for (const { meta, loadProblem } of examples) {
    it(
      meta.id,
      async () => {
        const factory = await loadProblem();
        const preset = meta.presets[0];
        const settings = { ...meta.defaults, ...preset.settings, batchSize: Math.min(...meta.batchSizes) };
        const beforeCreate = tf.memory().numTensors;
        const problem = await factory.create(settings, factory.parseParams(preset.params));
        const trainer = new Trainer(problem, settings.optimizer, settings.learningRate);
        const first = await trainer.step();
        expect(first.ok).toBe(true);
        const afterFirst = tf.memory().numTensors;
        for (let i = 1; i < STEPS; i++) {
          const outcome = await trainer.step();
          expect(outcome.ok).toBe(true);
        }
        await problem.snapshot();
        expect(tf.memory().numTensors).toBe(afterFirst);
        trainer.dispose();
        problem.dispose();
        // A reset or the backend self-check re-creates the problem: its whole lifetime must leave nothing behind.
        expect(tf.memory().numTensors).toBe(beforeCreate);
      },
      600_000,
    );
  }
});
