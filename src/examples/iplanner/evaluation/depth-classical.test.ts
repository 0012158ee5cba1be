import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMERA } from '../sensing/camera.ts';
import { prepareWorld } from '../learning/training-data.ts';
import { shortestPathLength } from '../planning/baseline.ts';
import { driveDepthClassical } from './depth-classical.ts';
import { DEFAULT_DRIVE_OPTIONS, heldOutEpisodes, type EvalEpisode } from './evaluation.ts';
import { wallWorld } from '../worlds/wall-world.fixture.ts';

/** A wall across the way, out of sight behind nothing: the robot sees it only as it comes. */
function wallEpisode(): EvalEpisode {
  const world = wallWorld();
  const prepared = prepareWorld(world);
  return {
    prepared,
    start: world.start,
    goal: world.goal,
    shortest: shortestPathLength(world, prepared.map, world.start, world.goal),
  };
}

describe('depth-only classical baseline (closed loop)', () => {
  it('drives round a wall it only knows from its depth images, without touching it', () => {
    const e = wallEpisode();
    const run = driveDepthClassical(DEFAULT_CAMERA, [e], DEFAULT_DRIVE_OPTIONS);
    expect(run.statuses[0]).toBe('reached');
    // Longer than the straight 8 m (the wall is in the way), but not by much more than the known-map detour.
    expect(run.outcomes[0].pathLength).toBeGreaterThan(e.shortest - 1e-6);
    expect(run.outcomes[0].pathLength).toBeLessThan(1.3 * e.shortest);
    expect(run.planMs.length).toBeGreaterThan(10);
  });

  it('is deterministic and reaches held-out forest goals', () => {
    const episodes = heldOutEpisodes(['forest'], 2, 2);
    const a = driveDepthClassical(DEFAULT_CAMERA, episodes, DEFAULT_DRIVE_OPTIONS);
    const b = driveDepthClassical(DEFAULT_CAMERA, episodes, DEFAULT_DRIVE_OPTIONS);
    expect(a.statuses).toEqual(b.statuses);
    expect(a.traces.map((t) => Array.from(t))).toEqual(b.traces.map((t) => Array.from(t)));
    expect(a.statuses.filter((s) => s === 'reached').length).toBeGreaterThanOrEqual(episodes.length - 1);
  });
});
