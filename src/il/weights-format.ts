import type * as tf from '@tensorflow/tfjs';

/**
 * Weights as tfjs's own files: a `model.json` whose `weightsManifest` lists the variables, and one binary shard.
 * The same files are shipped in public/ (pretrained), downloaded from the app, and written by `npm run train`.
 */
export interface WeightsJson {
  format: 'il-playground-weights';
  example: string;
  /** Free-form provenance: command, seed, steps, final U … */
  meta: Record<string, string | number | boolean>;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

export interface WeightsFiles {
  json: WeightsJson;
  /** The shard named in `json.weightsManifest[0].paths[0]`. */
  bin: ArrayBuffer;
}

export const WEIGHTS_SHARD_NAME = 'weights.bin';

/** Parses an untrusted model.json, with a message that says what is wrong. */
export function parseWeightsJson(text: string): WeightsJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`model.json is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (typeof raw !== 'object' || raw === null) throw new Error('model.json must hold a JSON object');
  const obj = raw as Partial<WeightsJson>;
  if (obj.format !== 'il-playground-weights')
    throw new Error(`model.json has format ${JSON.stringify(obj.format)}, expected "il-playground-weights"`);
  if (typeof obj.example !== 'string') throw new Error('model.json lacks "example"');
  if (!Array.isArray(obj.weightsManifest) || obj.weightsManifest.length !== 1)
    throw new Error('model.json must have exactly one weightsManifest group');
  return { meta: {}, ...obj } as WeightsJson;
}

/**
 * Reads a weights folder — model.json and the shard it names — with any byte reader (fetch in the browser, the
 * file system in Node). The reader's own errors pass through unchanged, so each caller words "missing" its way.
 */
export async function readWeightsFolder(
  folder: string,
  read: (path: string) => Uint8Array | Promise<Uint8Array>,
): Promise<WeightsFiles> {
  const base = folder.replace(/[\\/]+$/, '');
  const json = parseWeightsJson(new TextDecoder().decode(await read(`${base}/model.json`)));
  const shard = json.weightsManifest[0].paths[0] ?? WEIGHTS_SHARD_NAME;
  const bytes = await read(`${base}/${shard}`);
  return { json, bin: bytes.slice().buffer };
}
