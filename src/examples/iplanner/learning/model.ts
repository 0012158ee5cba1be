/**
 * The network f(θ, x) of iPlanner: a small CNN on the depth image plus a goal encoder, giving k key points
 * (robot frame, metres) and a collision probability, the fear. Functional tfjs ops on seeded variables, fixed
 * shapes per batch size, NHWC.
 *
 *   depth [B, 32, 64, 1] (nearness 1 − z-depth / maxRange, 0 = no return)
 *     → conv 3×3/2 (8) → conv 3×3/2 (16) → conv 3×3/2 (32) → [B, 4, 8, 32] → dense 64      (visual features)
 *   goal  [B, 2] (robot frame, m) → (x, y, ‖g‖)/horizon → dense 32                         (goal features)
 *   concat → dense 64 → key-point offsets Δ [B, k, 2] and the fear logit
 *
 * The key points are the straight line to the goal plus the learned offsets, p_i = (i/k)·g + Δ_i, so an untrained
 * network already plans "straight at the goal" and training only has to learn where to bend (iPlanner's network
 * predicts the points directly; the straight-line prior is this example's choice, to learn within a minute).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../../il/rng.ts';
import { trainableVariable } from '../../../il/variables.ts';

export const IMAGE_HEIGHT = 32;
export const IMAGE_WIDTH = 64;
/** k: key points per plan (the start is extra). */
export const KEYPOINTS = 5;

export interface PlannerNetSpec {
  /** Channels of the three stride-2 convolutions. */
  channels: [number, number, number];
  visualFeatures: number;
  goalFeatures: number;
  hidden: number;
  /** Metres per unit of the goal input (the planning horizon). */
  horizon: number;
  /** Metres per unit of the offset head's output. */
  offsetScale: number;
  /** Offsets along and across the direction to the goal (true) or along the robot's axes (false). */
  goalFrame: boolean;
  /** Add an image channel that marks the goal's bearing (a Gaussian over image columns, σ in rad); 0: none. */
  goalChannelSigma: number;
  /** Horizontal field of view (rad) of the depth image, for the goal channel's column bearings. */
  hfov: number;
}

export const DEFAULT_NET_SPEC: PlannerNetSpec = {
  channels: [8, 16, 32],
  visualFeatures: 64,
  goalFeatures: 32,
  hidden: 64,
  horizon: 10,
  offsetScale: 1,
  goalFrame: true,
  goalChannelSigma: 0,
  hfov: Math.PI / 2,
};

export interface PlannerOutput {
  /** [B, k, 2]: key points p₁..p_k, robot frame (m). */
  keypoints: tf.Tensor3D;
  /** [B]: collision probability in (0, 1). */
  fear: tf.Tensor1D;
}

export interface PlannerNet {
  readonly spec: PlannerNetSpec;
  /** θ, in a fixed order (checkpoints match by order and shape). */
  readonly variables: tf.Variable[];
  /** f(θ, x) for a batch: nearness images [B, H, W, 1] (normaliseDepth) and the goal [B, 2] (robot frame, m). */
  apply(depth: tf.Tensor4D, goal: tf.Tensor2D): PlannerOutput;
  dispose(): void;
}

/** He-normal weights (σ = gain·√(2 / fan-in)) from the seeded stream. */
function heNormal(rng: Rng, shape: number[], fanIn: number, gain = 1): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const std = gain * Math.sqrt(2 / fanIn);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = std * rng.normal();
  return tf.tensor(values, shape);
}

/** Spatial size after the three stride-2 'same' convolutions. */
function encodedSize(): { h: number; w: number } {
  let h = IMAGE_HEIGHT;
  let w = IMAGE_WIDTH;
  for (let i = 0; i < 3; i++) {
    h = Math.ceil(h / 2);
    w = Math.ceil(w / 2);
  }
  return { h, w };
}

