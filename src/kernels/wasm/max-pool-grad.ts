import {
  backend_util,
  MaxPoolGrad,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
} from '@tensorflow/tfjs';
import { asShape4, assertShape, requireInput } from './kernel-inputs';
import { WASM, withScope } from './kernel-scope';
import { InputPhases, outputRows, PhaseAccumulator, tapRowsLayout } from './tap-rows';

/**
 * Gradient of 2-D max pooling. tfjs 4.22's own wasm MaxPoolGrad is wrong whenever a window's
 * maximum is negative (it routes the gradient to the window's first pixel), so this replaces it.
 * Like the cpu backend, each window sends dy to the first pixel (row-major) equal to its maximum:
 * taps are visited in that order, and a running "not yet claimed" mask keeps only the first hit.
 * Padding is −∞, so padded pixels never win.
 */
const maxPoolGradWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const dy = requireInput(inputs, 'dy', MaxPoolGrad);
  const x = requireInput(inputs, 'input', MaxPoolGrad);
  const y = requireInput(inputs, 'output', MaxPoolGrad);
  return withScope(backend, (scope) => {
    const info = backend_util.computePool2DInfo(
      asShape4(x.shape),
      filterSize,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    assertShape(dy, info.outShape, 'MaxPoolGrad dy');
    const layout = tapRowsLayout(info);
    const phases = new InputPhases(scope, x, layout, -Infinity);
    const dyRows = outputRows(scope, dy, layout);
    const yRows = outputRows(scope, y, layout);
    const grad = new PhaseAccumulator(scope, layout);
    let unclaimed = scope.fill(yRows.shape, 1);
    for (let i = 0; i < info.filterHeight; i++) {
      for (let j = 0; j < info.filterWidth; j++) {
        const taps = phases.tapRows(i, j);
        const hit = scope.equalMask(taps, yRows);
        const first = scope.multiply(hit, unclaimed);
        const rest = scope.sub(unclaimed, first);
        grad.add(i, j, scope.multiply(first, dyRows));
        [taps, hit, first, unclaimed].forEach((t) => scope.release(t));
        unclaimed = rest;
      }
    }
    return grad.toInput();
  });
};

export const maxPoolGradConfig: KernelConfig = {
  kernelName: MaxPoolGrad,
  backendName: WASM,
  kernelFunc: maxPoolGradWasm,
};
