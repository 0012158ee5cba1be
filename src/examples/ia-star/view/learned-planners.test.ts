import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../../il/node-backend';
import { Trainer } from '../../../il/trainer';
import { generateMap } from '../maps/generate-map.ts';
import { cellOf } from '../maps/grid-map.ts';

import { DEFAULT_IA_STAR_PARAMS } from '../params.ts';
import type { GuideResult } from '../contract.ts';
import { iaStarFactory } from '../problem.ts';
import { planOnce } from '../search/search.ts';
import { learnedPlan, otherMode } from './learned-planners.ts';

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

describe('the learned planners on the main thread', () => {
  it("replay exactly the search the worker's guide command ran (a trained, non-uniform guidance)", async () => {
    const settings = { seed: 2, learningRate: 0.01, batchSize: 4, optimizer: 'adam' as const };
    const problem = await iaStarFactory.create(settings, { ...DEFAULT_IA_STAR_PARAMS });
    const trainer = new Trainer(problem, 'adam', settings.learningRate);
    for (let i = 0; i < 8; i++) expect((await trainer.step()).ok).toBe(true);
    const scene = generateMap('random-rectangles', { width: 48, height: 40, seed: 9 });
    const { map } = scene;
    const result = (await problem.command!('guide', {
      width: map.width,
      height: map.height,
      blocked: map.blocked,
      start: cellOf(map, scene.start),
      goal: cellOf(map, scene.goal),
    })) as GuideResult;
    const levels = new Set(Array.from(result.guidance, (v) => Math.round(v * 8)));
    expect(levels.size).toBeGreaterThan(1);
    const plan = learnedPlan(map, scene.start, scene.goal, result.guidance, result.kappa);
    expect(plan.expansionOrder).toEqual(result.learned.expansionOrder);
    expect(plan.path).toEqual(result.learned.path);
    expect(plan.pathLength).toBe(result.learned.pathLength);
    // And it is a different search from plain A* on this map.
    const astar = planOnce(map, scene.start, scene.goal, { planner: 'astar' });
    expect(plan.success && astar.success).toBe(true);
    expect(plan.pathLength).toBeGreaterThanOrEqual(astar.pathLength - 1e-9);
    expect(plan.expansionOrder).not.toEqual(astar.expansionOrder);
    trainer.dispose();
    problem.dispose();
  });

  it('pairs each mode with the other', () => {
    expect(otherMode('ia-star')).toBe('neural-astar');
    expect(otherMode('neural-astar')).toBe('ia-star');
  });
});
