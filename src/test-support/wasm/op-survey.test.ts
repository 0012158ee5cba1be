import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../kernels/wasm/index';
import { runOpCase, surveyOps, type OpComparison } from './op-survey';
import { surveyCases } from './op-survey-cases';
import { onBackend } from './testing';

/** What fails on the stock tfjs 4.22 wasm backend: why this folder exists (README.md has details). */
const STOCK_WASM_FAILURES = [
  'conv2d 3x3 s1 same',
  'conv2d 3x3 s2 valid',
  'conv2d 4x4 s3 explicit',
  'conv2d NCHW',
  'conv1d s2',
  'conv2dTranspose s2 same',
  'conv2dTranspose s2 valid',
  'fused conv2d bias+relu',
  'depthwiseConv2d s1 same',
  'depthwiseConv2d s2 valid',
  'depthwiseConv2d 4x4 s3 explicit',
  'separableConv2d',
  'conv3d s2',
  'maxPool 2x2 s2',
  'maxPool 3x3 s2 same',
  'resizeBilinear halfPixel down',
  'resizeNearestNeighbor halfPixel',
  'dilation2d',
  'gather (embedding)',
  'unsortedSegmentSum',
];

/**
 * What still differs after registerWasmTrainingKernels, none of it needed by 2-D conv nets or MLPs.
 * If tfjs fixes one, this test fails so that the list (and README.md) gets updated.
 */
const KNOWN_WASM_GAPS = ['conv2d NCHW', 'conv3d s2', 'dilation2d'];

function table(results: OpComparison[]): string {
  return results
    .map(
      (r) =>
        `${r.status.padEnd(8)} ${r.name.padEnd(34)} ${r.maxDiff.toExponential(1).padStart(8)} ${r.error ?? ''}`,
    )
    .join('\n');
}

// The tests run in order: the stock backend first, then with this folder's kernels registered.
describe('survey: forward and backward of the ops a CNN / U-Net / MLP training loop uses, wasm vs cpu', () => {
  it('stock tfjs 4.22 wasm: lists the ops that fail', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const results = await surveyOps(surveyCases);
    console.log(`stock wasm:\n${table(results.filter((r) => r.status !== 'ok'))}`);
    expect(results.filter((r) => r.status !== 'ok').map((r) => r.name)).toEqual(STOCK_WASM_FAILURES);
  });

  it('with registerWasmTrainingKernels: every op agrees to 1e-4 (relative to its scale), except the known gaps', async () => {
    registerWasmTrainingKernels();
    const results = await surveyOps(surveyCases);
    // WASM_SURVEY=full prints every op's agreement, not just the summary.
    const shown = process.env.WASM_SURVEY === 'full' ? results : results.filter((r) => r.status !== 'ok');
    const okCount = results.filter((r) => r.status === 'ok').length;
    console.log(`wasm with this folder's kernels: ${okCount}/${results.length} ok\n${table(shown)}`);
    expect(results.filter((r) => r.status !== 'ok').map((r) => r.name)).toEqual(KNOWN_WASM_GAPS);
    expect(results.length).toBeGreaterThan(70);
  });

  it('with registerWasmTrainingKernels: no op leaks tensors or wasm buffers', async () => {
    for (const c of surveyCases.filter((k) => !KNOWN_WASM_GAPS.includes(k.name))) {
      const { result, leaked } = await onBackend('wasm', () => runOpCase(c));
      expect(result.error, c.name).toBeUndefined();
      expect(leaked, c.name).toBe(0);
    }
  });
});
