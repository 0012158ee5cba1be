import type { backend_util, TensorInfo } from '@tensorflow/tfjs';
import type { KernelScope } from './kernel-scope';

/**
 * A 2-D convolution (NHWC) seen tap by tap, laid out so that each filter tap is a contiguous block
 * of rows, which the wasm backend can cut out with a plain memcpy slice and feed to its fast
 * (XNNPACK) matmul. Output pixel (yo, xo) and tap (i, j) read padded-input row yo·sh + i·dh.
 * Writing i·dh = a·sh + p (p < sh), that row is yo + a of the stride phase p: the rows
 * p, p + sh, p + 2·sh, … of the padded input. So in the phase (p, q), stored as rows
 * (n, y, x) of an [N·Hq·Wq, C] matrix on a grid Hq × Wq slightly larger than the output, tap (i, j)
 * reads exactly the rows r + a·Wq + b for the output rows r: one contiguous row block.
 * Output rows off the Ho × Wo part of the grid are zero in dy, so what they meet never counts.
 */
export interface TapRowsLayout {
  info: backend_util.Conv2DInfo;
  /** Grid rows and columns of a stride phase. */
  gridH: number;
  gridW: number;
  /** Rows of one phase matrix, N·gridH·gridW (the output rows, off-grid ones included). */
  rows: number;
}

export interface TapPosition {
  phaseRow: number;
  phaseCol: number;
  /** First row of the tap's block within its phase. */
  offset: number;
}

export function tapRowsLayout(info: backend_util.Conv2DInfo): TapRowsLayout {
  const gridH =
    info.outHeight + Math.floor(((info.filterHeight - 1) * info.dilationHeight) / info.strideHeight);
  const gridW = info.outWidth + Math.floor(((info.filterWidth - 1) * info.dilationWidth) / info.strideWidth);
  return { info, gridH, gridW, rows: info.batchSize * gridH * gridW };
}

export function tapPosition(layout: TapRowsLayout, i: number, j: number): TapPosition {
  const { info } = layout;
  const di = i * info.dilationHeight;
  const dj = j * info.dilationWidth;
  const a = Math.floor(di / info.strideHeight);
  const b = Math.floor(dj / info.strideWidth);
  return { phaseRow: di % info.strideHeight, phaseCol: dj % info.strideWidth, offset: a * layout.gridW + b };
}

/**
 * Pads (positive) or crops (negative) each axis at its start and end: [before, after] per axis.
 */
export function padOrCrop(
  scope: KernelScope,
  x: TensorInfo,
  edges: [number, number][],
  padValue = 0,
): TensorInfo {
  const needsPad = edges.some(([b, a]) => b > 0 || a > 0);
  const needsCrop = edges.some(([b, a]) => b < 0 || a < 0);
  const padded = needsPad
    ? scope.pad(
        x,
        edges.map(([b, a]): [number, number] => [Math.max(b, 0), Math.max(a, 0)]),
        padValue,
      )
    : x;
  if (!needsCrop) return needsPad ? padded : scope.reshape(x, x.shape);
  const begin = edges.map(([b]) => Math.max(-b, 0));
  const size = x.shape.map((d, k) => d + edges[k][0] + edges[k][1]);
  return scope.slice(padded, begin, size);
}

/**
 * The stride phases of the padded input x ([N, H, W, C]), made on demand. Each phase is
 * [(N + 1)·gridH·gridW, C]: one extra padding image at the end, so every tap's row block fits.
 * Padding is `padValue` (0 for convolutions, −∞ for max pooling).
 */
export class InputPhases {
  private readonly made = new Map<string, TensorInfo>();
  private canvas: TensorInfo | undefined;

  constructor(
    private readonly scope: KernelScope,
    private readonly x: TensorInfo,
    private readonly layout: TapRowsLayout,
    private readonly padValue = 0,
  ) {}

  /** The [rows, C] block of the input that tap (i, j) reads, aligned with `outputRows`. */
  tapRows(i: number, j: number): TensorInfo {
    const { phaseRow, phaseCol, offset } = tapPosition(this.layout, i, j);
    const phase = this.phase(phaseRow, phaseCol);
    return this.scope.slice(phase, [offset, 0], [this.layout.rows, phase.shape[1]]);
  }

  private phase(p: number, q: number): TensorInfo {
    const key = `${p},${q}`;
    let phase = this.made.get(key);
    if (phase === undefined) {
      const { info, gridH, gridW } = this.layout;
      const c = info.inChannels;
      const images = info.batchSize + 1;
      const canvas = this.paddedCanvas();
      if (info.strideHeight === 1 && info.strideWidth === 1) {
        phase = this.scope.reshape(canvas, [images * gridH * gridW, c]);
      } else {
        // [images·gridH, sh, gridW, sw·C]: phase (p, q) is a rank-4 slice of it.
        const view = this.scope.reshape(canvas, [
          images * gridH,
          info.strideHeight,
          gridW,
          info.strideWidth * c,
        ]);
        const slice = this.scope.slice(view, [0, p, 0, q * c], [images * gridH, 1, gridW, c]);
        phase = this.scope.reshape(slice, [images * gridH * gridW, c]);
      }
      this.made.set(key, phase);
    }
    return phase;
  }

