import type { Rng } from '../../../il/rng';
import { evaluateAllocation } from '../allocation/allocation';
import type { CityFeatures } from './features';
import type { MtspInstance } from '../instances/instance';
import { fullAssignment } from './learned';
import { logSoftmaxRows, sampleAllocation, type AllocationSample } from './sampling';

/** One training step's allocations: S per instance drawn from π, each solved by the engine g. */
export interface SolvedSamples {
  /** log π per instance (n × M). */
  logProbs: Float64Array[];
  samples: AllocationSample[][];
  /** c = longest tour / instance scale, per instance and sample. */
  costs: number[][];
  /** Mean longest tour U and mean total length L over every sample, in the instances' own units. */
  upper: number;
  lower: number;
}

export function sampleAndSolve(
  instances: readonly MtspInstance[],
  features: readonly CityFeatures[],
  logits: ArrayLike<number> & { subarray(start: number, end: number): ArrayLike<number> },
  perInstance: number,
  rng: Rng,
): SolvedSamples {
  const { n, agents: m } = features[0];
  const size = n * m;
  const logProbs = instances.map((_, b) => logSoftmaxRows(logits.subarray(b * size, (b + 1) * size), n, m));
  const samples = logProbs.map((lp) =>
    Array.from({ length: perInstance }, () => sampleAllocation(lp, n, m, rng)),
  );
  let upper = 0;
  let lower = 0;
  const costs = instances.map((instance, b) =>
    samples[b].map((s) => {
      const solution = evaluateAllocation(instance, fullAssignment(s.choice), m);
      upper += solution.maxTour;
      lower += solution.sumTour;
      return solution.maxTour / features[b].scale;
    }),
  );
  const count = instances.length * perInstance;
  return { logProbs, samples, costs, upper: upper / count, lower: lower / count };
}
