import {
  backend_util,
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { InputPhases, outputRows, tapRowsLayout } from './tap-rows';
import { asShape4, assertShape, pairOf, requireInput } from './kernel-inputs';
import { WASM, withScope, type KernelScope } from './kernel-scope';

/** tfjs passes no dilations to this kernel (its conv2d gradient refuses them); accept them if given. */
type Attrs = Conv2DBackpropFilterAttrs & { dilations?: number | [number, number] };

const NCHW_TO_NHWC = [0, 2, 3, 1];

/**
 * dW[i, j] = Σ over output pixels of x_pad[pixel read by tap (i, j)]ᵀ · dy[pixel]: per filter tap,
 * one memcpy slice of the input's stride phase and one [Cout × rows]·[rows × Cin] matmul on the
 * wasm backend's XNNPACK path (see tap-rows.ts), stacked into the [fh, fw, Cin, Cout] filter.
 */
export function filterGradient(
  scope: KernelScope,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { filterHeight: fh, filterWidth: fw, inChannels, outChannels } = info;
  const layout = tapRowsLayout(info);
  const phases = new InputPhases(scope, x, layout);
  const dyT = scope.transpose(outputRows(scope, dy, layout), [1, 0]);
  const taps: TensorInfo[] = [];
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) {
      const rows = phases.tapRows(i, j);
      taps.push(scope.matMul(dyT, rows, false, false));
      scope.release(rows);
    }
  }
  const stacked = taps.length === 1 ? taps[0] : scope.concat(taps, 0);
  return scope.transpose(scope.reshape(stacked, [fh, fw, outChannels, inChannels]), [0, 1, 3, 2]);
}

const conv2DBackpropFilterWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape, dilations } = attrs as unknown as Attrs;
  const x = requireInput(inputs, 'x', Conv2DBackpropFilter);
  const dy = requireInput(inputs, 'dy', Conv2DBackpropFilter);
  return withScope(backend, (scope) => {
    const channelsFirst = dataFormat === 'NCHW';
    const xNhwc = channelsFirst ? scope.transpose(x, NCHW_TO_NHWC) : x;
    const dyNhwc = channelsFirst ? scope.transpose(dy, NCHW_TO_NHWC) : dy;
    const info = backend_util.computeConv2DInfo(
      asShape4(xNhwc.shape),
      filterShape,
      strides,
      pairOf(dilations, 1),
      pad,
      dimRoundingMode,
      false,
      'channelsLast',
    );
    assertShape(dyNhwc, info.outShape, 'Conv2DBackpropFilter dy (NHWC)');
    return filterGradient(scope, xNhwc, dyNhwc, info);
  });
};

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: WASM,
  kernelFunc: conv2DBackpropFilterWasm,
};
