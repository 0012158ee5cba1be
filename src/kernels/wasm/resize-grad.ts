import {
  ResizeBilinearGrad,
  ResizeNearestNeighborGrad,
  type KernelConfig,
  type KernelFunc,
  type ResizeBilinearGradAttrs,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { asShape4, requireInput } from './kernel-inputs';
import { WASM, withScope, type KernelScope } from './kernel-scope';

export type ResizeKind = 'bilinear' | 'nearest';

/**
 * The [outSize × inSize] matrix A of a 1-D resize, so that a 2-D resize is y = A_h · x · A_wᵀ per
 * image and channel. Mirrors tfjs's forward kernels coordinate for coordinate, halfPixelCenters
 * included (tfjs 4.22's own resize gradients ignore it, on cpu and on wasm). Nearest neighbour
 * repeats the wasm kernel's float32 arithmetic (Math.fround), so that the source pixel it picks at
 * a rounding boundary is the one wasm's forward pass picked.
 */
export function resizeMatrix(
  kind: ResizeKind,
  inSize: number,
  outSize: number,
  alignCorners: boolean,
  halfPixelCenters: boolean,
): Float32Array {
  const a = new Float32Array(outSize * inSize);
  const corners = alignCorners && outSize > 1;
  const f = Math.fround;
  const ratio = f(f(corners ? inSize - 1 : inSize) / f(corners ? outSize - 1 : outSize));
  for (let r = 0; r < outSize; r++) {
    if (kind === 'nearest') {
      const src = f(halfPixelCenters ? ratio * (r + 0.5) : ratio * r);
      let nearest = Math.min(inSize - 1, alignCorners ? Math.round(src) : Math.floor(src));
      if (halfPixelCenters) nearest = Math.max(0, nearest);
      a[r * inSize + nearest] = 1;
    } else {
      const src = halfPixelCenters ? ratio * (r + 0.5) - 0.5 : ratio * r;
      const lo = Math.max(0, Math.floor(src));
      const hi = Math.min(inSize - 1, Math.ceil(src));
      const frac = src - lo;
      a[r * inSize + lo] += 1 - frac;
      a[r * inSize + hi] += frac;
    }
  }
  return a;
}

/** [rows × cols] → [cols × rows], on small JS-side constants. */
function transposed(m: Float32Array, rows: number, cols: number): Float32Array {
  const t = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c];
  return t;
}

/** dx = A_hᵀ · dy · A_w for every image and channel: two fast-path matmuls between transposes. */
function resizeAdjoint(
  scope: KernelScope,
  kind: ResizeKind,
  dy: TensorInfo,
  images: TensorInfo,
  attrs: ResizeBilinearGradAttrs,
): TensorInfo {
  const [n, inH, inW, d] = asShape4(images.shape);
  const [, outH, outW] = asShape4(dy.shape);
  const { alignCorners, halfPixelCenters } = attrs;
  const awT = scope.constant(
    transposed(resizeMatrix(kind, inW, outW, alignCorners, halfPixelCenters), outW, inW),
    [inW, outW],
  );
  const ahT = scope.constant(
    transposed(resizeMatrix(kind, inH, outH, alignCorners, halfPixelCenters), outH, inH),
    [inH, outH],
  );
  const byCol = scope.reshape(scope.transpose(dy, [2, 0, 1, 3]), [outW, n * outH * d]);
  const colsDone = scope.reshape(scope.matMul(awT, byCol, false, false), [inW, n, outH, d]);
  const byRow = scope.reshape(scope.transpose(colsDone, [2, 1, 0, 3]), [outH, n * inW * d]);
  const rowsDone = scope.reshape(scope.matMul(ahT, byRow, false, false), [inH, n, inW, d]);
  return scope.transpose(rowsDone, [1, 0, 2, 3]);
}

function resizeGradKernel(kind: ResizeKind, kernelName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const dy = requireInput(inputs, 'dy', kernelName);
    const images = requireInput(inputs, 'images', kernelName);
    const resizeAttrs = attrs as unknown as ResizeBilinearGradAttrs;
    return withScope(backend, (scope) => resizeAdjoint(scope, kind, dy, images, resizeAttrs));
  };
}

export const resizeBilinearGradConfig: KernelConfig = {
  kernelName: ResizeBilinearGrad,
  backendName: WASM,
  kernelFunc: resizeGradKernel('bilinear', ResizeBilinearGrad),
};

export const resizeNearestNeighborGradConfig: KernelConfig = {
  kernelName: ResizeNearestNeighborGrad,
  backendName: WASM,
  kernelFunc: resizeGradKernel('nearest', ResizeNearestNeighborGrad),
};
