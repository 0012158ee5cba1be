import {
  UnsortedSegmentSum,
  type KernelConfig,
  type KernelFunc,
  type UnsortedSegmentSumAttrs,
} from '@tensorflow/tfjs';
import { requireInput } from './kernel-inputs';
import { WASM, withScope } from './kernel-scope';

/**
 * out[s] = Σ_{i: ids[i] = s} x[i] — what tf.gather's gradient (embeddings, index lookups) runs.
 * As one matmul: out = onehot(ids)ᵀ · x. Ids outside [0, numSegments) are dropped, as on cpu.
 * Int32 x goes through float32, exact while sums stay below 2^24.
 */
const unsortedSegmentSumWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;
  const x = requireInput(inputs, 'x', UnsortedSegmentSum);
  const ids = requireInput(inputs, 'segmentIds', UnsortedSegmentSum);
  return withScope(backend, (scope) => {
    const count = ids.shape.reduce((a, b) => a * b, 1);
    const rest = x.shape.slice(ids.shape.length);
    const restSize = rest.reduce((a, b) => a * b, 1);
    const flatIds = scope.reshape(ids.dtype === 'int32' ? ids : scope.cast(ids, 'int32'), [count]);
    const selectT = scope.transpose(scope.oneHot(flatIds, numSegments), [1, 0]);
    const x2 = scope.reshape(x.dtype === 'float32' ? x : scope.cast(x, 'float32'), [count, restSize]);
    const sums = scope.reshape(scope.matMul(selectT, x2, false, false), [numSegments, ...rest]);
    return x.dtype === 'float32' ? sums : scope.cast(sums, x.dtype);
  });
};

export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: WASM,
  kernelFunc: unsortedSegmentSumWasm,
};
