import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignVariables, encodeVariables } from './checkpoint';
import {
  checkWeightsFiles,
  parseWeightsJson,
  readWeightsFolder,
  type WeightsFiles,
  WeightsFormatError,
} from './weights-format';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function sample(): Promise<{ vars: tf.Variable[]; files: WeightsFiles }> {
  const vars = [tf.variable(tf.tensor1d([1, 2, 3])), tf.variable(tf.tensor2d([[4, 5]]))];
  const files = await encodeVariables('demo', vars, { 'p.scale': 2 });
  return { vars, files };
}

function rejection(body: () => unknown): WeightsFormatError {
  try {
    body();
  } catch (e) {
    expect(e).toBeInstanceOf(WeightsFormatError);
    return e as WeightsFormatError;
  }
  throw new Error('expected a refusal');
}

describe('weights validation', () => {
  it('refuses a null meta, a missing shape and a bad dtype by field, before any tensor', async () => {
    const { files, vars } = await sample();
    const before = tf.memory().numTensors;
    const text = JSON.stringify({ ...files.json, meta: null });
    const e1 = rejection(() => parseWeightsJson(text, 'up/model.json'));
    expect(e1.message).toMatch(/^up\/model\.json: meta: expected an object .*found null/);
    const noShape = structuredClone(files.json) as unknown as {
      weightsManifest: { weights: Record<string, unknown>[] }[];
    };
    delete noShape.weightsManifest[0].weights[1].shape;
    expect(rejection(() => parseWeightsJson(JSON.stringify(noShape))).field).toBe(
      'weightsManifest[0].weights[1].shape',
    );
    noShape.weightsManifest[0].weights[1].shape = [1, 2];
    noShape.weightsManifest[0].weights[1].dtype = 'float64';
    expect(rejection(() => parseWeightsJson(JSON.stringify(noShape))).message).toMatch(
      /weights\[1\]\.dtype: expected one of "float32", "int32", "bool", found "float64"/,
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(vars);
  });

  it('refuses another example, another format version, a short shard and NaN values, keeping the model', async () => {
    const { files, vars } = await sample();
    const target = [tf.variable(tf.zeros([3])), tf.variable(tf.zeros([1, 2]))];
    expect(() => assignVariables('other', target, files)).toThrow(/another example/);
    expect(() =>
      assignVariables('demo', target, { ...files, json: { ...files.json, formatVersion: 2 } }),
    ).toThrow(/formatVersion: expected 1, found 2 \(these weights were written by another version/);
    const short = files.bin.slice(0, files.bin.byteLength - 4);
    expect(() => assignVariables('demo', target, { ...files, bin: short })).toThrow(
      /weights\.bin: \(byte length\): expected 20 bytes .*found 16 bytes/,
    );
    const nan = files.bin.slice(0);
    new Float32Array(nan)[4] = Number.NaN;
    expect(() => assignVariables('demo', target, { ...files, bin: nan })).toThrow(
      /weights\[1\] \("1\/.*"\) value 1: expected a finite number, found NaN/,
    );
    const wrongShape = [tf.variable(tf.zeros([3])), tf.variable(tf.zeros([2, 1]))];
    expect(() => assignVariables('demo', wrongShape, files)).toThrow(
      /shape: expected \[2,1\], found \[1,2\]/,
    );
    // Nothing was assigned by any of the refusals: the first variable is still zeros.
    expect(Array.from(await target[0].data())).toEqual([0, 0, 0]);
    assignVariables('demo', target, files);
    expect(Array.from(await target[0].data())).toEqual([1, 2, 3]);
    tf.dispose([...vars, ...target, ...wrongShape]);
  });

  it('refuses a shard path that leaves the folder', async () => {
    const { files } = await sample();
    const json = { ...files.json, weightsManifest: [{ ...files.json.weightsManifest[0], paths: ['../x'] }] };
    expect(() => parseWeightsJson(JSON.stringify(json))).toThrow(/paths\[0\]: expected a plain file name/);
  });

  it('accepts every shipped weight set', async () => {
    const root = join(process.cwd(), 'public', 'weights');
    let count = 0;
    for (const example of readdirSync(root))
      for (const preset of readdirSync(join(root, example))) {
        const files = await readWeightsFolder(
          join(root, example, preset),
          (p) => new Uint8Array(readFileSync(p)),
        );
        expect(checkWeightsFiles(files).json.example).toBe(example);
        count++;
      }
    expect(count).toBeGreaterThan(0);
  });
});
