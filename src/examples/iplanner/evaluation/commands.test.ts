import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../../il/node-backend.ts';
import { classicalPlan } from '../planning/baseline.ts';
import { pathLength } from '../sensing/collision.ts';
import type { DriveResponse, EvaluateResponse, PlanResponse } from '../contract.ts';
import { initialDriveState } from '../planning/drive.ts';
import type { GradientCheck } from '../learning/gradcheck.ts';
import { DEFAULT_IPLANNER_PARAMS } from '../params.ts';
import { iplannerFactory, type IPlannerProblem } from '../problem.ts';
import { prepareWorld } from '../learning/training-data.ts';
import { generateWorld } from '../worlds/worlds.ts';
import { parseWorld } from '../worlds/world-input.ts';

let problem: IPlannerProblem;
const world = generateWorld('forest', 2);

beforeAll(async () => {
  await setupNodeBackend('wasm');
  problem = (await iplannerFactory.create(
    { seed: 1, learningRate: 0.003, batchSize: 8, optimizer: 'adam' },
    iplannerFactory.parseParams({ ...DEFAULT_IPLANNER_PARAMS, trainWorlds: 1 }),
  )) as IPlannerProblem;
});

const sensor = { noise: { relativeStd: 0, dropout: 0 }, seed: 1 };

describe('iPlanner commands', () => {
  it('plans on a given world: a spline from the robot, its depth image, and the classical plan for comparison', async () => {
    const r = (await problem.command('plan', { world, sensor })) as PlanResponse;
    expect(r.depth.length).toBe(64 * 32);
    expect(r.keypoints.length).toBe(10);
    expect(r.path.length).toBe(2 * 51);
    // The spline starts at the robot and passes through every key point (every tenth waypoint).
    expect(r.path[0]).toBeCloseTo(world.start.x, 9);
    expect(r.path[1]).toBeCloseTo(world.start.y, 9);
    for (let i = 0; i < 5; i++) {
      expect(r.path[2 * 10 * (i + 1)]).toBeCloseTo(r.keypoints[2 * i], 4);
      expect(r.path[2 * 10 * (i + 1) + 1]).toBeCloseTo(r.keypoints[2 * i + 1], 4);
    }
    expect(r.fear).toBeGreaterThan(0);
    expect(r.fear).toBeLessThan(1);
    const reference = classicalPlan(world, prepareWorld(world).map, world.start, world.goal);
    expect(r.classical.success).toBe(reference.success);
    expect(r.classical.length).toBeCloseTo(reference.length, 9);
    expect(pathLength(r.classical.path)).toBeCloseTo(r.classical.length, 9);
  });

  it('refuses malformed worlds with a readable message', async () => {
    await expect(problem.command('plan', { world: { ...world, obstacles: 'many' }, sensor })).rejects.toThrow(
      /obstacles must be a list/,
    );
    await expect(
      problem.command('plan', {
        world: { ...world, obstacles: [{ kind: 'cylinder', x: 1, y: 1, radius: -1, height: 1, id: 0 }] },
        sensor,
      }),
    ).rejects.toThrow(/radius must be positive/);
    expect(() => parseWorld({ ...world, bounds: { minX: 0, minY: 0, maxX: 1e9, maxY: 5 } })).toThrow(/wide/);
    await expect(problem.command('nonsense', {})).rejects.toThrow(/unknown command/);
  });

  it('drives: each round plans once and advances the robot by speed × dt per step', async () => {
    const state = initialDriveState(world.start);
    const r = (await problem.command('drive', {
      world,
      state,
      rounds: 3,
      replanEvery: 2,
      sensor,
    })) as DriveResponse;
    const steps = r.trace.length / 2;
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThanOrEqual(6);
    expect(r.state.time).toBeCloseTo(0.1 * steps, 9);
    if (r.state.status === 'running') expect(r.state.travelled).toBeCloseTo(0.1 * steps, 6);
  });

  it('compares learned and classical on the editor world and on held-out worlds', async () => {
    const editor = (await problem.command('evaluate', { set: 'editor', world })) as EvaluateResponse;
    expect(editor.rows).toHaveLength(1);
    expect(editor.rows[0].comparison.classical.successRate).toBe(1);
    expect(editor.learnedTrace!.length).toBeGreaterThanOrEqual(4);
    const heldOut = (await problem.command('evaluate', {
      set: 'held-out',
      kinds: ['forest', 'rooms'],
      worlds: 1,
      perWorld: 2,
    })) as EvaluateResponse;
    expect(heldOut.rows.map((r) => r.label)).toEqual(['forest', 'rooms']);
    for (const r of heldOut.rows) {
      expect(r.comparison.episodes).toBe(2);
      expect(r.comparison.classical.spl).toBeGreaterThan(0.9);
      expect(r.comparison.learned.msPerPlan).toBeGreaterThan(0);
    }
  });

  it('gradient check: tfjs bridge, TypeScript chain and finite differences agree', async () => {
    const r = (await problem.command('gradcheck', { world })) as GradientCheck;
    expect(r.relErrorAnalytic).toBeLessThan(1e-4);
    expect(r.relErrorTfjs).toBeLessThan(1e-4);
    expect(r.relErrorLower).toBeLessThan(1e-6);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await problem.command('plan', { world, sensor });
    await problem.command('drive', {
      world,
      state: initialDriveState(world.start),
      rounds: 2,
      replanEvery: 2,
      sensor,
    });
    await problem.command('evaluate', { set: 'editor', world });
    await problem.command('gradcheck', { world });
    expect(tf.memory().numTensors).toBe(before);
  });
});
