import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { conv2DBackpropInputConfig } from './conv2d-backprop-input';
import { gradientsOf, maxAbsDiff, onBackend, seededArray, sizeOf } from '../../test-support/wasm/testing';

type Pad = 'same' | 'valid' | number | [[0, 0], [number, number], [number, number], [0, 0]];
interface Case {
  kernel: [number, number];
  stride: [number, number];
  pad: Pad;
  batch: number;
  size: [number, number];
  inChannels: number;
  outChannels: number;
}

const EXPLICIT: Pad = [
  [0, 0],
  [1, 2],
  [2, 0],
  [0, 0],
];
// Explicit padding wider than the filter reaches: the kernel must crop, not pad, dy's frame.
const WIDE: Pad = [
  [0, 0],
  [4, 1],
  [0, 5],
  [0, 0],
];
const KERNELS: [number, number][] = [
  [1, 1],
  [3, 3],
  [4, 4],
  [5, 3],
];
const STRIDES: [number, number][] = [
  [1, 1],
  [2, 2],
  [3, 3],
  [2, 1],
];
const PADS: Pad[] = ['same', 'valid', EXPLICIT, WIDE, 1];
const VARIANTS = [
  { batch: 1, size: [9, 7] as [number, number], inChannels: 1, outChannels: 3 },
  { batch: 3, size: [10, 8] as [number, number], inChannels: 5, outChannels: 2 },
];
// A numeric pad goes with square kernels and strides only: otherwise tfjs's computeConv2DInfo sizes the
// output with the row stride and filter height on both axes, and wasm's forward Conv2D (XNNPACK, which
// sizes it correctly) writes out of bounds.
const GRID: Case[] = KERNELS.flatMap((kernel) =>
  STRIDES.flatMap((stride) => PADS.flatMap((pad) => VARIANTS.map((v) => ({ kernel, stride, pad, ...v })))),
).filter((c) => typeof c.pad !== 'number' || (c.stride[0] === c.stride[1] && c.kernel[0] === c.kernel[1]));

function describeCase(c: Case): string {
  const pad = Array.isArray(c.pad) ? `explicit ${JSON.stringify(c.pad.slice(1, 3))}` : String(c.pad);
  return `${c.kernel.join('x')} s${c.stride.join('x')} ${pad} n${c.batch} ${c.size.join('x')} ${c.inChannels}→${c.outChannels}`;
}

function outSize(c: Case): [number, number] {
  const info = tf.backend_util.computeConv2DInfo(
    [c.batch, c.size[0], c.size[1], c.inChannels],
    [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels],
    c.stride,
    1,
    c.pad,
  );
  return [info.outHeight, info.outWidth];
}

const xShapeOf = (c: Case) => [c.batch, c.size[0], c.size[1], c.inChannels];
const wShapeOf = (c: Case) => [c.kernel[0], c.kernel[1], c.inChannels, c.outChannels];

/** conv2d: the gradients of x (this kernel) and of the filter. */
function convGradients(c: Case): Float32Array[] {
  const f = (x: tf.Tensor, w: tf.Tensor): tf.Tensor =>
    tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.stride, c.pad);
  return gradientsOf(
    f,
    [
      { values: seededArray(sizeOf(xShapeOf(c)), 1), shape: xShapeOf(c) },
      { values: seededArray(sizeOf(wShapeOf(c)), 2), shape: wShapeOf(c) },
    ],
    3,
  );
}

/** conv2dTranspose: its output (this kernel, run forward) and its gradients. */
function transposeOutputAndGradients(c: Case): Float32Array[] {
  const [oh, ow] = outSize(c);
  const xShape = [c.batch, oh, ow, c.outChannels];
  const outputShape: [number, number, number, number] = [c.batch, c.size[0], c.size[1], c.inChannels];
  // conv2dTranspose takes no numeric pad in its types; the kernel does (via conv2d's gradient).
  const pad = c.pad as 'same' | 'valid';
  const f = (x: tf.Tensor, w: tf.Tensor): tf.Tensor =>
    tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, outputShape, c.stride, pad);
  const inputs = [
    { values: seededArray(sizeOf(xShape), 4), shape: xShape },
    { values: seededArray(sizeOf(wShapeOf(c)), 5), shape: wShapeOf(c) },
  ];
  const out = tf.tidy(() =>
    Float32Array.from(
      f(
        tf.tensor(inputs[0].values, inputs[0].shape),
        tf.tensor(inputs[1].values, inputs[1].shape),
      ).dataSync(),
    ),
  );
  return [out, ...gradientsOf(f, inputs, 6)];
}

