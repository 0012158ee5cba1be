import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { gradientsOf, maxAbsDiff, onBackend, seededArray, sizeOf } from '../../test-support/wasm/testing';

type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
const PADS: Pad[] = [
  'same',
  'valid',
  [
    [0, 0],
    [2, 1],
    [0, 2],
    [0, 0],
  ],
];

/** Brute-force gradients of a dilated depthwise convolution ('valid'), from the definition. */
function bruteForce(
  x: Float32Array,
  xShape: number[],
  w: Float32Array,
  k: number,
  mult: number,
  stride: number,
  dilation: number,
  dy: Float32Array,
) {
  const [n, h, wd, c] = xShape;
  const oh = Math.floor((h - (k - 1) * dilation - 1) / stride) + 1;
  const ow = Math.floor((wd - (k - 1) * dilation - 1) / stride) + 1;
  const dx = new Float32Array(x.length);
  const dw = new Float32Array(w.length);
  for (let b = 0; b < n; b++)
    for (let yo = 0; yo < oh; yo++)
      for (let xo = 0; xo < ow; xo++)
        for (let i = 0; i < k; i++)
          for (let j = 0; j < k; j++)
            for (let ch = 0; ch < c; ch++)
              for (let m = 0; m < mult; m++) {
                const xi = ((b * h + yo * stride + i * dilation) * wd + xo * stride + j * dilation) * c + ch;
                const wi = ((i * k + j) * c + ch) * mult + m;
                const g = dy[((b * oh + yo) * ow + xo) * c * mult + ch * mult + m];
                dx[xi] += g * w[wi];
                dw[wi] += g * x[xi];
              }
  return { dx, dw, outShape: [n, oh, ow, c * mult] };
}

describe('DepthwiseConv2dNative backprop kernels on wasm (built from wasm kernels) match cpu', () => {
  let worst = 0;
  beforeAll(async () => {
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(() => console.log(`depthwiseConv2d gradients, worst |wasm − cpu| = ${worst.toExponential(2)}`));

  it('x and filter gradients over kernels 1/3/4/5, strides 1/2/3, paddings, multipliers 1/2; no leaks', async () => {
    for (const k of [1, 3, 4, 5])
      for (const stride of [1, 2, 3])
        for (const pad of PADS)
          for (const mult of [1, 2]) {
            const xShape = mult === 1 ? [1, 9, 7, 1] : [2, 10, 8, 3];
            const wShape = [k, k, xShape[3], mult];
            const name = `${k}x${k} s${stride} ${JSON.stringify(pad)} ×${mult} ${xShape.join('x')}`;
            const f = (x: tf.Tensor, w: tf.Tensor): tf.Tensor =>
              tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, pad);
            const inputs = [
              { values: seededArray(sizeOf(xShape), 31), shape: xShape },
              { values: seededArray(sizeOf(wShape), 32), shape: wShape },
            ];
            const cpu = (await onBackend('cpu', () => gradientsOf(f, inputs, 33))).result;
            const wasm = await onBackend('wasm', () => gradientsOf(f, inputs, 33));
            expect(wasm.leaked, name).toBe(0);
            const diff = Math.max(maxAbsDiff(cpu[0], wasm.result[0]), maxAbsDiff(cpu[1], wasm.result[1]));
            worst = Math.max(worst, diff);
            expect(diff, name).toBeLessThan(1e-4);
          }
  });

  it('dilated kernels (called directly; tfjs gradients refuse dilation) match a brute-force sum', async () => {
    const [k, mult, stride, dilation] = [3, 2, 1, 2];
    const xShape = [2, 9, 8, 2];
    const x = seededArray(sizeOf(xShape), 34);
    const w = seededArray(k * k * 2 * mult, 35);
    const outShape = [2, 5, 4, 4];
    const dy = seededArray(sizeOf(outShape), 36);
    const expected = bruteForce(x, xShape, w, k, mult, stride, dilation, dy);
    expect(expected.outShape).toEqual(outShape);
    const common = { strides: stride, dilations: dilation, pad: 'valid' };
    const got = await onBackend('wasm', () =>
      tf.tidy(() => {
        const dyT = tf.tensor(dy, outShape);
        const dw = tf
          .engine()
          .runKernel(
            'DepthwiseConv2dNativeBackpropFilter',
            { x: tf.tensor(x, xShape), dy: dyT },
            { ...common, filterShape: [k, k, 2, mult] },
          );
        const dx = tf
          .engine()
          .runKernel(
            'DepthwiseConv2dNativeBackpropInput',
            { dy: dyT, filter: tf.tensor(w, [k, k, 2, mult]) },
            { ...common, inputShape: xShape },
          );
        return [dx, dw].map((t) => Float32Array.from((t as tf.Tensor).dataSync()));
      }),
    );
    expect(got.leaked).toBe(0);
    expect(maxAbsDiff(got.result[0], expected.dx)).toBeLessThan(1e-4);
    expect(maxAbsDiff(got.result[1], expected.dw)).toBeLessThan(1e-4);
  });
});
