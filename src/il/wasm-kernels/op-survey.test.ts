import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { runOpCase, surveyOps } from './op-survey';
import { surveyCases } from './op-survey-cases';
import { onBackend } from './testing';

/**
 * What still differs from cpu on wasm after registerWasmTrainingKernels (tfjs 4.22), none of it
 * needed by the 2-D conv nets and MLPs here. README.md explains each. If tfjs fixes one, this test
 * fails so that the list (and the README) is updated.
 */
const KNOWN_WASM_GAPS = ['conv2d NCHW', 'conv3d s2', 'dilation2d'];

describe('survey: forward and backward of the ops a CNN / U-Net / MLP training loop uses, wasm vs cpu', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it('every surveyed op agrees to 1e-4 (relative to its scale), except the known gaps', async () => {
    const results = await surveyOps(surveyCases);
    const failing = results.filter((r) => r.status !== 'ok').map((r) => r.name);
    expect(failing).toEqual(KNOWN_WASM_GAPS);
    expect(results.length).toBeGreaterThan(70);
  });

  it('no op leaks tensors or wasm buffers', async () => {
    for (const c of surveyCases.filter((k) => !KNOWN_WASM_GAPS.includes(k.name))) {
      const { result, leaked } = await onBackend('wasm', () => runOpCase(c));
      expect(result.error, c.name).toBeUndefined();
      expect(leaked, c.name).toBe(0);
    }
  });
});