/** dx straight from the definition (ground truth for dilations, which no tfjs backend's kernel honours). */
function bruteForceInputGrad(
  dy: Float32Array,
  dyShape: number[],
  w: Float32Array,
  xShape: number[],
  k: number,
  stride: number,
  dilation: number,
  top: number,
  left: number,
): Float32Array {
  const [n, h, wd, ci] = xShape;
  const [, oh, ow, co] = dyShape;
  const dx = new Float32Array(sizeOf(xShape));
  for (let b = 0; b < n; b++)
    for (let yo = 0; yo < oh; yo++)
      for (let xo = 0; xo < ow; xo++)
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++) {
            const y = yo * stride + i * dilation - top;
            const x = xo * stride + j * dilation - left;
            if (y < 0 || y >= h || x < 0 || x >= wd) continue;
            for (let a = 0; a < ci; a++)
              for (let o = 0; o < co; o++)
                dx[((b * h + y) * wd + x) * ci + a] +=
                  dy[((b * oh + yo) * ow + xo) * co + o] * w[((i * k + j) * ci + a) * co + o];
          }
  return dx;
}

const runKernel = (inputs: Record<string, tf.Tensor>, attrs: Record<string, unknown>): Float32Array =>
  Float32Array.from(
    (
      tf.engine().runKernel('Conv2DBackpropInput', inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor
    ).dataSync(),
  );

describe('Conv2DBackpropInput on wasm (one XNNPACK Conv2D) matches cpu', () => {
  let worst = { diff: 0, name: '' };
  beforeAll(async () => {
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm')).toBe(conv2DBackpropInputConfig);
  });
  afterAll(() => {
    console.log(`worst |wasm − cpu| of Conv2DBackpropInput: ${worst.diff.toExponential(2)} (${worst.name})`);
  });
  const track = (diff: number, name: string) => {
    if (diff > worst.diff) worst = { diff, name };
  };

  it(`conv2d input gradient over ${GRID.length} cases (strides, paddings, kernels), no leaks`, async () => {
    for (const c of GRID) {
      const name = `conv2d ${describeCase(c)}`;
      const cpu = (await onBackend('cpu', () => convGradients(c))).result;
      const wasm = await onBackend('wasm', () => convGradients(c));
      expect(wasm.leaked, name).toBe(0);
      const dx = maxAbsDiff(cpu[0], wasm.result[0]);
      track(dx, name);
      expect(dx, `${name}: input gradient`).toBeLessThan(1e-4);
      expect(maxAbsDiff(cpu[1], wasm.result[1]), `${name}: filter gradient`).toBeLessThan(1e-4);
    }
  });

  const transposeGrid = GRID.filter((c) => typeof c.pad === 'string');
  it(`conv2dTranspose output and gradients over ${transposeGrid.length} cases, no leaks`, async () => {
    for (const c of transposeGrid) {
      const name = `conv2dTranspose ${describeCase(c)}`;
      const cpu = (await onBackend('cpu', () => transposeOutputAndGradients(c))).result;
      const wasm = await onBackend('wasm', () => transposeOutputAndGradients(c));
      expect(wasm.leaked, name).toBe(0);
      ['output', 'x gradient', 'filter gradient'].forEach((what, k) => {
        const d = maxAbsDiff(cpu[k], wasm.result[k]);
        track(d, `${name} ${what}`);
        expect(d, `${name}: ${what}`).toBeLessThan(1e-4);
      });
    }
  });

  it('wide channels (the Neural A* CNN layer shapes) match cpu', async () => {
    for (const [ci, co] of [
      [64, 128],
      [128, 256],
      [256, 1],
    ]) {
      const run = (): Float32Array =>
        tf.tidy(() =>
          runKernel(
            {
              dy: tf.tensor(seededArray(2 * 8 * 8 * co, 21), [2, 8, 8, co]),
              filter: tf.tensor(seededArray(9 * ci * co, 22), [3, 3, ci, co]),
            },
            { strides: 1, pad: 'same', dataFormat: 'NHWC', inputShape: [2, 8, 8, ci] },
          ),
        );
      const cpu = (await onBackend('cpu', run)).result;
      const wasm = await onBackend('wasm', run);
      expect(wasm.leaked).toBe(0);
      const d = maxAbsDiff(cpu, wasm.result);
      track(d, `3x3 same ${ci}→${co}`);
      expect(d, `${ci}→${co}`).toBeLessThan(1e-3);
    }
  });

  it('NCHW and every dimRoundingMode, called as a kernel, match cpu', async () => {
    const nchw = (): Float32Array =>
      tf.tidy(() =>
        runKernel(
          {
            dy: tf.tensor(seededArray(2 * 4 * 5 * 4, 8), [2, 4, 5, 4]),
            filter: tf.tensor(seededArray(3 * 3 * 3 * 4, 9), [3, 3, 3, 4]),
          },
          { strides: 2, pad: 'same', dataFormat: 'NCHW', inputShape: [2, 3, 9, 8] },
        ),
      );
    const cpuN = (await onBackend('cpu', nchw)).result;
    const wasmN = await onBackend('wasm', nchw);
    expect(wasmN.leaked).toBe(0);
    expect(maxAbsDiff(cpuN, wasmN.result), 'NCHW').toBeLessThan(1e-4);
    for (const dimRoundingMode of ['floor', 'round', 'ceil'] as const) {
      const outH = dimRoundingMode === 'floor' ? 4 : 5;
      const run = (): Float32Array =>
        tf.tidy(() =>
          runKernel(
            {
              dy: tf.tensor(seededArray(2 * outH * outH * 2, 16), [2, outH, outH, 2]),
              filter: tf.tensor(seededArray(3 * 3 * 3 * 2, 17), [3, 3, 3, 2]),
            },
            { strides: 2, pad: 1, dataFormat: 'NHWC', dimRoundingMode, inputShape: [2, 8, 8, 3] },
          ),
        );
      const cpu = (await onBackend('cpu', run)).result;
      const wasm = await onBackend('wasm', run);
      expect(wasm.leaked).toBe(0);
      expect(maxAbsDiff(cpu, wasm.result), dimRoundingMode).toBeLessThan(1e-4);
    }
  });

  it('dilations (passed as an attribute) match a brute-force sum, with and without stride', async () => {
    for (const [stride, dilation, pad] of [
      [1, 2, 'valid'],
      [1, 2, 'same'],
      [2, 2, 'valid'],
      [1, 3, 'same'],
    ] as const) {
      const k = 3;
      const xShape = [2, 11, 9, 2];
      const info = tf.backend_util.computeConv2DInfo(
        xShape as [number, number, number, number],
        [k, k, 2, 3],
        stride,
        dilation,
        pad,
      );
      const dyShape = info.outShape;
      const dy = seededArray(sizeOf(dyShape), 30 + stride + dilation);
      const w = seededArray(k * k * 2 * 3, 40);
      const got = await onBackend('wasm', () =>
        tf.tidy(() =>
          runKernel(
            { dy: tf.tensor(dy, dyShape), filter: tf.tensor(w, [k, k, 2, 3]) },
            { strides: stride, pad, dataFormat: 'NHWC', inputShape: xShape, dilations: dilation },
          ),
        ),
      );
      expect(got.leaked).toBe(0);
      const want = bruteForceInputGrad(
        dy,
        dyShape,
        w,
        xShape,
        k,
        stride,
        dilation,
        info.padInfo.top,
        info.padInfo.left,
      );
      expect(maxAbsDiff(got.result, want), `stride ${stride} dilation ${dilation} ${pad}`).toBeLessThan(1e-4);
    }
  });

  it('rejects a dy whose shape does not match the convolution, leaking nothing', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    expect(() =>
      tf.tidy(() =>
        runKernel(
          { dy: tf.ones([1, 5, 4, 1]), filter: tf.ones([3, 3, 1, 1]) },
          { strides: 2, pad: 'same', dataFormat: 'NHWC', inputShape: [1, 8, 8, 1] },
        ),
      ),
    ).toThrow(/dy \(NHWC\) has shape \[1, 5, 4, 1\], expected \[1, 4, 4, 1\]/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
