import { evaluateAllocation, type MtspSolution } from '../allocation/allocation';
import type { CityFeatures } from './features';
import type { MtspInstance } from '../instances/instance';
import { fullAssignment } from './learned';
import { linearise } from './linearisation';
import type { RelaxedFeatureInput } from './relaxed-features';
import { argmaxAllocation } from './sampling';

/**
 * What the surrogate ŝ knows about one instance at the current θ: the geometry, and the engine's tours for the
 * network's most likely allocation (the anchor), linearised. Depends on θ and x, never on the samples.
 */
export function surrogateContext(
  instance: MtspInstance,
  features: CityFeatures,
  probs: Float64Array,
): { input: RelaxedFeatureInput; anchorSolution: MtspSolution } {
  const { n, agents } = features;
  const anchor = argmaxAllocation(probs, n, agents);
  const anchorSolution = evaluateAllocation(instance, fullAssignment(anchor), agents);
  const { base, slope } = linearise(instance, anchorSolution.tours, anchorSolution.lengths, features.scale);
  return {
    input: {
      n,
      agents,
      depotDistance: features.depotDistance,
      spacing: features.spacing,
      anchor,
      base,
      slope,
    },
    anchorSolution,
  };
}
