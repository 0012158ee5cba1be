import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../il/node-backend';
import { Trainer } from '../../il/trainer';
import { makeSceneSet, weightedAccuracy } from './data';
import type { GradientCheckRow } from './contract';
import { gradientCheck } from './gradcheck';
import { ilogicFactory, type IlogicProblem } from './problem';
import { ilogicMeta } from './meta';
import { ACTIONS, decide, nextActions, sceneConcepts } from './rules';
import { ring, type Agent, type Scene } from './scene';
import manifest from './manifest';

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

const scene = (agents: Agent[]): Scene => ({ grid: 12, agents });
const act = (s: Scene, i: number) => ACTIONS[decide(sceneConcepts(s), i).action];

describe('rule engine (ground truth)', () => {
  it('geometry: the 2×2 block is ring 0, its approaches ring 1', () => {
    expect(ring(12, 5, 5)).toBe(0);
    expect(ring(12, 6, 6)).toBe(0);
    expect(ring(12, 5, 4)).toBe(1);
    expect(ring(12, 0, 5)).toBe(5);
  });
  it('an ambulance is Fast even when it would have to stop', () => {
    const s = scene([
      { type: 'ambulance', row: 5, col: 4 },
      { type: 'car', row: 5, col: 5 },
    ]);
    expect(act(s, 0)).toBe('Fast');
    expect(act(s, 1)).toBe('Normal');
  });
  it('a car close behind an agent nearer the centre stops; a pedestrian does not', () => {
    const car = scene([
      { type: 'car', row: 5, col: 1 },
      { type: 'car', row: 5, col: 2 },
    ]);
    expect(act(car, 0)).toBe('Stop');
    expect(act(car, 1)).toBe('Normal');
    const walker = scene([
      { type: 'pedestrian', row: 5, col: 1 },
      { type: 'car', row: 5, col: 2 },
    ]);
    expect(act(walker, 0)).toBe('Slow');
  });
  it('at the intersection with someone inside: Stop, except the reckless driver (Fast)', () => {
    const s = scene([
      { type: 'oldDriver', row: 5, col: 4 },
      { type: 'recklessDriver', row: 4, col: 6 },
      { type: 'car', row: 6, col: 6 },
      { type: 'car', row: 0, col: 5 },
    ]);
    expect(act(s, 0)).toBe('Stop');
    expect(act(s, 1)).toBe('Fast');
    expect(act(s, 2)).toBe('Normal');
    expect(act(s, 3)).toBe('Normal');
  });
  it('every action occurs in generated scenes, and both splits are reproducible per seed', () => {
    const a = makeSceneSet(4, 'train', 64, 12, 8, 'fixed');
    const b = makeSceneSet(4, 'train', 64, 12, 8, 'fixed');
    expect(Array.from(a.actions)).toEqual(Array.from(b.actions));
    for (let c = 0; c < ACTIONS.length; c++)
      expect(a.actions.filter((x) => x === c).length).toBeGreaterThan(20);
    expect(Array.from(a.actions.subarray(0, 8))).toEqual(nextActions(a.scenes[0]));
    const r = makeSceneSet(4, 'test-random', 16, 12, 8, 'random');
    expect(new Set(r.scenes.flatMap((s) => s.agents.map((x) => x.type))).size).toBe(5);
  });
  it('weighted accuracy weights classes by inverse frequency', () => {
    // 3 of class 0 (all right), 1 of class 3 (wrong): (1/3·1 + 1·0) / (1/3 + 1) = 0.25
    expect(weightedAccuracy([0, 0, 0, 0], [0, 0, 0, 3])).toBeCloseTo(0.25, 10);
  });
});

async function create(presetId: string, seed?: number): Promise<IlogicProblem> {
  const preset = ilogicMeta.presets.find((p) => p.id === presetId)!;
  const settings = { ...ilogicMeta.defaults, ...preset.settings, ...(seed !== undefined ? { seed } : {}) };
  return (await ilogicFactory.create(settings, manifest.parseParams(preset.params).values)) as IlogicProblem;
}

const row = (rows: GradientCheckRow[], path: string): GradientCheckRow => {
  const r = rows.find((x) => x.path === path);
  if (!r) throw new Error(`no gradient-check row ${path}`);
  return r;
};

describe('gradient paths vs finite differences', () => {
  // Measured (wasm, 2 directions): preset implicit (seed 3) first-order 4.4e-5, unrolled 5.5e-5, implicit 4.4e-4;
  // preset unrolled (seed 2) 2.7e-5, 5.4e-4, 2.2e-3.
  for (const presetId of ['implicit', 'unrolled'])
    it(`every path agrees with central differences of its objective (preset ${presetId})`, async () => {
      const problem = await create(presetId);
      const before = tf.memory().numTensors;
      const rows = await gradientCheck(problem, 2);
      expect(tf.memory().numTensors).toBe(before);
      expect(row(rows, 'first-order').relativeError).toBeLessThan(1e-2);
      expect(row(rows, 'unrolled').relativeError).toBeLessThan(1e-2);
      const exact = row(rows, 'implicit (exact solve)');
      expect(exact.relativeError).toBeLessThan(1e-2);
      expect(exact.note).toMatch(/^CG: 40 iterations/);
      expect(exact.applies).toBe(true);
      // The as-set row (n = 5, δ = 0.1) is an approximation: only its finiteness is a property of the code.
      expect(row(rows, 'implicit (as set)').analytic.every(Number.isFinite)).toBe(true);
      problem.dispose();
    }, 120_000);

  it('after training: first-order and unrolled still agree; the implicit path never returns NaN and says when its CG guard fires', async () => {
    const problem = await create('implicit');
    const trainer = new Trainer(problem, 'adam', 0.01);
    let guarded = 0;
    for (let i = 0; i < 120; i++) {
      const outcome = await trainer.step();
      if (!outcome.ok) throw new Error(`step ${i} not applied: ${JSON.stringify(outcome.divergence)}`);
      const m = outcome.report.metrics ?? {};
      expect(Number.isFinite(m.cgIterations) && Number.isFinite(m.cgResidual)).toBe(true);
      guarded += m.cgNegativeCurvature ?? 0;
    }
    const rows = await gradientCheck(problem, 2);
    expect(row(rows, 'first-order').relativeError).toBeLessThan(1e-2);
    expect(row(rows, 'unrolled').relativeError).toBeLessThan(1e-2);
    for (const path of ['implicit (exact solve)', 'implicit (as set)']) {
      const r = row(rows, path);
      expect(r.analytic.every(Number.isFinite)).toBe(true);
      expect(r.note).toMatch(/^CG/);
    }
    // The untrained implicit preset meets indefinite H + δI (the old CG returned NaN there): the guard fired.
    expect(guarded).toBeGreaterThan(0);
    trainer.dispose();
    problem.dispose();
  }, 300_000);
});

describe('training through the NLM', () => {
  it('beats the untrained model on held-out seeds of the random split (first-order, 350 steps)', async () => {
    const problem = await create('intersection', 7);
    const untrained = (await problem.snapshot()).scores;
    const trainer = new Trainer(problem, 'adam', 0.01);
    for (let i = 0; i < 350; i++) expect((await trainer.step()).ok).toBe(true);
    const trained = (await problem.snapshot()).scores;
    expect(trained.weightedAccuracyRandom).toBeGreaterThan(untrained.weightedAccuracyRandom + 0.1);
    expect(trained.weightedAccuracyFixed).toBeGreaterThan(0.8);
    trainer.dispose();
    problem.dispose();
  }, 300_000);
});
