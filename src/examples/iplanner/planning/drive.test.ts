import { describe, expect, it } from 'vitest';
import { classicalPlan } from './baseline.ts';
import { pathLength } from '../sensing/collision.ts';
import { buildCostMap } from '../sensing/costmap.ts';
import { driveStep, initialDriveState, runEpisode } from './drive.ts';
import { robotPathToWorld } from '../worlds/geometry.ts';
import type { Obstacle } from '../worlds/types.ts';
import { generateWorld } from '../worlds/worlds.ts';

const open = { bounds: { minX: 0, minY: 0, maxX: 20, maxY: 20 }, obstacles: [] as Obstacle[] };

describe('drive mode', () => {
  it('advances v·Δt along the plan per step and faces along it', () => {
    const plan = [2, 2, 6, 2, 6, 8];
    let s = initialDriveState({ x: 2, y: 2, yaw: 1 });
    const params = { speed: 1.5, dt: 0.2 };
    for (let i = 0; i < 10; i++) s = driveStep(open, s, plan, { x: 6, y: 8 }, params);
    expect(s.status).toBe('running');
    expect(s.travelled).toBeCloseTo(3, 10);
    expect(s.pose.x).toBeCloseTo(5, 10);
    expect(s.pose.y).toBeCloseTo(2, 10);
    expect(s.pose.yaw).toBeCloseTo(0, 10);
    // Round the corner: 10 more steps, 3 more metres, 2 of them up the second leg.
    for (let i = 0; i < 10; i++) s = driveStep(open, s, plan, { x: 6, y: 8 }, params);
    expect(s.pose.x).toBeCloseTo(6, 10);
    expect(s.pose.y).toBeCloseTo(4, 10);
    expect(s.pose.yaw).toBeCloseTo(Math.PI / 2, 10);
    expect(s.time).toBeCloseTo(4, 10);
  });

  it('reaches the goal within its tolerance, and then stays finished', () => {
    let s = initialDriveState({ x: 2, y: 2, yaw: 0 });
    const plan = [2, 2, 10, 2];
    while (s.status === 'running') s = driveStep(open, s, plan, { x: 10, y: 2 });
    expect(s.status).toBe('reached');
    expect(s.pose.x).toBeGreaterThan(9.5 - 1e-9);
    expect(s.pose.x).toBeLessThan(9.6 + 1e-9);
    expect(driveStep(open, s, plan, { x: 10, y: 2 })).toBe(s);
  });

  it('stops with a collision when the plan runs into an obstacle', () => {
    const world = {
      ...open,
      obstacles: [{ id: 3, kind: 'cylinder', x: 6, y: 2, radius: 0.5, height: 1 }] as Obstacle[],
    };
    let s = initialDriveState({ x: 2, y: 2, yaw: 0 });
    while (s.status === 'running') s = driveStep(world, s, [2, 2, 10, 2], { x: 10, y: 2 });
    expect(s.status).toBe('collided');
    expect(s.pose.x).toBeGreaterThan(6 - 0.5 - 0.3 - 0.1 - 1e-9);
    expect(s.pose.x).toBeLessThanOrEqual(6 - 0.5);
  });

  it('times out when the plan ends short of the goal', () => {
    let s = initialDriveState({ x: 2, y: 2, yaw: 0 });
    while (s.status === 'running') s = driveStep(open, s, [2, 2, 4, 2], { x: 10, y: 2 }, { timeLimit: 5 });
    expect(s.status).toBe('timeout');
    expect(s.time).toBeCloseTo(5, 9);
    expect(s.travelled).toBeCloseTo(2, 9);
  });

  it('follows a classical plan to the goal in generated worlds, replanning on the way', () => {
    for (const kind of ['forest', 'garage'] as const) {
      const w = generateWorld(kind, 1);
      const map = buildCostMap(w);
      const first = classicalPlan(w, map, w.start, w.goal);
      const run = runEpisode(w, w.start, w.goal, (pose) => classicalPlan(w, map, pose, w.goal).path, {}, 10);
      expect(run.final.status).toBe('reached');
      expect(run.plans).toBeGreaterThan(1);
      expect(run.final.travelled).toBeLessThan(first.length + 0.05);
      // The trace joins the poses at the step ends, so it cuts the plan's corners within a step.
      expect(pathLength(run.trace)).toBeLessThanOrEqual(run.final.travelled + 1e-9);
      expect(pathLength(run.trace)).toBeGreaterThan(0.99 * run.final.travelled);
    }
  });

  it('drives robot-frame plans once turned into the world frame', () => {
    const pose = { x: 5, y: 5, yaw: Math.PI / 2 };
    const plan = robotPathToWorld(pose, [0, 0, 3, 0]); // 3 m ahead = +y in the world
    let s = initialDriveState(pose);
    for (let i = 0; i < 10; i++) s = driveStep(open, s, plan, { x: 5, y: 8 });
    expect(s.pose.x).toBeCloseTo(5, 10);
    expect(s.pose.y).toBeCloseTo(6, 10);
  });

  it('with a look-ahead, faces the plan point that far ahead (turning in place), without changing where it drives', () => {
    const plan = [2, 2, 6, 2, 6, 8];
    let a = initialDriveState({ x: 2, y: 2, yaw: 1 });
    let b = a;
    for (let i = 0; i < 3; i++) {
      a = driveStep(open, a, plan, { x: 6, y: 8 }, { speed: 1, dt: 1, lookahead: 1.5 });
      b = driveStep(open, b, plan, { x: 6, y: 8 }, { speed: 1, dt: 1 });
    }
    expect(a.pose.x).toBeCloseTo(5, 10);
    expect(a.pose.y).toBeCloseTo(2, 10);
    expect(b.pose.yaw).toBeCloseTo(0, 10);
    // 1.5 m ahead of (5, 2) along the plan is (6, 2.5).
    expect(a.pose.yaw).toBeCloseTo(Math.atan2(0.5, 1), 10);
    expect(a.travelled).toBeCloseTo(b.travelled, 12);
  });
});
