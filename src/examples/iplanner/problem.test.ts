import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../il/node-backend.ts';
import { createRng } from '../../il/rng.ts';
import { Trainer } from '../../il/trainer.ts';
import { DEFAULT_CAMERA } from './sensing/camera.ts';
import { splitSeed } from './learning/datasets.ts';
import { checkGradient } from './learning/gradcheck.ts';
import { inferBatch } from './planning/learned-planner.ts';
import { IMAGE_HEIGHT, IMAGE_WIDTH, KEYPOINTS, createPlannerNet } from './learning/model.ts';
import { DEFAULT_IPLANNER_PARAMS } from './params.ts';
import { iplannerFactory, type IPlannerProblem } from './problem.ts';
import { gradientOfBatch, contextsOf } from './learning/trainer-core.ts';
import { prepareWorld, sampleBatch, type PreparedWorld } from './learning/training-data.ts';
import { batchCost } from './learning/ul-batch.ts';
import { generateWorld } from './worlds/worlds.ts';

const settings = { seed: 7, learningRate: 0.003, batchSize: 8, optimizer: 'adam' as const };
const params = { ...DEFAULT_IPLANNER_PARAMS, trainWorlds: 2 };

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

async function create(seed = settings.seed, p = params): Promise<IPlannerProblem> {
  return (await iplannerFactory.create(
    { ...settings, seed },
    iplannerFactory.parseParams(p),
  )) as IPlannerProblem;
}

describe('iPlanner network f(θ, x)', () => {
  it('maps a batch of depth images and goals to k key points and a fear in (0, 1)', () => {
    const net = createPlannerNet(3);
    const goals = [4, 1, 2, -3, 8, 0];
    const out = net.apply(tf.zeros([3, IMAGE_HEIGHT, IMAGE_WIDTH, 1]), tf.tensor2d(goals, [3, 2]));
    expect(out.keypoints.shape).toEqual([3, KEYPOINTS, 2]);
    expect(out.fear.shape).toEqual([3]);
    const fear = out.fear.dataSync();
    for (const f of fear) expect(f > 0 && f < 1).toBe(true);
    // Untrained: near the straight line to the goal (the prior), the last key point near the goal.
    const kp = out.keypoints.arraySync();
    for (let b = 0; b < 3; b++) {
      const [lx, ly] = kp[b][KEYPOINTS - 1];
      expect(Math.hypot(lx - goals[2 * b], ly - goals[2 * b + 1])).toBeLessThan(0.5);
    }
    tf.dispose([out.keypoints, out.fear]);
    net.dispose();
  });

  it('has the same initial weights for the same seed and different ones for another', () => {
    const a = createPlannerNet(5);
    const b = createPlannerNet(5);
    const c = createPlannerNet(6);
    const w = (n: typeof a) => Array.from(n.variables[0].dataSync());
    expect(w(a)).toEqual(w(b));
    expect(w(a)).not.toEqual(w(c));
    [a, b, c].forEach((n) => n.dispose());
  });
});

