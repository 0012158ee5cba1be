import type * as tf from '@tensorflow/tfjs';

/**
 * Weights as tfjs's own files: a `model.json` whose `weightsManifest` lists the variables, and one binary shard.
 * The same files are shipped in public/ (pretrained), downloaded from the app, and written by `npm run train`.
 *
 * Every file that arrives from outside (a user's pick, a fetch, a CLI path, a worker message) goes through
 * `parseWeightsJson` / `checkWeightsFiles` before any tensor is made: the JSON is checked field by field and the
 * shard's byte length and values against it, and every refusal is a `WeightsFormatError` that names the file, the
 * field, what was expected and what was found.
 */
export interface WeightsJson {
  format: 'il-playground-weights';
  /** Absent in files written before versions were recorded: read as 1. */
  formatVersion?: number;
  example: string;
  /** Free-form provenance: command, seed, steps, final U … and the example's params as `p.<name>`. */
  meta: Record<string, string | number | boolean>;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

export interface WeightsFiles {
  json: WeightsJson;
  /** The shard named in `json.weightsManifest[0].paths[0]`. */
  bin: ArrayBuffer;
  /** Where the two files came from, for messages (defaults: "model.json" and the shard's own name). */
  names?: { json: string; bin: string };
}

export const WEIGHTS_FORMAT = 'il-playground-weights';
export const WEIGHTS_FORMAT_VERSION = 1;
export const WEIGHTS_SHARD_NAME = 'weights.bin';

/** What a weight set may hold: refused beyond these before anything is allocated. */
export const WEIGHTS_LIMITS = {
  /** Tensors in one file. */
  maxTensors: 1024,
  /** Dimensions of one tensor. */
  maxRank: 6,
  /** Bytes in the shard (the largest shipped set is well under 1 MB). */
  maxBytes: 64 * 1024 * 1024,
  /** Characters in model.json. */
  maxJsonChars: 4 * 1024 * 1024,
  /** Entries in "meta". */
  maxMetaEntries: 256,
} as const;

const DTYPE_BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1 };

/** A refused weight file: `file`, `field` (a JSON path such as `weightsManifest[0].weights[2].shape`). */
export class WeightsFormatError extends Error {
  override readonly name = 'WeightsFormatError';
  constructor(
    readonly file: string,
    readonly field: string,
    readonly expected: string,
    readonly found: string,
    /** Set where the plain "expected …, found …" needs a reason in words (another example, version …). */
    note?: string,
  ) {
    super(`${file}: ${field}: expected ${expected}, found ${found}${note ? ` (${note})` : ''}`);
  }
}

/** A value shown in a message: JSON, shortened; "nothing" for a missing field. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A shard name may not leave the folder model.json is in. */
const SHARD_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/** Checks an already-parsed model.json (e.g. one that crossed a worker boundary); returns it typed. */
export function checkWeightsJson(raw: unknown, file = 'model.json'): WeightsJson {
  const fail = (field: string, expected: string, found: unknown, note?: string): never => {
    throw new WeightsFormatError(file, field, expected, describeValue(found), note);
  };
  if (!isRecord(raw)) return fail('(top level)', 'a JSON object', raw);
  if (raw.format !== WEIGHTS_FORMAT)
    fail('format', `"${WEIGHTS_FORMAT}"`, raw.format, 'not a weights file of this app');
  const version = raw.formatVersion ?? WEIGHTS_FORMAT_VERSION;
  if (version !== WEIGHTS_FORMAT_VERSION)
    fail(
      'formatVersion',
      String(WEIGHTS_FORMAT_VERSION),
      version,
      `these weights were written by another version of the format; this app reads version ${WEIGHTS_FORMAT_VERSION}`,
    );
  if (typeof raw.example !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(raw.example))
    fail('example', 'an example id such as "ia-star"', raw.example);
  const meta: Record<string, string | number | boolean> = {};
  if (raw.meta !== undefined) {
    if (!isRecord(raw.meta)) fail('meta', 'an object of strings, numbers and booleans', raw.meta);
    const entries = Object.entries(raw.meta as Record<string, unknown>);
    if (entries.length > WEIGHTS_LIMITS.maxMetaEntries)
      fail('meta', `at most ${WEIGHTS_LIMITS.maxMetaEntries} entries`, `${entries.length} entries`);
    for (const [k, v] of entries) {
      // JSON writes a NaN or Infinity as null: such an entry says nothing, it is dropped, not refused.
      if (v === null) continue;
      const ok =
        typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
      if (!ok) fail(`meta[${JSON.stringify(k)}]`, 'a string, a finite number or a boolean', v);
      meta[k] = v as string | number | boolean;
    }
  }
  const manifest = raw.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length !== 1)
    fail(
      'weightsManifest',
      'an array of exactly one group',
      Array.isArray(manifest) ? `${manifest.length} groups` : manifest,
    );
  const group: unknown = (manifest as unknown[])[0];
  if (!isRecord(group)) return fail('weightsManifest[0]', 'an object { "paths", "weights" }', group);
  const paths = group.paths;
  if (!Array.isArray(paths) || paths.length !== 1)
    fail('weightsManifest[0].paths', 'an array of exactly one shard file name', paths);
  const shard: unknown = (paths as unknown[])[0];
  if (typeof shard !== 'string' || !SHARD_NAME.test(shard) || shard.includes('..'))
    fail(
      'weightsManifest[0].paths[0]',
      'a plain file name such as "weights.bin" (letters, digits, . _ -; no folders)',
      shard,
    );
  const specs = group.weights;
  if (!Array.isArray(specs) || specs.length < 1 || specs.length > WEIGHTS_LIMITS.maxTensors)
    fail(
      'weightsManifest[0].weights',
      `an array of 1 to ${WEIGHTS_LIMITS.maxTensors} tensor entries`,
      Array.isArray(specs) ? `${specs.length} entries` : specs,
    );
  const names = new Set<string>();
  let totalBytes = 0;
  const checked: tf.io.WeightsManifestEntry[] = (specs as unknown[]).map((spec, i) => {
    const at = `weightsManifest[0].weights[${i}]`;
    if (!isRecord(spec)) return fail(at, 'an object { "name", "shape", "dtype" }', spec);
    if (typeof spec.name !== 'string' || spec.name === '' || spec.name.length > 256)
      fail(`${at}.name`, 'a non-empty name', spec.name);
    const name = spec.name as string;
    if (names.has(name)) fail(`${at}.name`, 'a name not used before in the file', name);
    names.add(name);
    const shape = spec.shape;
    if (
      !Array.isArray(shape) ||
      shape.length > WEIGHTS_LIMITS.maxRank ||
      !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)
    )
      fail(`${at}.shape`, `an array of at most ${WEIGHTS_LIMITS.maxRank} whole numbers ≥ 0`, shape);
    if (typeof spec.dtype !== 'string' || !(spec.dtype in DTYPE_BYTES))
      fail(`${at}.dtype`, 'one of "float32", "int32", "bool"', spec.dtype);
    if (spec.quantization !== undefined)
      fail(
        `${at}.quantization`,
        'no quantization (this app writes and reads plain float32)',
        spec.quantization,
      );
    const size = (shape as number[]).reduce((a, d) => a * d, 1);
    totalBytes += size * DTYPE_BYTES[spec.dtype as string];
    if (!(totalBytes <= WEIGHTS_LIMITS.maxBytes))
      fail(`${at}.shape`, `tensors of at most ${WEIGHTS_LIMITS.maxBytes} bytes in all`, shape, 'too large');
    return { name, shape: [...(shape as number[])], dtype: spec.dtype as 'float32' | 'int32' | 'bool' };
  });
  const out: WeightsJson = {
    format: WEIGHTS_FORMAT,
    example: raw.example as string,
    meta,
    weightsManifest: [{ paths: [shard as string], weights: checked }],
  };
  if (raw.formatVersion !== undefined) out.formatVersion = WEIGHTS_FORMAT_VERSION;
  return out;
}

