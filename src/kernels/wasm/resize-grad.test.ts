import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { resizeMatrix, type ResizeKind } from './resize-grad';
import { gradientsOf, maxAbsDiff, onBackend, seededArray, sizeOf } from '../../test-support/wasm/testing';

type Resize = (x: tf.Tensor4D) => tf.Tensor4D;

function resizeOp(
  kind: ResizeKind,
  size: [number, number],
  alignCorners: boolean,
  halfPixelCenters: boolean,
): Resize {
  return kind === 'bilinear'
    ? (x) => tf.image.resizeBilinear(x, size, alignCorners, halfPixelCenters)
    : (x) => tf.image.resizeNearestNeighbor(x, size, alignCorners, halfPixelCenters);
}

/**
 * The exact gradient of Σ w·resize(x): resize is linear, so ∂/∂x_k = Σ w·resize(e_k). All basis images
 * go through the cpu forward pass as one batch. (tfjs 4.22's cpu resize gradients themselves are wrong
 * for non-square images and for halfPixelCenters, so they cannot serve as the reference.)
 */
function adjointReference(resize: Resize, shape: number[], w: Float32Array): Float32Array {
  const [n, h, wd, c] = shape;
  const pixels = h * wd * c;
  return tf.tidy(() => {
    const basis = tf.reshape(tf.eye(pixels), [pixels, h, wd, c]) as tf.Tensor4D;
    const responses = tf.reshape(resize(basis), [pixels, -1]);
    const weights = tf.tensor2d(w, [n, w.length / n]);
    return Float32Array.from(tf.transpose(tf.matMul(responses, weights, false, true)).dataSync());
  });
}

describe('ResizeBilinearGrad / ResizeNearestNeighborGrad on wasm are the exact adjoints of the forward resize', () => {
  let worst = 0;
  beforeAll(async () => {
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(() => console.log(`resize gradients, worst |wasm − exact adjoint| = ${worst.toExponential(2)}`));

  const shapes: [number, number, number, number][] = [
    [2, 4, 5, 3],
    [1, 6, 6, 1],
  ];
  const sizes: [number, number][] = [
    [8, 10],
    [7, 9],
    [3, 2],
    [6, 6],
  ];
  const modes = [
    { alignCorners: false, halfPixelCenters: false },
    { alignCorners: true, halfPixelCenters: false },
    { alignCorners: false, halfPixelCenters: true },
  ];

  for (const kind of ['bilinear', 'nearest'] as ResizeKind[]) {
    it(`${kind}: up, down, non-square, alignCorners, halfPixelCenters; forward matches cpu; no leaks`, async () => {
      for (const shape of shapes)
        for (const size of sizes)
          for (const { alignCorners, halfPixelCenters } of modes) {
            const name = `${kind} ${shape.join('x')} → ${size.join('x')} ac=${alignCorners} hp=${halfPixelCenters}`;
            const resize = resizeOp(kind, size, alignCorners, halfPixelCenters);
            const x = seededArray(sizeOf(shape), 21);
            const w = seededArray(shape[0] * size[0] * size[1] * shape[3], 22);
            await tf.setBackend('cpu');
            const expected = adjointReference(resize, shape, w);
            const cpuForward = tf.tidy(() => resize(tf.tensor(x, shape) as tf.Tensor4D).dataSync());
            const wasm = await onBackend('wasm', () => ({
              forward: tf.tidy(() => resize(tf.tensor(x, shape) as tf.Tensor4D).dataSync()),
              grad: gradientsOf((t) => resize(t as tf.Tensor4D), [{ values: x, shape }], 22)[0],
            }));
            expect(wasm.leaked, name).toBe(0);
            expect(maxAbsDiff(wasm.result.forward, cpuForward), `${name} forward`).toBeLessThan(1e-5);
            const diff = maxAbsDiff(wasm.result.grad, expected);
            worst = Math.max(worst, diff);
            expect(diff, name).toBeLessThan(1e-4);
          }
    });
  }

  it("resizeMatrix reproduces wasm's forward resize for every 1-D size pair up to 24 (rounding boundaries included)", async () => {
    await tf.setBackend('wasm');
    let worstForward = 0;
    for (const kind of ['bilinear', 'nearest'] as ResizeKind[])
      for (const { alignCorners, halfPixelCenters } of modes)
        for (let inSize = 1; inSize <= 24; inSize++) {
          const x = Float32Array.from({ length: inSize }, (_, i) => i + Math.sin(1.7 * i));
          for (let outSize = 1; outSize <= 24; outSize++) {
            const resize = resizeOp(kind, [outSize, 1], alignCorners, halfPixelCenters);
            const y = tf.tidy(() => resize(tf.tensor4d(x, [1, inSize, 1, 1])).dataSync());
            const a = resizeMatrix(kind, inSize, outSize, alignCorners, halfPixelCenters);
            for (let r = 0; r < outSize; r++) {
              let ax = 0;
              for (let k = 0; k < inSize; k++) ax += a[r * inSize + k] * x[k];
              worstForward = Math.max(worstForward, Math.abs(ax - y[r]));
            }
          }
        }
    expect(worstForward).toBeLessThan(1e-4);
  });

  it('resizeMatrix rows are interpolation weights that sum to 1', () => {
    for (const kind of ['bilinear', 'nearest'] as ResizeKind[])
      for (const [inSize, outSize] of [
        [4, 8],
        [5, 3],
        [1, 4],
        [6, 1],
      ])
        for (const [ac, hp] of [
          [false, false],
          [true, false],
          [false, true],
        ]) {
          const a = resizeMatrix(kind, inSize, outSize, ac, hp);
          for (let r = 0; r < outSize; r++) {
            const row = a.subarray(r * inSize, (r + 1) * inSize);
            expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
          }
        }
  });
});