  /** x padded (or cropped) to [N + 1, gridH·sh, gridW·sw, C], its top-left at the pad offsets. */
  private paddedCanvas(): TensorInfo {
    if (this.canvas === undefined) {
      const { info, gridH, gridW } = this.layout;
      const { top, left } = info.padInfo;
      this.canvas = padOrCrop(
        this.scope,
        this.x,
        [
          [0, 1],
          [top, gridH * info.strideHeight - top - info.inHeight],
          [left, gridW * info.strideWidth - left - info.inWidth],
          [0, 0],
        ],
        this.padValue,
      );
    }
    return this.canvas;
  }
}

/** dy ([N, outH, outW, C]) on the phase grid, as [rows, C], zero on the off-grid rows. */
export function outputRows(scope: KernelScope, dy: TensorInfo, layout: TapRowsLayout): TensorInfo {
  const { info, gridH, gridW } = layout;
  const onGrid = scope.pad(dy, [
    [0, 0],
    [0, gridH - info.outHeight],
    [0, gridW - info.outWidth],
    [0, 0],
  ]);
  return scope.reshape(onGrid, [layout.rows, dy.shape[3]]);
}

/**
 * The adjoint of `InputPhases.tapRows`: adds per-tap row blocks ([rows, C], aligned with
 * `outputRows`) into the input positions the tap read, then returns the input-shaped sum.
 * Rows pushed past a phase's end come only from off-grid output rows, which must be zero.
 */
export class PhaseAccumulator {
  private readonly phases = new Map<string, TensorInfo>();

  constructor(
    private readonly scope: KernelScope,
    private readonly layout: TapRowsLayout,
  ) {}

  add(i: number, j: number, v: TensorInfo): void {
    const { phaseRow, phaseCol, offset } = tapPosition(this.layout, i, j);
    const { rows } = this.layout;
    const c = v.shape[1];
    const kept = offset === 0 ? v : this.scope.slice(v, [0, 0], [rows - offset, c]);
    const shifted =
      offset === 0
        ? v
        : this.scope.pad(kept, [
            [offset, 0],
            [0, 0],
          ]);
    const key = `${phaseRow},${phaseCol}`;
    const sum = this.phases.get(key);
    this.phases.set(key, sum === undefined ? shifted : this.scope.add(sum, shifted));
    if (sum !== undefined) this.scope.release(sum);
    if (kept !== v) this.scope.release(kept);
    if (shifted !== v && sum !== undefined) this.scope.release(shifted);
  }

  /** The accumulated gradient, [N, H, W, C]. */
  toInput(): TensorInfo {
    return phasesToInput(this.scope, this.phases, this.layout);
  }
}

/**
 * The adjoint of `InputPhases`: per-phase gradients ([rows, C] each, keyed "p,q"; absent = zero)
 * interleaved back into the padded input and cropped to the input, [N, H, W, C].
 */
export function phasesToInput(
  scope: KernelScope,
  phases: Map<string, TensorInfo>,
  layout: TapRowsLayout,
): TensorInfo {
  const { info, gridH, gridW, rows } = layout;
  const [n, c, sh, sw] = [info.batchSize, info.inChannels, info.strideHeight, info.strideWidth];
  const phase = (p: number, q: number): TensorInfo => phases.get(`${p},${q}`) ?? scope.fill([rows, c], 0);
  let canvas: TensorInfo;
  if (sh === 1 && sw === 1) {
    canvas = scope.reshape(phase(0, 0), [n, gridH, gridW, c]);
  } else {
    const bands: TensorInfo[] = [];
    for (let p = 0; p < sh; p++) {
      const cols: TensorInfo[] = [];
      for (let q = 0; q < sw; q++) cols.push(scope.reshape(phase(p, q), [n * gridH, gridW, 1, c]));
      const band = cols.length === 1 ? cols[0] : scope.concat(cols, 2);
      bands.push(scope.reshape(band, [n * gridH, 1, gridW * sw * c]));
    }
    const joined = bands.length === 1 ? bands[0] : scope.concat(bands, 1);
    canvas = scope.reshape(joined, [n, gridH * sh, gridW * sw, c]);
  }
  const { top, left } = info.padInfo;
  return padOrCrop(scope, canvas, [
    [0, 0],
    [-top, top + info.inHeight - gridH * sh],
    [-left, left + info.inWidth - gridW * sw],
    [0, 0],
  ]);
}
