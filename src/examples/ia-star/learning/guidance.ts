import * as tf from '@tensorflow/tfjs';
import type { GridQuery } from './data.ts';
import { cropOutputs, encodeInputs, type GuidanceNet } from './model.ts';
import { guidanceOffsets, type GuidanceSetting } from './guidance-form.ts';

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

export { GUIDANCE_LEVELS, guidanceWeight, quantiseGuidance, scaledGuidance } from './guidance-levels.ts';

/** The learned planner as `npm run plan` runs it: the net's map, quantised, as f-offsets of its guidance form. */
export function netGuidance(
  net: GuidanceNet,
  setting: GuidanceSetting,
): (q: GridQuery) => Promise<Float32Array> {
  return async (q) => {
    const [c] = await predictGuidance(net, [q]);
    return guidanceOffsets(c, q, setting).offsets;
  };
}
