import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { gradientsOf, maxAbsDiff, onBackend, seededArray, sizeOf } from '../../test-support/wasm/testing';

type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
interface ConvCase {
  kernel: [number, number];
  stride: number;
  pad: Pad;
  batch: number;
  size: [number, number];
  inChannels: number;
  outChannels: number;
}

const KERNELS: [number, number][] = [
  [1, 1],
  [3, 3],
  [5, 5],
  [4, 4],
];
const PADS: Pad[] = [
  'same',
  'valid',
  [
    [0, 0],
    [1, 2],
    [2, 0],
    [0, 0],
  ],
];
// Two variants per (kernel, stride, pad): odd sizes, batch 1, one channel in; even sizes, batch 3, several.
const VARIANTS = [
  { batch: 1, size: [9, 7] as [number, number], inChannels: 1, outChannels: 3 },
  { batch: 3, size: [10, 8] as [number, number], inChannels: 4, outChannels: 1 },
];
const GRID: ConvCase[] = KERNELS.flatMap((kernel) =>
  [1, 2, 3].flatMap((stride) => PADS.flatMap((pad) => VARIANTS.map((v) => ({ kernel, stride, pad, ...v })))),
);

function describeCase(c: ConvCase): string {
  const pad = typeof c.pad === 'string' ? c.pad : `explicit ${JSON.stringify(c.pad.slice(1, 3))}`;
  return `${c.kernel.join('x')} s${c.stride} ${pad} n${c.batch} ${c.size.join('x')} ${c.inChannels}→${c.outChannels}`;
}

/** Output spatial size of conv2d for the case (the input size of its transposed convolution). */
function convOutSize(c: ConvCase): [number, number] {
  const info = tf.backend_util.computeConv2DInfo(
    [c.batch, c.size[0], c.size[1], c.inChannels],
    [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels],
    c.stride,
    1,
    c.pad,
  );
  return [info.outHeight, info.outWidth];
}

/** Gradients of conv2d (x, filter) and of conv2dTranspose (x, filter) on the active backend. */
function convGradients(c: ConvCase, transpose: boolean): Float32Array[] {
  const [fh, fw] = c.kernel;
  const [outH, outW] = convOutSize(c);
  if (!transpose) {
    const xShape = [c.batch, c.size[0], c.size[1], c.inChannels];
    const wShape = [fh, fw, c.inChannels, c.outChannels];
    const f = (x: tf.Tensor, w: tf.Tensor): tf.Tensor =>
      tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.stride, c.pad);
    return gradientsOf(
      f,
      [
        { values: seededArray(sizeOf(xShape), 1), shape: xShape },
        { values: seededArray(sizeOf(wShape), 2), shape: wShape },
      ],
      3,
    );
  }
  // conv2dTranspose maps [N, outH, outW, outChannels] back to [N, H, W, inChannels]; filter [fh, fw, in, out].
  const xShape = [c.batch, outH, outW, c.outChannels];
  const wShape = [fh, fw, c.inChannels, c.outChannels];
  const outputShape: [number, number, number, number] = [c.batch, c.size[0], c.size[1], c.inChannels];
  const f = (x: tf.Tensor, w: tf.Tensor): tf.Tensor =>
    tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, outputShape, c.stride, c.pad);
  return gradientsOf(
    f,
    [
      { values: seededArray(sizeOf(xShape), 4), shape: xShape },
      { values: seededArray(sizeOf(wShape), 5), shape: wShape },
    ],
    6,
  );
}

/** Brute-force dW for a dilated convolution, straight from the definition (ground truth). */
function bruteForceFilterGrad(
  x: Float32Array,
  xShape: number[],
  dy: Float32Array,
  dyShape: number[],
  k: number,
  stride: number,
  dilation: number,
  top: number,
  left: number,
): Float32Array {
  const [n, h, w, ci] = xShape;
  const [, oh, ow, co] = dyShape;
  const out = new Float32Array(k * k * ci * co);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++)
      for (let b = 0; b < n; b++)
        for (let yo = 0; yo < oh; yo++)
          for (let xo = 0; xo < ow; xo++) {
            const y = yo * stride + i * dilation - top;
            const xx = xo * stride + j * dilation - left;
            if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
            for (let a = 0; a < ci; a++)
              for (let o = 0; o < co; o++)
                out[((i * k + j) * ci + a) * co + o] +=
                  x[((b * h + y) * w + xx) * ci + a] * dy[((b * oh + yo) * ow + xo) * co + o];
          }
  return out;
}

