import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../il/rng.ts';
import { trainableVariable } from '../../../il/variables.ts';
import { octile } from '../search/heuristics.ts';

/**
 * The encoder f(θ, x) of iA* / Neural A*: a small fully convolutional U-Net from (free, start, goal) maps to a
 * guidance map c ∈ (0, 1) of the same size. Three stride-2 levels, one transposed-convolution level back up with a
 * skip connection, and a head at a quarter of the resolution that is then upsampled ×4 bilinearly by fixed
 * matrices. The guidance is smooth by construction: a per-cell output learned a checkerboard (the ST gradient
 * rewards parity patterns that make diagonal zig-zags cheap) and destroyed A*'s tie-breaking. Any map size works:
 * inputs are padded (as walls) to a multiple of 8 and the output cropped back.
 */
export const GUIDANCE_NET_LEVELS = 3;
const PAD_MULTIPLE = 2 ** GUIDANCE_NET_LEVELS;

interface ConvSpec {
  name: string;
  kernel: number;
  inChannels: number;
  outChannels: number;
  transposed?: boolean;
}

const WIDTH = 16;
/**
 * Input channels: free, start, goal (the papers' three), plus three derived from the goal at every cell (dx and dy
 * to the goal, and the octile distance, all divided by the side): CoordConv-style, so a convolution knows where the
 * goal lies without a receptive field spanning the map — which is what telling a pocket from a corridor needs.
 */
export const INPUT_CHANNELS = 6;
const SPECS: ConvSpec[] = [
  { name: 'enc1a', kernel: 3, inChannels: INPUT_CHANNELS, outChannels: WIDTH },
  { name: 'enc1b', kernel: 3, inChannels: WIDTH, outChannels: WIDTH },
  { name: 'down1', kernel: 3, inChannels: WIDTH, outChannels: 2 * WIDTH },
  { name: 'down2', kernel: 3, inChannels: 2 * WIDTH, outChannels: 4 * WIDTH },
  { name: 'down3', kernel: 3, inChannels: 4 * WIDTH, outChannels: 4 * WIDTH },
  { name: 'up3', kernel: 4, inChannels: 4 * WIDTH, outChannels: 4 * WIDTH, transposed: true },
  { name: 'fuse3', kernel: 3, inChannels: 8 * WIDTH, outChannels: 4 * WIDTH },
  { name: 'head', kernel: 1, inChannels: 4 * WIDTH, outChannels: 1 },
];
const HEAD_FACTOR = 4;

export class GuidanceNet {
  readonly variables: tf.Variable[];
  private readonly weights = new Map<string, { kernel: tf.Variable; bias: tf.Variable }>();

  /** He-normal initial weights from the seed; the head's bias starts at `initialBias` (c ≈ sigmoid(bias)). */
  constructor(seed: number, initialBias = -2) {
    const rng = createRng(seed).fork('guidance-net');
    this.variables = [];
    for (const s of SPECS) {
      const fanIn = s.kernel * s.kernel * s.inChannels;
      // The head starts at zero: c is uniform, so the untrained planner is exactly A* (uniform c shifts every f
      // equally), and learning starts from the baseline instead of from noise that breaks A*'s tie-breaking.
      const std = s.name === 'head' ? 0 : Math.sqrt(2 / fanIn);
      const shape: [number, number, number, number] = s.transposed
        ? [s.kernel, s.kernel, s.outChannels, s.inChannels]
        : [s.kernel, s.kernel, s.inChannels, s.outChannels];
      const count = shape.reduce((a, b) => a * b, 1);
      const kernel = trainableVariable(
        `ia-star/${s.name}/kernel`,
        tf.tensor4d(
          Float32Array.from({ length: count }, () => std * rng.normal()),
          shape,
        ),
      );
      const bias = trainableVariable(
        `ia-star/${s.name}/bias`,
        tf.fill([s.outChannels], s.name === 'head' ? initialBias : 0),
      );
      this.weights.set(s.name, { kernel, bias });
      this.variables.push(kernel, bias);
    }
  }

  private conv(name: string, x: tf.Tensor4D, stride = 1): tf.Tensor4D {
    const { kernel, bias } = this.weights.get(name)!;
    return tf.add(tf.conv2d(x, kernel as tf.Tensor4D, stride, 'same'), bias) as tf.Tensor4D;
  }

  private up(name: string, x: tf.Tensor4D): tf.Tensor4D {
    const { kernel, bias } = this.weights.get(name)!;
    const [b, h, w] = x.shape;
    const out = kernel.shape[2] ?? 1;
    return tf.add(
      tf.conv2dTranspose(x, kernel as tf.Tensor4D, [b, h * 2, w * 2, out], 2, 'same'),
      bias,
    ) as tf.Tensor4D;
  }

