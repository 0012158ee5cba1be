import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainHeadless } from '../../il/headless';
import { setupNodeBackend } from '../../il/node-backend';
import { islamMeta } from './meta';
import { forward, networkVariables } from './model/network';
import { predict } from './model/mlp';
import { islamFactory, type IslamProblem } from './problem';
import { evaluateOn, pretrainOnRobotA } from './world';

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

describe('iSLAM', () => {
  it('the tfjs network computes what the TypeScript copy does', async () => {
    const w = pretrainOnRobotA(1);
    const vars = networkVariables(w);
    const x = Float32Array.of(0.3, 0.32, 0.5, 0.41, 0.1, 0.2);
    const y = forward(vars, tf.tensor2d(x, [3, 2]));
    const got = await y.data();
    const want = predict(w, x);
    for (let k = 0; k < want.length; k++) expect(got[k]).toBeCloseTo(want[k], 5);
    tf.dispose([y, ...vars]);
  });

  it('the same seed gives the same first steps', async () => {
    const preset = islamMeta.presets[0];
    const settings = { ...islamMeta.defaults, seed: 4 };
    const curves = [];
    for (let k = 0; k < 2; k++) {
      const run = await trainHeadless(islamFactory, settings, preset.params, 3);
      curves.push(run.reports.map((r) => [r.upper, r.lower]));
      run.trainer.dispose();
      run.problem.dispose();
    }
    expect(curves[0]).toEqual(curves[1]);
  });

  // Held-out drives of robot B (other seeds than the drives trained on), 10 passes without labels.
  for (const seed of [1, 2]) {
    it(`adapting without labels: front-end ATE −30 %, optimised ATE −10 % on held-out drives (seed ${seed})`, async () => {
      const preset = islamMeta.presets.find((p) => p.id === 'figure8');
      if (!preset) throw new Error('preset figure8');
      const settings = { ...islamMeta.defaults, seed };
      const params = islamFactory.parseParams(preset.params);
      const run = await trainHeadless(islamFactory, settings, preset.params, 10 * params.drives);
      const problem = run.problem as IslamProblem;
      expect(run.divergence).toBeUndefined();
      // Every LL solve converged.
      for (const r of run.reports) expect(r.metrics?.maxGradLL).toBeLessThan(1e-6);
      const before = evaluateOn(problem.world.pretrained, problem.world.heldOut);
      const after = evaluateOn(await problem.weights(), problem.world.heldOut);
      expect(after.ateFrontEnd).toBeLessThan(0.7 * before.ateFrontEnd);
      expect(after.ateOptimised).toBeLessThan(0.9 * before.ateOptimised);
      run.trainer.dispose();
      problem.dispose();
    }, 120_000);
  }
});
