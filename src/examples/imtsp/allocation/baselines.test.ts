import { describe, expect, it } from 'vitest';
import { solveClusterAllocation } from './baseline-cluster';
import { kMeansAssignment } from './baseline-kmeans';
import { solveRandomAllocation } from './baseline-random';
import { sweepAssignments } from './baseline-sweep';
import { clusteredInstance, uniformInstance } from '../instances/generators';
import type { MtspInstance } from '../instances/instance';

function agentSizes(assignment: Int32Array, agents: number): number[] {
  const sizes = new Array<number>(agents).fill(0);
  for (let c = 1; c < assignment.length; c++) sizes[assignment[c]]++;
  return sizes;
}

describe('k-means allocation', () => {
  it('gives every agent cities, each city its nearest centre, and is deterministic per seed', () => {
    const inst = clusteredInstance({ n: 200, seed: 5, clusters: 4 });
    const a = kMeansAssignment(inst, 4, 1);
    expect(Array.from(a)).toEqual(Array.from(kMeansAssignment(inst, 4, 1)));
    expect(agentSizes(a, 4).every((s) => s > 0)).toBe(true);
    // At convergence each city is nearest (among centroids) to its own cluster's centroid.
    const cx = new Array<number>(4).fill(0);
    const cy = new Array<number>(4).fill(0);
    const size = agentSizes(a, 4);
    for (let c = 1; c < 200; c++) {
      cx[a[c]] += inst.x[c] / size[a[c]];
      cy[a[c]] += inst.y[c] / size[a[c]];
    }
    for (let c = 1; c < 200; c++) {
      const d = (j: number): number => (inst.x[c] - cx[j]) ** 2 + (inst.y[c] - cy[j]) ** 2;
      for (let j = 0; j < 4; j++) expect(d(a[c])).toBeLessThanOrEqual(d(j) + 1e-12);
    }
  });

  it('gives each city its own agent when there are more agents than cities', () => {
    const a = kMeansAssignment(uniformInstance({ n: 4, seed: 1 }), 6, 0);
    expect(Array.from(a)).toEqual([0, 0, 1, 2]);
  });
});

describe('sweep allocation', () => {
  it('uses at most M agents, each a contiguous run of angles around the depot', () => {
    const inst = uniformInstance({ n: 120, seed: 6 });
    for (const assignment of sweepAssignments(inst, 5)) {
      const order = Array.from({ length: 119 }, (_, i) => i + 1).sort(
        (p, q) =>
          Math.atan2(inst.y[p] - inst.y[0], inst.x[p] - inst.x[0]) -
          Math.atan2(inst.y[q] - inst.y[0], inst.x[q] - inst.x[0]),
      );
      let changes = 0;
      for (let i = 0; i < order.length; i++)
        if (assignment[order[i]] !== assignment[order[(i + 1) % order.length]]) changes++;
      const used = new Set(order.map((c) => assignment[c]));
      expect(used.size).toBeLessThanOrEqual(5);
      expect(changes).toBe(used.size === 1 ? 0 : used.size);
    }
  });
});

describe('clustering vs random allocation', () => {
  it('clustering gives clearly shorter longest tours than random allocation', () => {
    const instances: MtspInstance[] = [];
    for (let s = 0; s < 4; s++)
      instances.push(uniformInstance({ n: 100, seed: 40 + s }), clusteredInstance({ n: 100, seed: 50 + s }));
    let ratio = 0;
    for (const inst of instances) {
      const random = solveRandomAllocation(inst, 5, 1);
      const cluster = solveClusterAllocation(inst, 5, { seed: 1 });
      expect(cluster.maxTour).toBeLessThan(random.maxTour);
      ratio += cluster.maxTour / random.maxTour;
      // The better-of-both variant is never worse than either alone.
      expect(cluster.maxTour).toBeLessThanOrEqual(
        solveClusterAllocation(inst, 5, { seed: 1, variant: 'kmeans' }).maxTour,
      );
      expect(cluster.maxTour).toBeLessThanOrEqual(
        solveClusterAllocation(inst, 5, { variant: 'sweep' }).maxTour,
      );
    }
    expect(ratio / instances.length).toBeLessThan(0.8);
  });

  it('is deterministic per seed', () => {
    const inst = uniformInstance({ n: 80, seed: 2 });
    const a = solveRandomAllocation(inst, 4, 9);
    expect(solveRandomAllocation(inst, 4, 9).tours.map((t) => Array.from(t))).toEqual(
      a.tours.map((t) => Array.from(t)),
    );
    expect(solveRandomAllocation(inst, 4, 10).maxTour).not.toBe(a.maxTour);
  });
});
