import {
  backend_util,
  DepthwiseConv2dNativeBackpropFilter,
  DepthwiseConv2dNativeBackpropInput,
  type DepthwiseConv2dNativeBackpropFilterAttrs,
  type DepthwiseConv2dNativeBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { asShape4, assertShape, requireInput } from './kernel-inputs';
import { WASM, withScope } from './kernel-scope';
import { InputPhases, outputRows, PhaseAccumulator, tapRowsLayout } from './tap-rows';

/**
 * Gradients of the depthwise convolution y[…, c·M + m] = Σ_{i,j} x_pad[tap (i, j), c] · W[i, j, c, m],
 * tap by tap on the row layout of tap-rows.ts (any stride, padding and dilation).
 */

/** dW[i, j, c, m] = Σ_rows x_tap[row, c] · dy[row, c, m]. */
const depthwiseFilterGradWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { strides, dilations, pad, dimRoundingMode, filterShape } =
    attrs as unknown as DepthwiseConv2dNativeBackpropFilterAttrs;
  const x = requireInput(inputs, 'x', DepthwiseConv2dNativeBackpropFilter);
  const dy = requireInput(inputs, 'dy', DepthwiseConv2dNativeBackpropFilter);
  return withScope(backend, (scope) => {
    const info = backend_util.computeConv2DInfo(
      asShape4(x.shape),
      filterShape,
      strides,
      dilations,
      pad,
      dimRoundingMode,
      true,
    );
    assertShape(dy, info.outShape, 'DepthwiseConv2dNativeBackpropFilter dy');
    const [fh, fw, c, mult] = filterShape;
    const layout = tapRowsLayout(info);
    const phases = new InputPhases(scope, x, layout);
    const dyRows = scope.reshape(outputRows(scope, dy, layout), [layout.rows, c, mult]);
    // Σ over rows as a ones-vector matmul: the wasm backend's fast (XNNPACK) path.
    const ones = scope.fill([1, layout.rows], 1);
    const taps: TensorInfo[] = [];
    for (let i = 0; i < fh; i++) {
      for (let j = 0; j < fw; j++) {
        const rows = phases.tapRows(i, j);
        const xTap = scope.reshape(rows, [layout.rows, c, 1]);
        const product = scope.multiply(xTap, dyRows);
        const flat = scope.reshape(product, [layout.rows, c * mult]);
        taps.push(scope.matMul(ones, flat, false, false));
        [rows, xTap, product, flat].forEach((t) => scope.release(t));
      }
    }
    const stacked = taps.length === 1 ? taps[0] : scope.concat(taps, 0);
    return scope.reshape(stacked, [fh, fw, c, mult]);
  });
};

/** dx at the pixels tap (i, j) read += Σ_m dy[row, c, m] · W[i, j, c, m]. */
const depthwiseInputGradWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { strides, dilations, pad, dimRoundingMode, inputShape } =
    attrs as unknown as DepthwiseConv2dNativeBackpropInputAttrs;
  const dy = requireInput(inputs, 'dy', DepthwiseConv2dNativeBackpropInput);
  const filter = requireInput(inputs, 'filter', DepthwiseConv2dNativeBackpropInput);
  return withScope(backend, (scope) => {
    const filterShape = asShape4(filter.shape);
    const info = backend_util.computeConv2DInfo(
      inputShape,
      filterShape,
      strides,
      dilations,
      pad,
      dimRoundingMode,
      true,
    );
    assertShape(dy, info.outShape, 'DepthwiseConv2dNativeBackpropInput dy');
    const [fh, fw, c, mult] = filterShape;
    const layout = tapRowsLayout(info);
    const dyRows = scope.reshape(outputRows(scope, dy, layout), [layout.rows, c, mult]);
    const sumOverM = mult > 1 ? scope.fill([mult, 1], 1) : undefined;
    const grad = new PhaseAccumulator(scope, layout);
    for (let i = 0; i < fh; i++) {
      for (let j = 0; j < fw; j++) {
        const w = scope.reshape(scope.slice(filter, [i, j, 0, 0], [1, 1, c, mult]), [1, c, mult]);
        const product = scope.multiply(dyRows, w);
        const perChannel =
          sumOverM === undefined
            ? product
            : scope.matMul(scope.reshape(product, [layout.rows * c, mult]), sumOverM, false, false);
        grad.add(i, j, scope.reshape(perChannel, [layout.rows, c]));
      }
    }
    return grad.toInput();
  });
};

export const depthwiseFilterGradConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropFilter,
  backendName: WASM,
  kernelFunc: depthwiseFilterGradWasm,
};

export const depthwiseInputGradConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropInput,
  backendName: WASM,
  kernelFunc: depthwiseInputGradWasm,
};
