/**
 * Sensor noise for the depth image: multiplicative Gaussian noise (σ ∝ depth, as in stereo and
 * time-of-flight sensors) and dropout (pixels set to 0, "no return"). Seeded; the random stream draws the
 * same numbers per pixel whatever the image holds, so a seed gives the same noise pattern in any world.
 */
import type { Rng } from '../../../il/rng.ts';

export interface DepthNoise {
  /** Standard deviation of the noise relative to the depth: d' = d·(1 + relativeStd·ε), ε ~ N(0, 1). */
  relativeStd: number;
  /** Probability that a pixel is dropped (set to 0). */
  dropout: number;
}

export const NO_DEPTH_NOISE: DepthNoise = { relativeStd: 0, dropout: 0 };

/** A noisy copy of the depth image; returns 0 where the noisy depth leaves (0, maxRange]. */
export function applyDepthNoise(
  depth: Float32Array,
  noise: DepthNoise,
  maxRange: number,
  rng: Rng,
): Float32Array {
  const out = new Float32Array(depth.length);
  for (let i = 0; i < depth.length; i++) {
    const eps = rng.normal();
    const drop = rng.next() < noise.dropout;
    const d = depth[i];
    if (d <= 0 || drop) continue;
    const noisy = d * (1 + noise.relativeStd * eps);
    out[i] = noisy > 0 && noisy <= maxRange ? noisy : 0;
  }
  return out;
}