describe('iPlanner problem', () => {
  it('is deterministic per seed: same U, L and weights over the first steps', async () => {
    const run = async (seed: number) => {
      const problem = await create(seed);
      const trainer = new Trainer(problem, 'adam', settings.learningRate);
      const curve: number[] = [];
      for (let i = 0; i < 3; i++) {
        const o = await trainer.step();
        if (!o.ok) throw new Error(o.divergence.reason);
        curve.push(o.report.upper, o.report.lower);
      }
      const weights = Array.from(await problem.variables[problem.variables.length - 1].data());
      trainer.dispose();
      problem.dispose();
      return { curve, weights };
    };
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(a.curve).toEqual(b.curve);
    expect(a.weights).toEqual(b.weights);
    expect(a.curve).not.toEqual(c.curve);
  });

  it('gradient through the whole UL (key points → W → U) agrees with finite differences', async () => {
    const problem = await create();
    // A training sample whose plan runs into obstacles, so that every term of U is active.
    const rng = createRng(3);
    let checked = 0;
    for (let attempt = 0; attempt < 40 && checked < 2; attempt++) {
      const batch = sampleBatch(
        problem.worlds,
        rng,
        1,
        DEFAULT_CAMERA,
        { relativeStd: 0, dropout: 0 },
        1,
        10,
      );
      const out = await inferBatch(problem.net, batch.depth, batch.goal, 1);
      const [ctx] = contextsOf(batch, problem.worlds);
      const check = await checkGradient(
        problem.op,
        problem.spline,
        out.keypoints,
        out.fear[0],
        ctx,
        problem.ul,
      );
      const obstacleActive = check.analytic.some((g) => Math.abs(g) > 0) && check.upper > 1;
      if (!obstacleActive) continue;
      checked++;
      expect(check.relErrorAnalytic).toBeLessThan(1e-4);
      // Training's path: the tfjs bridge through the spline's constant B (float32).
      expect(check.relErrorTfjs).toBeLessThan(1e-4);
      expect(check.relErrorLower).toBeLessThan(1e-6);
    }
    expect(checked).toBe(2);
    problem.dispose();
  });

  it('hands the bridge gradient on to θ: dU/dθ matches finite differences of U in the fear and offset biases', async () => {
    const problem = await create();
    const setup = {
      net: problem.net,
      op: problem.op,
      spline: problem.spline,
      camera: DEFAULT_CAMERA,
      worlds: problem.worlds,
      noise: { relativeStd: 0, dropout: 0 },
      maxBearingRad: 1,
      ul: problem.ul,
    };
    const batch = sampleBatch(problem.worlds, createRng(4), 8, DEFAULT_CAMERA, setup.noise, 1, 10);
    const step = await gradientOfBatch(setup, batch);
    const u = async () => {
      const out = await inferBatch(problem.net, batch.depth, batch.goal, 8);
      return batchCost(problem.op, out.keypoints, out.fear, contextsOf(batch, problem.worlds), problem.ul)
        .upper;
    };
    const vars = problem.variables;
    const fearBias = vars.length - 1;
    const offsetBias = vars.length - 3;
    const probe = async (vi: number, index: number, h: number) => {
      const v = vars[vi];
      const base = await v.data();
      const shifted = (d: number) => {
        const x = Float32Array.from(base);
        x[index] += d;
        return tf.tensor(x, v.shape);
      };
      const plus = shifted(h);
      v.assign(plus);
      const up = await u();
      const minus = shifted(-h);
      v.assign(minus);
      const down = await u();
      const original = tf.tensor(base, v.shape);
      v.assign(original);
      tf.dispose([plus, minus, original]);
      return (up - down) / (2 * h);
    };
    const analyticFear = (await step.gradients[fearBias].data())[0];
    expect(analyticFear).not.toBe(0);
    expect(await probe(fearBias, 0, 1e-2)).toBeCloseTo(analyticFear, 3);
    const offsets = await step.gradients[offsetBias].data();
    for (const i of [0, 1, 8, 9]) {
      const fd = await probe(offsetBias, i, 1e-3);
      expect(Math.abs(fd - offsets[i])).toBeLessThan(0.02 * Math.max(1, Math.abs(offsets[i])));
    }
    tf.dispose(step.gradients);
    problem.dispose();
  });

  it('training lowers U on held-out worlds (test-split seeds, never trained on)', async () => {
    const problem = await create(21, { ...params, trainWorlds: 4 });
    const heldOut: PreparedWorld[] = [0, 1, 2, 3].map((i) =>
      prepareWorld(generateWorld('forest', splitSeed('test', i), { episode: { maxDetour: Infinity } }), {
        robotRadius: 0.3 + params.margin,
      }),
    );
    const batch = sampleBatch(
      heldOut,
      createRng(5),
      64,
      DEFAULT_CAMERA,
      { relativeStd: 0, dropout: 0 },
      Math.PI / 2,
      10,
    );
    const heldOutU = async () => {
      const out = await inferBatch(problem.net, batch.depth, batch.goal, 64);
      return batchCost(problem.op, out.keypoints, out.fear, contextsOf(batch, heldOut), problem.ul).upper;
    };
    const before = await heldOutU();
    const trainer = new Trainer(problem, 'adam', 0.003);
    for (let i = 0; i < 300; i++) {
      const o = await trainer.step();
      expect(o.ok).toBe(true);
    }
    const after = await heldOutU();
    expect(after).toBeLessThan(0.95 * before);
    trainer.dispose();
    problem.dispose();
  }, 60_000);
});
