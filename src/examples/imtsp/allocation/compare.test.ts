import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { solveClusterAllocation } from './baseline-cluster';
import { assignmentFromTours } from './allocation';
import { compareMethods, HELD_OUT_METHODS } from './compare';
import { solveMinMaxLocalSearch } from './minmax-local-search';
import { clusteredInstance } from '../instances/generators';
import { AllocationNetwork } from '../learning/model';

describe('held-out comparison rows', () => {
  const network = new AllocationNetwork(3);
  afterAll(() => network.dispose());

  it('k-means and sweep rows are those baselines; the warm-started search never ends above its start', async () => {
    await tf.setBackend('cpu');
    const instance = clusteredInstance({ n: 60, seed: 9 });
    const rows = await compareMethods(network, instance, 4, {
      seed: 0,
      methods: HELD_OUT_METHODS,
      learned: { samples: 2 },
    });
    expect(rows.map((r) => r.method)).toEqual([...HELD_OUT_METHODS]);
    const by = (m: string) => rows.find((r) => r.method === m)!;
    expect(by('kmeans').maxTour).toBeCloseTo(
      solveClusterAllocation(instance, 4, { seed: 0, variant: 'kmeans' }).maxTour,
      9,
    );
    expect(by('sweep').maxTour).toBeCloseTo(
      solveClusterAllocation(instance, 4, { seed: 0, variant: 'sweep' }).maxTour,
      9,
    );
    expect(by('learned-local-search').maxTour).toBeLessThanOrEqual(by('learned').maxTour + 1e-9);
    // Its time includes the learned solve it starts from.
    expect(by('learned-local-search').ms).toBeGreaterThanOrEqual(by('learned').ms);
    for (const r of rows)
      expect(
        r.tours
          .flat()
          .filter((c) => c !== 0)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 59 }, (_, i) => i + 1));
  });

  it('both local searches run under the given rounds and stall budget', async () => {
    await tf.setBackend('cpu');
    const instance = clusteredInstance({ n: 50, seed: 4 });
    const budget = { rounds: 7, stallRounds: 3 };
    const rows = await compareMethods(network, instance, 3, {
      seed: 1,
      methods: ['learned', 'learned-local-search', 'local-search'],
      localSearchBudget: budget,
    });
    const by = (m: string) => rows.find((r) => r.method === m)!;
    expect(by('local-search').maxTour).toBe(
      solveMinMaxLocalSearch(instance, 3, { ...budget, seed: 1 }).maxTour,
    );
    const start = assignmentFromTours(instance.x.length, by('learned').tours);
    expect(by('learned-local-search').maxTour).toBe(
      solveMinMaxLocalSearch(instance, 3, { ...budget, seed: 1, start }).maxTour,
    );
  });
});
