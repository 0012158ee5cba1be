import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../../il/node-backend.ts';
import type { EvaluateResult } from '../contract.ts';
import { iaStarFactory } from '../problem.ts';

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

describe("the page's evaluate command by map class", () => {
  it('plans the held-out class suite; the untrained (uniform) network is exactly A* on every class', async () => {
    const problem = await iaStarFactory.create(
      { seed: 2, learningRate: 5e-4, batchSize: 4, optimizer: 'adam' },
      iaStarFactory.parseParams({ trainSize: 16, trainMaps: 8 }),
    );
    const plain = (await problem.command!('evaluate', {
      split: 'test',
      count: 2,
      size: 16,
    })) as EvaluateResult;
    expect(plain.byClass).toBeUndefined();
    const r = (await problem.command!('evaluate', {
      split: 'test',
      count: 2,
      size: 16,
      classMapsPerSide: 1,
    })) as EvaluateResult;
    expect(r.byClass?.map((c) => [c.id, c.count])).toEqual([
      ['random', 3],
      ['rooms', 3],
      ['maze', 3],
    ]);
    for (const c of r.byClass ?? []) {
      expect(c.learned.expandedRatioVsAstar).toBe(1);
      expect(c.learned.pathRatioVsOptimal).toBe(1);
      expect(c.learned.successRate).toBe(1);
      expect(c.belowWastarCurve).toBe(false);
      expect(c.comparison).toBeUndefined();
    }
    problem.dispose();
  }, 60_000);
});