describe('Conv2DBackpropFilter on wasm (built from wasm kernels) matches cpu', () => {
  const worst = { filter: { diff: 0, name: '' }, input: { diff: 0, name: '' } };
  beforeAll(async () => {
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(() => {
    for (const [which, w] of Object.entries(worst)) {
      console.log(`worst |wasm − cpu| of the ${which} gradient: ${w.diff.toExponential(2)} (${w.name})`);
    }
  });

  for (const transpose of [false, true]) {
    it(`${transpose ? 'conv2dTranspose' : 'conv2d'}: x and filter gradients over ${GRID.length} cases, no leaks`, async () => {
      for (const c of GRID) {
        const name = `${transpose ? 'conv2dTranspose' : 'conv2d'} ${describeCase(c)}`;
        const cpu = (await onBackend('cpu', () => convGradients(c, transpose))).result;
        const wasm = await onBackend('wasm', () => convGradients(c, transpose));
        expect(wasm.leaked, name).toBe(0);
        const [inputDiff, filterDiff] = cpu.map((g, k) => maxAbsDiff(g, wasm.result[k]));
        if (filterDiff > worst.filter.diff) worst.filter = { diff: filterDiff, name };
        if (inputDiff > worst.input.diff) worst.input = { diff: inputDiff, name };
        expect(filterDiff, `${name}: filter gradient`).toBeLessThan(1e-4);
        expect(inputDiff, `${name}: input gradient`).toBeLessThan(1e-4);
      }
    });
  }

  it('NCHW, called as a kernel, matches cpu', async () => {
    const run = (): Float32Array =>
      tf.tidy(() => {
        const x = tf.tensor(seededArray(2 * 3 * 9 * 8, 7), [2, 3, 9, 8]);
        const dy = tf.tensor(seededArray(2 * 4 * 5 * 4, 8), [2, 4, 5, 4]);
        const attrs = { strides: 2, pad: 'same', dataFormat: 'NCHW', filterShape: [3, 3, 3, 4] };
        return Float32Array.from(
          (tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor).dataSync(),
        );
      });
    const cpu = (await onBackend('cpu', run)).result;
    const wasm = await onBackend('wasm', run);
    expect(wasm.leaked).toBe(0);
    expect(maxAbsDiff(cpu, wasm.result)).toBeLessThan(1e-4);
  });

  it('numeric padding with every dimRoundingMode, called as a kernel, matches cpu', async () => {
    for (const dimRoundingMode of ['floor', 'round', 'ceil'] as const) {
      // 8 + 2·1 − 3 = 7 rows over stride 2: 4.5 output rows, rounded three ways.
      const outH = dimRoundingMode === 'floor' ? 4 : 5;
      const run = (): Float32Array =>
        tf.tidy(() => {
          const x = tf.tensor(seededArray(2 * 8 * 8 * 3, 15), [2, 8, 8, 3]);
          const dy = tf.tensor(seededArray(2 * outH * outH * 2, 16), [2, outH, outH, 2]);
          const attrs = {
            strides: 2,
            pad: 1,
            dataFormat: 'NHWC',
            dimRoundingMode,
            filterShape: [3, 3, 3, 2],
          };
          return Float32Array.from(
            (tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor).dataSync(),
          );
        });
      const cpu = (await onBackend('cpu', run)).result;
      const wasm = await onBackend('wasm', run);
      expect(wasm.leaked).toBe(0);
      expect(maxAbsDiff(cpu, wasm.result), dimRoundingMode).toBeLessThan(1e-4);
    }
  });

  it('dilations (passed as an attribute) match a brute-force sum', async () => {
    const [k, stride, dilation] = [3, 1, 2];
    const xShape = [2, 9, 8, 2];
    const dyShape = [2, 5, 4, 3]; // valid: 9 − (3 − 1)·2 = 5 rows, 8 − 4 = 4 columns
    const x = seededArray(sizeOf(xShape), 9);
    const dy = seededArray(sizeOf(dyShape), 10);
    const got = await onBackend('wasm', () =>
      tf.tidy(() => {
        const attrs = {
          strides: stride,
          pad: 'valid',
          dataFormat: 'NHWC',
          filterShape: [k, k, 2, 3],
          dilations: dilation,
        };
        const inputs = { x: tf.tensor(x, xShape), dy: tf.tensor(dy, dyShape) };
        return Float32Array.from(
          (tf.engine().runKernel('Conv2DBackpropFilter', inputs, attrs) as tf.Tensor).dataSync(),
        );
      }),
    );
    expect(got.leaked).toBe(0);
    expect(
      maxAbsDiff(got.result, bruteForceFilterGrad(x, xShape, dy, dyShape, k, stride, dilation, 0, 0)),
    ).toBeLessThan(1e-4);
  });

  it('rejects a dy whose shape does not match the convolution', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    expect(() =>
      tf.tidy(() => {
        const attrs = { strides: 2, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 1, 1] };
        tf.engine().runKernel(
          'Conv2DBackpropFilter',
          { x: tf.ones([1, 8, 8, 1]), dy: tf.ones([1, 5, 4, 1]) },
          attrs,
        );
      }),
    ).toThrow(/dy \(NHWC\) has shape \[1, 5, 4, 1\], expected \[1, 4, 4, 1\]/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
