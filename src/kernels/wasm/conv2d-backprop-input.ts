import {
  backend_util,
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { asShape4, assertShape, pairOf, requireInput } from './kernel-inputs';
import { WASM, withScope, type KernelScope } from './kernel-scope';
import { padOrCrop } from './tap-rows';

/** tfjs passes no dilations to this kernel (its conv2d gradient refuses them); accept them if given. */
type Attrs = Conv2DBackpropInputAttrs & { dilations?: number | [number, number] };

const NCHW_TO_NHWC = [0, 2, 3, 1];
const NHWC_TO_NCHW = [0, 3, 1, 2];

/**
 * dx of a 2-D convolution as one forward convolution on wasm's fast (XNNPACK) Conv2D kernel.
 * dx[y] = Σ_i dy↑[y + top − i·dh] · W[i]ᵀ, with dy↑ = dy with sh − 1 zeros after each row (sw − 1 after
 * each column), so the stride's zeros sit where no output pixel read the input. Flipping the taps
 * (i → fh − 1 − i, the same for j) turns that into a stride-1 correlation, dilated by (dh, dw), of
 * dy↑ padded by (fh − 1)·dh − top rows before it, with the filter W↻[i, j, co, ci] = W[fh−1−i, fw−1−j, ci, co]:
 * exactly what Conv2D computes. Padding that would be negative (explicit pads wider than the filter)
 * is a crop of rows no output reads. At stride 1 the padding goes to Conv2D itself (no copy).
 * Cost: the forward convolution's, times sh·sw for the zeros of dy↑ (none at stride 1).
 */
export function inputGradient(
  scope: KernelScope,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { filterHeight: fh, filterWidth: fw, inChannels, outChannels } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const { top, left } = info.padInfo;
  const [n, ho, wo] = [info.batchSize, info.outHeight, info.outWidth];

  // W↻: reverse the flattened tap axis (flips both spatial axes at once), swap in and out channels.
  const taps = scope.reshape(filter, [fh * fw, inChannels, outChannels]);
  const reversed = fh * fw === 1 ? taps : scope.run('Reverse', { x: taps }, { dims: [0] });
  const flipped = scope.reshape(scope.transpose(reversed, [0, 2, 1]), [fh, fw, outChannels, inChannels]);

  // dy↑: interleave zeros rows, then columns (two rank-4 pads; nothing at stride 1).
  let spread = dy;
  if (sh > 1) {
    const rows = scope.pad(scope.reshape(spread, [n * ho, 1, wo, outChannels]), [
      [0, 0],
      [0, sh - 1],
      [0, 0],
      [0, 0],
    ]);
    spread = scope.reshape(rows, [n, ho * sh, wo, outChannels]);
  }
  if (sw > 1) {
    const cols = scope.pad(scope.reshape(spread, [n * ho * sh, wo, 1, outChannels]), [
      [0, 0],
      [0, 0],
      [0, sw - 1],
      [0, 0],
    ]);
    spread = scope.reshape(cols, [n, ho * sh, wo * sw, outChannels]);
  }
  const before: [number, number] = [(fh - 1) * dh - top, (fw - 1) * dw - left];
  const after: [number, number] = [
    info.inHeight + (fh - 1) * dh - before[0] - ho * sh,
    info.inWidth + (fw - 1) * dw - before[1] - wo * sw,
  ];
  const direct = before[0] >= 0 && before[1] >= 0 && after[0] >= 0 && after[1] >= 0;
  const conv = (x: TensorInfo, pad: 'valid' | [number, number][]): TensorInfo =>
    scope.run(
      'Conv2D',
      { x, filter: flipped },
      { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [dh, dw] },
    );
  if (direct) {
    return conv(spread, [
      [0, 0],
      [before[0], after[0]],
      [before[1], after[1]],
      [0, 0],
    ]);
  }
  const framed = padOrCrop(scope, spread, [
    [0, 0],
    [before[0], after[0]],
    [before[1], after[1]],
    [0, 0],
  ]);
  return conv(framed, 'valid');
}

const conv2DBackpropInputWasm: KernelFunc = ({ inputs, backend, attrs }) => {
  const { strides, pad, dataFormat, dimRoundingMode, inputShape, dilations } = attrs as unknown as Attrs;
  const dy = requireInput(inputs, 'dy', Conv2DBackpropInput);
  const filter = requireInput(inputs, 'filter', Conv2DBackpropInput);
  return withScope(backend, (scope) => {
    const channelsFirst = dataFormat === 'NCHW';
    const shape = asShape4(inputShape);
    const nhwcShape: [number, number, number, number] = channelsFirst
      ? [shape[0], shape[2], shape[3], shape[1]]
      : shape;
    const dyNhwc = channelsFirst ? scope.transpose(dy, NCHW_TO_NHWC) : dy;
    const info = backend_util.computeConv2DInfo(
      nhwcShape,
      asShape4(filter.shape),
      strides,
      pairOf(dilations, 1),
      pad,
      dimRoundingMode,
      false,
      'channelsLast',
    );
    assertShape(dyNhwc, info.outShape, 'Conv2DBackpropInput dy (NHWC)');
    const dx = inputGradient(scope, dyNhwc, filter, info);
    return channelsFirst ? scope.transpose(dx, NHWC_TO_NCHW) : dx;
  });
};

/**
 * Replaces tfjs-wasm 4.22's own Conv2DBackpropInput, which is correct but a plain scalar loop in C++:
 * about half of a conv-net training step (see README.md). Used by conv2d's input gradient and by
 * conv2dTranspose's forward pass.
 */
export const conv2DBackpropInputConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: WASM,
  kernelFunc: conv2DBackpropInputWasm,
};
