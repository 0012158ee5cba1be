import * as tf from '@tensorflow/tfjs';
import { baseName } from './variables';
import {
  checkWeightsFiles,
  WEIGHTS_FORMAT_VERSION,
  WEIGHTS_SHARD_NAME,
  WeightsFormatError,
  type WeightsFiles,
  type WeightsJson,
} from './weights-format';

export {
  checkWeightsFiles,
  checkWeightsJson,
  parseWeightsJson,
  WeightsFormatError,
  WEIGHTS_LIMITS,
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
      formatVersion: WEIGHTS_FORMAT_VERSION,
      example,
      meta,
      weightsManifest: [{ paths: [WEIGHTS_SHARD_NAME], weights: specs }],
    },
    bin,
  };
}

/**
 * Assigns weights to the problem's variables, matched by order and checked by shape and dtype, so a file made from
 * another example or architecture is refused with a clear message instead of silently misloading. Everything is
 * checked before a tensor is made, and the variables are only assigned once all of the new weights have decoded:
 * a refused file leaves the running model as it was.
 */
export function assignVariables(
  example: string,
  variables: readonly tf.Variable[],
  files: WeightsFiles,
): void {
  const checked = checkWeightsFiles(files);
  const jsonName = checked.names?.json ?? 'model.json';
  if (checked.json.example !== example)
    throw new WeightsFormatError(
      jsonName,
      'example',
      JSON.stringify(example),
      JSON.stringify(checked.json.example),
      `these weights are for "${checked.json.example}", another example, not "${example}"`,
    );
  const specs = checked.json.weightsManifest[0].weights;
  if (specs.length !== variables.length)
    throw new WeightsFormatError(
      jsonName,
      'weightsManifest[0].weights',
      `${variables.length} tensors (the model of "${example}")`,
      `${specs.length}`,
      'the weights were made for another architecture or settings',
    );
  specs.forEach((spec, i) => {
    const v = variables[i];
    const field = `weightsManifest[0].weights[${i}] ("${spec.name}")`;
    if (!tf.util.arraysEqual(spec.shape, v.shape))
      throw new WeightsFormatError(
        jsonName,
        `${field}.shape`,
        `[${String(v.shape)}]`,
        `[${String(spec.shape)}]`,
        'the weights were made for another architecture or settings',
      );
    if (spec.dtype !== v.dtype)
      throw new WeightsFormatError(jsonName, `${field}.dtype`, `"${v.dtype}"`, `"${spec.dtype}"`);
  });
  const decoded = tf.io.decodeWeights(checked.bin, specs);
  try {
    specs.forEach((spec, i) => variables[i].assign(decoded[spec.name]));
  } finally {
    tf.dispose(Object.values(decoded));
  }
}
