import * as tf from '@tensorflow/tfjs';
import { baseName } from './variables';
import { WEIGHTS_SHARD_NAME, type WeightsFiles, type WeightsJson } from './weights-format';

export {
  parseWeightsJson,
  readWeightsFolder,
  WEIGHTS_SHARD_NAME,
  type WeightsFiles,
  type WeightsJson,
} from './weights-format';

export async function encodeVariables(
  example: string,
  variables: readonly tf.Variable[],
  meta: WeightsJson['meta'] = {},
): Promise<WeightsFiles> {
  // Index-prefixed names: unique in the file even when two variables share a base name.
  const named = variables.map((v, i) => ({ name: `${i}/${baseName(v.name)}`, tensor: v as tf.Tensor }));
  const { data, specs } = await tf.io.encodeWeights(named);
  const bin = data instanceof ArrayBuffer ? data : await new Blob(data).arrayBuffer();
  return {
    json: {
      format: 'il-playground-weights',
      example,
      meta,
      weightsManifest: [{ paths: [WEIGHTS_SHARD_NAME], weights: specs }],
    },
    bin,
  };
}

/**
 * Assigns weights to the problem's variables, matched by order and checked by shape, so a file made from another
 * architecture is refused with a clear message instead of silently misloading.
 */
export function assignVariables(
  example: string,
  variables: readonly tf.Variable[],
  files: WeightsFiles,
): void {
  if (files.json.example !== example)
    throw new Error(`these weights are for "${files.json.example}", not "${example}"`);
  const specs = files.json.weightsManifest[0].weights;
  if (specs.length !== variables.length)
    throw new Error(`the weights hold ${specs.length} tensors, the model has ${variables.length}`);
  const decoded = tf.io.decodeWeights(files.bin, specs);
  try {
    specs.forEach((spec, i) => {
      const v = variables[i];
      const t = decoded[spec.name];
      if (!t || !tf.util.arraysEqual(t.shape, v.shape))
        throw new Error(
          `tensor ${i} ("${spec.name}") has shape [${String(spec.shape)}], the model expects [${String(v.shape)}]`,
        );
    });
    specs.forEach((spec, i) => variables[i].assign(decoded[spec.name]));
  } finally {
    tf.dispose(Object.values(decoded));
  }
}