/** Parses an untrusted model.json, with a message that names the file and the field and says what is wrong. */
export function parseWeightsJson(text: string, file = 'model.json'): WeightsJson {
  if (typeof text !== 'string') throw new WeightsFormatError(file, '(file)', 'text', typeof text);
  if (text.length > WEIGHTS_LIMITS.maxJsonChars)
    throw new WeightsFormatError(
      file,
      '(file)',
      `at most ${WEIGHTS_LIMITS.maxJsonChars} characters`,
      `${text.length} characters`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new WeightsFormatError(
      file,
      '(file)',
      'valid JSON',
      `text that is not valid JSON (${(e as Error).message.slice(0, 120)})`,
    );
  }
  return checkWeightsJson(raw, file);
}

/** Bytes the shard must have for these entries. */
export function expectedShardBytes(json: WeightsJson): number {
  return json.weightsManifest[0].weights.reduce(
    (sum, s) => sum + s.shape.reduce((a, d) => a * d, 1) * DTYPE_BYTES[s.dtype],
    0,
  );
}

/**
 * Checks a whole weight set before any tensor is made: the JSON again (it may have crossed a worker boundary),
 * the shard's byte length against the entries, and every float32 value finite. Returns the files with a typed json.
 */
export function checkWeightsFiles(files: unknown): WeightsFiles {
  if (!isRecord(files))
    throw new WeightsFormatError('weights', '(files)', 'model.json and its shard', describeValue(files));
  const names = isRecord(files.names) ? files.names : {};
  const jsonName = typeof names.json === 'string' ? names.json : 'model.json';
  const json = checkWeightsJson(files.json, jsonName);
  const binName = typeof names.bin === 'string' ? names.bin : json.weightsManifest[0].paths[0];
  const bin = files.bin;
  if (!(bin instanceof ArrayBuffer))
    throw new WeightsFormatError(binName, '(file)', 'binary data', describeValue(bin));
  const expected = expectedShardBytes(json);
  if (bin.byteLength !== expected)
    throw new WeightsFormatError(
      binName,
      '(byte length)',
      `${expected} bytes (the tensors ${jsonName} lists)`,
      `${bin.byteLength} bytes`,
      bin.byteLength < expected
        ? 'the shard is truncated or belongs to other weights'
        : 'the shard is too long',
    );
  const view = new DataView(bin);
  let offset = 0;
  json.weightsManifest[0].weights.forEach((spec, i) => {
    const count = spec.shape.reduce((a, d) => a * d, 1);
    if (spec.dtype === 'float32') {
      for (let k = 0; k < count; k++) {
        const v = view.getFloat32(offset + 4 * k, true);
        if (!Number.isFinite(v))
          throw new WeightsFormatError(
            binName,
            `weightsManifest[0].weights[${i}] ("${spec.name}") value ${k}`,
            'a finite number',
            String(v),
          );
      }
    }
    offset += count * DTYPE_BYTES[spec.dtype];
  });
  return { json, bin, names: { json: jsonName, bin: binName } };
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
  const jsonPath = `${base}/model.json`;
  const json = parseWeightsJson(new TextDecoder().decode(await read(jsonPath)), jsonPath);
  const binPath = `${base}/${json.weightsManifest[0].paths[0]}`;
  const bytes = await read(binPath);
  return checkWeightsFiles({ json, bin: bytes.slice().buffer, names: { json: jsonPath, bin: binPath } });
}
