import * as tf from '@tensorflow/tfjs';
import type { GridQuery } from './data.ts';
import { cropOutputs, encodeInputs, type GuidanceNet } from './model.ts';

/** The network's guidance maps c for queries of one size (one forward pass, one asynchronous readback). */
export async function predictGuidance(
  net: GuidanceNet,
  queries: readonly GridQuery[],
): Promise<Float32Array[]> {
  if (queries.length === 0) return [];
  const { width, height } = queries[0].map;
  const { input, shape } = encodeInputs(queries.map((q) => ({ ...q.map, start: q.start, goal: q.goal })));
  const output = tf.tidy(() => net.forward(tf.tensor4d(input, shape)));
  const data = (await output.data()) as Float32Array;
  output.dispose();
  return cropOutputs(data, queries.length, width, height);
}

/** κ for a map: the guidance weight grows with the side, as obstacles (and detours) do. */
export function guidanceWeight(guidanceScale: number, width: number, height: number): number {
  return (guidanceScale * Math.max(width, height)) / 32;
}

/**
 * Guidance levels: c is rounded to multiples of 1/GUIDANCE_LEVELS before it enters f (straight-through in the
 * backward). A continuous c turns every plateau of equal f into an ordering by tiny differences of c and so
 * silently replaces A*'s tie-breaking (larger g first); with a few discrete levels, regions of equal guidance keep
 * exact ties and the baseline's tie rule.
 */
export const GUIDANCE_LEVELS = 8;

export function quantiseGuidance(c: Float32Array): Float32Array {
  return c.map((v) => Math.round(v * GUIDANCE_LEVELS) / GUIDANCE_LEVELS);
}

/** The learned planner's f-offset map κ·q(c), as the classic engine's `guidance` option takes it. */
export function scaledGuidance(c: Float32Array, kappa: number): Float32Array {
  return quantiseGuidance(c).map((v) => kappa * v);
}