  /** x: [B, H, W, 3] with H and W multiples of 8 → c: [B, H, W] in (0, 1). */
  forward(x: tf.Tensor4D): tf.Tensor3D {
    return tf.tidy(() => {
      const e1 = tf.relu(this.conv('enc1b', tf.relu(this.conv('enc1a', x))));
      const d1 = tf.relu(this.conv('down1', e1, 2));
      const d2 = tf.relu(this.conv('down2', d1, 2));
      const d3 = tf.relu(this.conv('down3', d2, 2));
      const u3 = tf.relu(this.conv('fuse3', tf.concat([tf.relu(this.up('up3', d3)), d2], 3)));
      const logits = tf.squeeze(this.conv('head', u3), [3]) as tf.Tensor3D;
      return tf.sigmoid(upsampleBilinear(logits, HEAD_FACTOR));
    });
  }

  dispose(): void {
    tf.dispose(this.variables);
  }
}

/**
 * Row-interpolation matrix R (n·factor × n) of bilinear upsampling with half-pixel centres (edges clamped):
 * out = R · in. Fixed, so its gradient is Rᵀ on every backend.
 */
export function bilinearMatrix(n: number, factor: number): Float32Array {
  const m = n * factor;
  const r = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    const src = Math.min(n - 1, Math.max(0, (i + 0.5) / factor - 0.5));
    const j0 = Math.floor(src);
    const j1 = Math.min(n - 1, j0 + 1);
    const t = src - j0;
    r[i * n + j0] += 1 - t;
    r[i * n + j1] += t;
  }
  return r;
}

/** [B, h, w] → [B, h·factor, w·factor] by separable bilinear interpolation (two matrix products). */
function upsampleBilinear(x: tf.Tensor3D, factor: number): tf.Tensor3D {
  const [b, h, w] = x.shape;
  const rxT = tf.transpose(tf.tensor2d(bilinearMatrix(w, factor), [w * factor, w]));
  const ryT = tf.transpose(tf.tensor2d(bilinearMatrix(h, factor), [h * factor, h]));
  const wide = tf.matMul(tf.reshape(x, [b * h, w]), rxT); // [B·h, W]
  const cols = tf.reshape(tf.transpose(tf.reshape(wide, [b, h, w * factor]), [0, 2, 1]), [b * w * factor, h]);
  const tall = tf.matMul(cols, ryT); // [B·W, H]
  return tf.transpose(tf.reshape(tall, [b, w * factor, h * factor]), [0, 2, 1]) as tf.Tensor3D;
}

/** Input side of the padded grid for a map side (a multiple of 8, at least the side). */
export function paddedSide(side: number): number {
  return Math.ceil(side / PAD_MULTIPLE) * PAD_MULTIPLE;
}

export interface EncodedQuery {
  width: number;
  height: number;
  blocked: Uint8Array;
  start: number;
  goal: number;
}

/**
 * Packs queries of one size into the network input [B, H', W', 6] (free, start, goal, dx, dy, octile distance to
 * the goal), padded with walls to a multiple of 8. All queries of a batch share a size (fixed shapes per example
 * keep GPU shader caches warm).
 */
export function encodeInputs(queries: readonly EncodedQuery[]): {
  input: Float32Array;
  shape: [number, number, number, number];
} {
  const { width, height } = queries[0];
  const pw = paddedSide(width);
  const ph = paddedSide(height);
  const C = INPUT_CHANNELS;
  const scale = 1 / Math.max(width, height);
  const input = new Float32Array(queries.length * ph * pw * C);
  queries.forEach((q, b) => {
    if (q.width !== width || q.height !== height) throw new Error('a batch must hold maps of one size');
    const base = b * ph * pw * C;
    const gx = q.goal % width;
    const gy = Math.floor(q.goal / width);
    for (let y = 0; y < ph; y++) {
      for (let x = 0; x < pw; x++) {
        const inside = x < width && y < height;
        const cell = y * width + x;
        const o = base + (y * pw + x) * C;
        input[o] = inside && !q.blocked[cell] ? 1 : 0;
        input[o + 1] = inside && cell === q.start ? 1 : 0;
        input[o + 2] = inside && cell === q.goal ? 1 : 0;
        input[o + 3] = (gx - x) * scale;
        input[o + 4] = (gy - y) * scale;
        input[o + 5] = octile(Math.abs(gx - x), Math.abs(gy - y)) * scale;
      }
    }
  });
  return { input, shape: [queries.length, ph, pw, C] };
}

/** Crops the network's padded output [B, H', W'] back to each map: row-major Float32Arrays of width·height. */
export function cropOutputs(
  data: Float32Array,
  batch: number,
  width: number,
  height: number,
): Float32Array[] {
  const pw = paddedSide(width);
  const ph = paddedSide(height);
  return Array.from({ length: batch }, (_, b) => {
    const out = new Float32Array(width * height);
    for (let y = 0; y < height; y++)
      out.set(data.subarray(b * ph * pw + y * pw, b * ph * pw + y * pw + width), y * width);
    return out;
  });
}

/** Scatters per-map gradients back into the padded output shape (zeros in the padding). */
export function padGradients(grads: readonly Float32Array[], width: number, height: number): Float32Array {
  const pw = paddedSide(width);
  const ph = paddedSide(height);
  const out = new Float32Array(grads.length * ph * pw);
  grads.forEach((g, b) => {
    for (let y = 0; y < height; y++) out.set(g.subarray(y * width, (y + 1) * width), b * ph * pw + y * pw);
  });
  return out;
}
