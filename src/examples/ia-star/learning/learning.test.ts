import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../../il/node-backend.ts';
import { Trainer } from '../../../il/trainer.ts';
import { gradientsFromUpstream } from '../../../il/gradients/upstream.ts';
import { bilinearMatrix, cropOutputs, encodeInputs, GuidanceNet, padGradients, paddedSide } from './model.ts';
import { generateQueries, splitSeeds } from './data.ts';
import { predictGuidance, quantiseGuidance, scaledGuidance } from './guidance.ts';
import { summarisePlanner } from './evaluate.ts';
import { iaStarCost, neuralAstarCost } from './ul-cost.ts';
import { dastarForward, DastarWorkspace } from './dastar.ts';
import type { EvaluateResult } from '../contract.ts';
import { iaStarFactory } from '../problem.ts';
import { createGridMap } from '../maps/grid-map.ts';

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

describe('guidance network', () => {
  it('handles any map size (padding to a multiple of 8, cropping back) and starts uniform (= plain A*)', async () => {
    const net = new GuidanceNet(3);
    const queries = generateQueries('random-rectangles', 21, splitSeeds(1, 'validation', 2));
    const maps = await predictGuidance(net, queries);
    expect(maps).toHaveLength(2);
    expect(maps[0]).toHaveLength(21 * 21);
    const first = maps[0][0];
    for (const m of maps) for (const v of m) expect(v).toBeCloseTo(first, 6);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1);
    net.dispose();
  });

  it('bilinear upsampling rows are convex combinations, and padding/cropping are inverse', () => {
    const r = bilinearMatrix(5, 4);
    for (let i = 0; i < 20; i++) {
      const row = r.subarray(i * 5, i * 5 + 5);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      for (const v of row) expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(paddedSide(21)).toBe(24);
    const g = Float32Array.from({ length: 21 * 13 }, (_, i) => i);
    const padded = padGradients([g], 21, 13);
    expect(Array.from(cropOutputs(padded, 1, 21, 13)[0])).toEqual(Array.from(g));
  });

  it('encodes free/start/goal and the goal-relative channels', () => {
    const map = createGridMap(8, 8);
    map.blocked[9] = 1;
    const { input, shape } = encodeInputs([{ ...map, start: 0, goal: 63 }]);
    expect(shape).toEqual([1, 8, 8, 6]);
    expect(input[9 * 6]).toBe(0); // wall
    expect(input[0 * 6 + 1]).toBe(1); // start
    expect(input[63 * 6 + 2]).toBe(1); // goal
    expect(input[63 * 6 + 5]).toBe(0); // distance at the goal
  });

  it('gradientsFromUpstream equals autograd of ⟨f(x), u⟩', () => {
    const net = new GuidanceNet(4, 0);
    const q = generateQueries('random-rectangles', 16, splitSeeds(2, 'train', 1));
    const { input, shape } = encodeInputs(q.map((x) => ({ ...x.map, start: x.start, goal: x.goal })));
    const x = tf.tensor4d(input, shape);
    const u = tf.randomNormal([1, 16, 16], 0, 1, 'float32', 7);
    const ours = gradientsFromUpstream(net.variables, () => net.forward(x), u);
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(net.forward(x), u)) as tf.Scalar, net.variables);
    net.variables.forEach((v, i) => {
      const a = ours[i].dataSync();
      const b = grads[v.name].dataSync();
      for (let k = 0; k < a.length; k++) expect(a[k]).toBeCloseTo(b[k], 5);
    });
    tf.dispose([x, u, ...ours, ...Object.values(grads)]);
    net.dispose();
  });
});

describe('upper-level costs and metrics', () => {
  it("iA*'s U counts the search area off the path per path cell; Neural A*'s is the L1 to the optimal path", () => {
    const map = createGridMap(6, 1);
    const q = { map, start: 0, goal: 5 };
    const ws = new DastarWorkspace(6);
    const model = {
      costModel: 'octile' as const,
      gWeight: 1,
      hWeight: 1,
      guidanceWeight: 0,
      temperature: 1,
      tie: 'high-g' as const,
    };
    const r = dastarForward({ ...q, guidance: new Float32Array(6) }, model, ws);
    expect(r.path.length).toBe(6);
    const ia = iaStarCost(q, r, 1);
    expect(ia.value).toBeCloseTo(0 + 1 * (5 / 5), 9);
    expect(Array.from(ia.upstream).every((v) => v === 0)).toBe(true);
    const optimal = Uint8Array.from([1, 1, 1, 1, 1, 1]);
    expect(neuralAstarCost(q, r, optimal).value).toBe(0);
    optimal[3] = 0;
    expect(neuralAstarCost(q, r, optimal).value).toBeCloseTo(1 / 6, 9);
  });

  it("summarises planners with Neural A*'s Opt / Exp / Hmean", () => {
    const s = summarisePlanner([
      { astarExpanded: 100, optimalLength: 10, expanded: 50, pathLength: 10, success: true, ms: 1 },
      { astarExpanded: 100, optimalLength: 10, expanded: 150, pathLength: 11, success: true, ms: 3 },
    ]);
    expect(s.expandedRatioVsAstar).toBeCloseTo(1, 9);
    expect(s.pathRatioVsOptimal).toBeCloseTo(1.05, 9);
    expect(s.opt).toBe(50);
    expect(s.exp).toBe(25);
    expect(s.hmean).toBeCloseTo((2 * 50 * 25) / 75, 9);
    expect(s.msPerPlan).toBe(2);
  });

  it('quantises guidance to levels so equal regions keep exact ties', () => {
    const c = Float32Array.from([0.01, 0.06, 0.07, 0.5, 0.99]);
    expect(Array.from(quantiseGuidance(c))).toEqual([0, 0, 0.125, 0.5, 1]);
    expect(Array.from(scaledGuidance(c, 8))).toEqual([0, 0, 1, 4, 8]);
  });
});

describe('training through the differentiable search', () => {
  it('iA* (self-supervised) trains a planner that expands fewer cells than A* on held-out maps', async () => {
    const settings = { seed: 5, learningRate: 5e-4, batchSize: 4, optimizer: 'adam' as const };
    const problem = await iaStarFactory.create(
      settings,
      iaStarFactory.parseParams({ trainSize: 16, trainMaps: 64 }),
    );
    const evaluate = async () =>
      ((await problem.command!('evaluate', { split: 'validation', count: 24, size: 16 })) as EvaluateResult)
        .learned;
    const before = await evaluate();
    expect(before.expandedRatioVsAstar).toBeCloseTo(1, 9);
    const trainer = new Trainer(problem, 'adam', settings.learningRate);
    for (let i = 0; i < 120; i++) expect((await trainer.step()).ok).toBe(true);
    const after = await evaluate();
    expect(after.expandedRatioVsAstar).toBeLessThan(0.97);
    expect(after.successRate).toBe(1);
    expect(after.pathRatioVsOptimal).toBeLessThan(1.05);
    trainer.dispose();
    problem.dispose();
  }, 300_000);
});