export function createPlannerNet(seed: number, spec: PlannerNetSpec = DEFAULT_NET_SPEC): PlannerNet {
  const rng = createRng(seed).fork('iplanner-net');
  const vars: tf.Variable[] = [];
  const make = (name: string, init: tf.Tensor): tf.Variable => {
    const v = trainableVariable(`iplanner/${name}`, init);
    vars.push(v);
    return v;
  };
  const [c1, c2, c3] = spec.channels;
  const inChannels = spec.goalChannelSigma > 0 ? 2 : 1;
  const conv = [
    {
      w: make('conv1/kernel', heNormal(rng, [3, 3, inChannels, c1], 9 * inChannels)),
      b: make('conv1/bias', tf.zeros([c1])),
    },
    { w: make('conv2/kernel', heNormal(rng, [3, 3, c1, c2], 9 * c1)), b: make('conv2/bias', tf.zeros([c2])) },
    { w: make('conv3/kernel', heNormal(rng, [3, 3, c2, c3], 9 * c2)), b: make('conv3/bias', tf.zeros([c3])) },
  ];
  const { h, w } = encodedSize();
  const flat = h * w * c3;
  const dense = (name: string, inputs: number, outputs: number, gain = 1) => ({
    w: make(`${name}/kernel`, heNormal(rng, [inputs, outputs], inputs, gain)),
    b: make(`${name}/bias`, tf.zeros([outputs])),
  });
  const visual = dense('visual', flat, spec.visualFeatures);
  const goalEnc = dense('goal', 3, spec.goalFeatures);
  const hidden = dense('hidden', spec.visualFeatures + spec.goalFeatures, spec.hidden);
  // Small heads: the untrained plan is close to the straight line, the untrained fear close to 0.5.
  const offsets = dense('offsets', spec.hidden, 2 * KEYPOINTS, 0.1);
  const fearHead = dense('fear', spec.hidden, 1, 0.1);
  const fractions = tf.tensor3d(
    Array.from({ length: KEYPOINTS }, (_, i) => (i + 1) / KEYPOINTS),
    [1, KEYPOINTS, 1],
  );
  // Bearing of each image column's centre (left positive), for the goal channel.
  const focal = IMAGE_WIDTH / 2 / Math.tan(spec.hfov / 2);
  const columnBearings = tf.tensor2d(
    Array.from({ length: IMAGE_WIDTH }, (_, u) => Math.atan((IMAGE_WIDTH / 2 - u - 0.5) / focal)),
    [1, IMAGE_WIDTH],
  );
  const constants = [fractions, columnBearings];

  const affine = (
    x: tf.Tensor2D,
    layer: { w: tf.Variable; b: tf.Variable },
    activation: 'linear' | 'relu' = 'linear',
  ): tf.Tensor2D =>
    tf.fused.matMul({ a: x, b: layer.w as tf.Tensor2D, bias: layer.b, activation }) as tf.Tensor2D;

  return {
    spec,
    variables: vars,
    apply(depth, goal) {
      return tf.tidy(() => {
        const batch = depth.shape[0];
        const [gx, gy] = tf.split(goal, 2, 1);
        let x: tf.Tensor4D = depth;
        if (spec.goalChannelSigma > 0) {
          const offBearing = tf.div(tf.sub(columnBearings, tf.atan2(gy, gx)), spec.goalChannelSigma);
          const mark = tf.exp(tf.mul(-0.5, tf.square(offBearing)));
          const channel = tf.tile(tf.reshape(mark, [batch, 1, IMAGE_WIDTH, 1]), [1, IMAGE_HEIGHT, 1, 1]);
          x = tf.concat([depth, channel], 3) as tf.Tensor4D;
        }
        // Fused conv/matmul + bias + ReLU: fewer ops per call, which is what a batch of one pays for.
        for (const layer of conv)
          x = tf.fused.conv2d({
            x,
            filter: layer.w as tf.Tensor4D,
            strides: 2,
            pad: 'same',
            bias: layer.b,
            activation: 'relu',
          });
        const v = affine(tf.reshape(x, [batch, flat]) as tf.Tensor2D, visual, 'relu');
        const g = tf.div(goal, spec.horizon) as tf.Tensor2D;
        const norm = tf.sqrt(tf.add(tf.sum(tf.square(g), 1, true), 1e-12));
        const ge = affine(tf.concat([g, norm], 1) as tf.Tensor2D, goalEnc, 'relu');
        const hid = affine(tf.concat([v, ge], 1) as tf.Tensor2D, hidden, 'relu');
        let delta = tf.reshape(tf.mul(affine(hid, offsets), spec.offsetScale), [batch, KEYPOINTS, 2]);
        if (spec.goalFrame) {
          // (along, across) the goal direction u → robot frame: along·u + across·u⊥, u⊥ = (−u_y, u_x).
          const len = tf.sqrt(tf.add(tf.add(tf.square(gx), tf.square(gy)), 1e-9));
          const ux = tf.reshape(tf.div(gx, len), [batch, 1]);
          const uy = tf.reshape(tf.div(gy, len), [batch, 1]);
          const [along, across] = tf.split(delta, 2, 2).map((t) => tf.reshape(t, [batch, KEYPOINTS]));
          delta = tf.stack(
            [tf.sub(tf.mul(along, ux), tf.mul(across, uy)), tf.add(tf.mul(along, uy), tf.mul(across, ux))],
            2,
          );
        }
        const prior = tf.mul(tf.reshape(goal, [batch, 1, 2]), fractions);
        const keypoints = tf.add(prior, delta) as tf.Tensor3D;
        const fear = tf.sigmoid(tf.reshape(affine(hid, fearHead), [batch])) as tf.Tensor1D;
        return { keypoints, fear };
      });
    },
    dispose() {
      tf.dispose(vars);
      tf.dispose(constants);
    },
  };
}

/** The goal as the network sees it: robot frame, pulled in to the planning horizon if it lies beyond. */
export function clipGoal(x: number, y: number, horizon: number): { x: number; y: number } {
  const d = Math.hypot(x, y);
  return d > horizon ? { x: (x * horizon) / d, y: (y * horizon) / d } : { x, y };
}

/**
 * z-depth (m) → the network's input, nearness 1 − depth / maxRange: near obstacles are large, and "no return" (0:
 * nothing within range, or a dropped pixel) reads as far away, which is what it usually means.
 */
export function normaliseDepth(depth: Float32Array, maxRange: number, out: Float32Array, offset = 0): void {
  for (let i = 0; i < depth.length; i++)
    out[offset + i] = depth[i] > 0 ? Math.max(0, 1 - depth[i] / maxRange) : 0;
}
