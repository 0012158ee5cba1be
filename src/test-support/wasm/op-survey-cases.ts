import * as tf from '@tensorflow/tfjs';
import type { OpCase } from './op-survey';

type T4 = tf.Tensor4D;
type T5 = tf.Tensor5D;
const t4 = (x: tf.Tensor): T4 => x as T4;
const t5 = (x: tf.Tensor): T5 => x as T5;

/** The building blocks of a small CNN / U-Net: convolutions, pooling, resizing, normalisation. */
const convNetCases: OpCase[] = [
  {
    name: 'conv2d 3x3 s1 same',
    shapes: [
      [2, 7, 8, 3],
      [3, 3, 3, 4],
    ],
    f: (x, w) => tf.conv2d(t4(x), t4(w), 1, 'same'),
  },
  {
    name: 'conv2d 3x3 s2 valid',
    shapes: [
      [2, 9, 8, 3],
      [3, 3, 3, 4],
    ],
    f: (x, w) => tf.conv2d(t4(x), t4(w), 2, 'valid'),
  },
  {
    name: 'conv2d 4x4 s3 explicit',
    shapes: [
      [1, 11, 10, 2],
      [4, 4, 2, 3],
    ],
    f: (x, w) =>
      tf.conv2d(t4(x), t4(w), 3, [
        [0, 0],
        [2, 1],
        [0, 2],
        [0, 0],
      ]),
  },
  {
    name: 'conv2d NCHW',
    shapes: [
      [2, 3, 7, 6],
      [3, 3, 3, 4],
    ],
    f: (x, w) => tf.conv2d(t4(x), t4(w), 2, 'same', 'NCHW'),
  },
  {
    name: 'conv1d s2',
    shapes: [
      [2, 9, 3],
      [3, 3, 4],
    ],
    f: (x, w) => tf.conv1d(x as tf.Tensor3D, w as tf.Tensor3D, 2, 'same'),
  },
  {
    name: 'conv2dTranspose s2 same',
    shapes: [
      [2, 4, 5, 4],
      [3, 3, 3, 4],
    ],
    f: (x, w) => tf.conv2dTranspose(t4(x), t4(w), [2, 8, 10, 3], 2, 'same'),
  },
  {
    name: 'conv2dTranspose s2 valid',
    shapes: [
      [2, 4, 4, 4],
      [3, 3, 3, 4],
    ],
    f: (x, w) => tf.conv2dTranspose(t4(x), t4(w), [2, 9, 9, 3], 2, 'valid'),
  },
  {
    name: 'fused conv2d bias+relu',
    shapes: [[2, 8, 8, 3], [3, 3, 3, 4], [4]],
    f: (x, w, b) =>
      tf.fused.conv2d({ x: t4(x), filter: t4(w), strides: 2, pad: 'same', bias: b, activation: 'relu' }),
  },
  {
    name: 'depthwiseConv2d s1 same',
    shapes: [
      [2, 7, 6, 3],
      [3, 3, 3, 2],
    ],
    f: (x, w) => tf.depthwiseConv2d(t4(x), t4(w), 1, 'same'),
  },
  {
    name: 'depthwiseConv2d s2 valid',
    shapes: [
      [2, 9, 8, 3],
      [3, 3, 3, 1],
    ],
    f: (x, w) => tf.depthwiseConv2d(t4(x), t4(w), 2, 'valid'),
  },
  {
    name: 'depthwiseConv2d 4x4 s3 explicit',
    shapes: [
      [1, 11, 10, 2],
      [4, 4, 2, 3],
    ],
    f: (x, w) =>
      tf.depthwiseConv2d(t4(x), t4(w), 3, [
        [0, 0],
        [2, 1],
        [0, 2],
        [0, 0],
      ]),
  },
  {
    name: 'separableConv2d',
    shapes: [
      [1, 8, 8, 3],
      [3, 3, 3, 2],
      [1, 1, 6, 4],
    ],
    f: (x, d, p) => tf.separableConv2d(t4(x), t4(d), t4(p), 1, 'same'),
  },
  {
    name: 'conv3d s2',
    shapes: [
      [1, 5, 6, 6, 2],
      [3, 3, 3, 2, 3],
    ],
    f: (x, w) => tf.conv3d(t5(x), t5(w), 2, 'same'),
  },
  { name: 'maxPool 2x2 s2', shapes: [[2, 8, 8, 3]], f: (x) => tf.maxPool(t4(x), 2, 2, 'valid') },
  { name: 'maxPool 3x3 s2 same', shapes: [[2, 7, 9, 3]], f: (x) => tf.maxPool(t4(x), 3, 2, 'same') },
  {
    name: 'maxPool after relu (ties at 0)',
    shapes: [[2, 8, 8, 3]],
    f: (x) => tf.maxPool(tf.relu(t4(x)), 2, 2, 'valid'),
  },
  { name: 'avgPool 2x2 s2', shapes: [[2, 8, 8, 3]], f: (x) => tf.avgPool(t4(x), 2, 2, 'valid') },
  { name: 'avgPool 3x3 s1 same', shapes: [[2, 7, 6, 3]], f: (x) => tf.avgPool(t4(x), 3, 1, 'same') },
  { name: 'maxPool3d', shapes: [[1, 4, 4, 4, 2]], f: (x) => tf.maxPool3d(t5(x), 2, 2, 'valid') },
  { name: 'avgPool3d', shapes: [[1, 4, 4, 4, 2]], f: (x) => tf.avgPool3d(t5(x), 2, 2, 'valid') },
  {
    name: 'resizeBilinear x2',
    shapes: [[2, 4, 5, 3]],
    gradReference: 'adjoint',
    f: (x) => tf.image.resizeBilinear(t4(x), [8, 10]),
  },
  {
    name: 'resizeBilinear alignCorners',
    shapes: [[2, 4, 5, 3]],
    gradReference: 'adjoint',
    f: (x) => tf.image.resizeBilinear(t4(x), [7, 9], true),
  },
  {
    name: 'resizeBilinear halfPixel down',
    shapes: [[2, 8, 9, 3]],
    gradReference: 'adjoint',
    f: (x) => tf.image.resizeBilinear(t4(x), [5, 4], false, true),
  },
  {
    name: 'resizeNearestNeighbor x2',
    shapes: [[2, 4, 5, 3]],
    gradReference: 'adjoint',
    f: (x) => tf.image.resizeNearestNeighbor(t4(x), [8, 10]),
  },
  {
    name: 'resizeNearestNeighbor halfPixel',
    shapes: [[2, 5, 4, 3]],
    gradReference: 'adjoint',
    f: (x) => tf.image.resizeNearestNeighbor(t4(x), [7, 9], false, true),
  },
  {
    name: 'batchNorm',
    shapes: [[2, 4, 4, 3], [3], [3], [3], [3]],
    f: (x, m, v, o, s) => tf.batchNorm(x, m, tf.add(tf.square(v), 0.5), o, s, 1e-3),
  },
  {
    name: 'moments (instance norm)',
    shapes: [[2, 4, 4, 3]],
    f: (x) => {
      const { mean, variance } = tf.moments(x, [1, 2], true);
      return tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-3)));
    },
  },
  {
    name: 'localResponseNormalization',
    shapes: [[1, 4, 4, 6]],
    f: (x) => tf.localResponseNormalization(t4(x), 2),
  },
  {
    name: 'spaceToBatchND / batchToSpaceND',
    shapes: [[1, 4, 4, 2]],
    f: (x) =>
      tf.batchToSpaceND(
        tf
          .spaceToBatchND(
            x,
            [2, 2],
            [
              [0, 0],
              [0, 0],
            ],
          )
          .mul(2),
        [2, 2],
        [
          [0, 0],
          [0, 0],
        ],
      ),
  },
  {
    name: 'dilation2d',
    shapes: [
      [1, 5, 5, 2],
      [2, 2, 2],
    ],
    f: (x, w) => tf.dilation2d(t4(x), w as tf.Tensor3D, 1, 'same'),
  },
];

/** Activations, elementwise maths, reductions and losses an MLP or a training loop uses. */
const elementwiseCases: OpCase[] = [
  { name: 'relu', shapes: [[3, 5]], f: (x) => tf.relu(x) },
  { name: 'relu6', shapes: [[3, 5]], f: (x) => tf.relu6(tf.mul(x, 4)) },
  { name: 'leakyRelu', shapes: [[3, 5]], f: (x) => tf.leakyRelu(x, 0.1) },
  { name: 'elu', shapes: [[3, 5]], f: (x) => tf.elu(x) },
  { name: 'selu', shapes: [[3, 5]], f: (x) => tf.selu(x) },
  { name: 'prelu', shapes: [[3, 5], [5]], f: (x, a) => tf.prelu(x, a) },
  { name: 'sigmoid', shapes: [[3, 5]], f: (x) => tf.sigmoid(x) },
  { name: 'logSigmoid', shapes: [[3, 5]], f: (x) => tf.logSigmoid(x) },
  { name: 'tanh', shapes: [[3, 5]], f: (x) => tf.tanh(x) },
  { name: 'softplus', shapes: [[3, 5]], f: (x) => tf.softplus(x) },
  { name: 'softmax', shapes: [[3, 5]], f: (x) => tf.softmax(x) },
  { name: 'logSoftmax', shapes: [[3, 5]], f: (x) => tf.logSoftmax(x) },
  { name: 'erf', shapes: [[3, 5]], f: (x) => tf.erf(x) },
  { name: 'swish x·sigmoid(x)', shapes: [[3, 5]], f: (x) => tf.mul(x, tf.sigmoid(x)) },
  { name: 'clipByValue', shapes: [[3, 5]], f: (x) => tf.clipByValue(x, -0.5, 0.5) },
  {
    name: 'add/sub/mul/div broadcast',
    shapes: [[3, 5], [5], [3, 1]],
    f: (a, b, c) => tf.div(tf.mul(tf.sub(tf.add(a, b), c), a), tf.add(tf.square(c), 1)),
  },
  {
    name: 'square/sqrt/rsqrt',
    shapes: [[3, 5]],
    domain: 'positive',
    f: (x) => tf.add(tf.sqrt(x), tf.mul(tf.rsqrt(x), tf.square(x))),
  },
  {
    name: 'exp/log/log1p',
    shapes: [[3, 5]],
    domain: 'positive',
    f: (x) => tf.add(tf.log(x), tf.mul(tf.exp(tf.neg(x)), tf.log1p(x))),
  },
  { name: 'abs/sign', shapes: [[3, 5]], f: (x) => tf.mul(tf.abs(x), 2) },
  {
    name: 'pow',
    shapes: [
      [3, 5],
      [3, 5],
    ],
    domain: 'positive',
    f: (a, b) => tf.pow(a, b),
  },
  { name: 'reciprocal', shapes: [[3, 5]], domain: 'positive', f: (x) => tf.reciprocal(x) },
  {
    name: 'squaredDifference',
    shapes: [
      [3, 5],
      [3, 5],
    ],
    f: (a, b) => tf.squaredDifference(a, b),
  },
  {
    name: 'maximum/minimum',
    shapes: [
      [3, 5],
      [3, 5],
    ],
    f: (a, b) => tf.add(tf.maximum(a, b), tf.mul(tf.minimum(a, b), 3)),
  },
  {
    name: 'sin/cos/atan2',
    shapes: [
      [3, 5],
      [3, 5],
    ],
    f: (a, b) => tf.add(tf.mul(tf.sin(a), tf.cos(b)), tf.atan2(a, b)),
  },
  { name: 'asin/atanh', shapes: [[3, 5]], domain: 'unit', f: (x) => tf.add(tf.asin(x), tf.atanh(x)) },
  {
    name: 'where',
    shapes: [
      [3, 5],
      [3, 5],
    ],
    f: (a, b) =>
      tf.where(
        tf.tensor2d(
          [
            [1, 0, 0, 1, 1],
            [0, 1, 1, 0, 0],
            [1, 1, 0, 1, 0],
          ],
          [3, 5],
          'bool',
        ),
        a,
        tf.mul(b, 2),
      ),
  },
  { name: 'sum/mean axes', shapes: [[2, 3, 4]], f: (x) => tf.add(tf.sum(x, [0, 2]), tf.mean(x, [0, 2])) },
  { name: 'max/min reduction', shapes: [[3, 5]], f: (x) => tf.add(tf.max(x, 1), tf.min(x, 1)) },
  { name: 'prod', shapes: [[3, 4]], f: (x) => tf.prod(x, 1) },
  { name: 'cumsum', shapes: [[3, 5]], f: (x) => tf.cumsum(x, 1) },
  { name: 'euclideanNorm', shapes: [[3, 5]], f: (x) => tf.euclideanNorm(x, 1) },
  {
    name: 'matMul (transposes)',
    shapes: [
      [4, 3],
      [5, 4],
    ],
    f: (a, b) => tf.matMul(a, b, true, true),
  },
  {
    name: 'batched matMul',
    shapes: [
      [2, 3, 4],
      [2, 4, 5],
    ],
    f: (a, b) => tf.matMul(a, b),
  },
  {
    name: 'fused matMul bias+relu',
    shapes: [[4, 3], [3, 5], [5]],
    f: (a, b, c) =>
      tf.fused.matMul({ a: a as tf.Tensor2D, b: b as tf.Tensor2D, bias: c, activation: 'relu' }),
  },
];

/** Shape plumbing (skip connections, crops, embeddings) and the losses. */
const plumbingCases: OpCase[] = [
  {
    name: 'concat axis 3',
    shapes: [
      [2, 3, 3, 2],
      [2, 3, 3, 4],
    ],
    f: (a, b) => tf.concat([a, b], 3),
  },
  { name: 'slice', shapes: [[2, 6, 6, 3]], f: (x) => tf.slice(x, [0, 1, 2, 0], [2, 3, 4, 3]) },
  {
    name: 'pad / mirrorPad',
    shapes: [[2, 3, 3, 2]],
    f: (x) =>
      tf.add(
        tf.pad(x, [
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 0],
        ]),
        tf.mirrorPad(
          x,
          [
            [0, 0],
            [1, 1],
            [1, 1],
            [0, 0],
          ],
          'reflect',
        ),
      ),
  },
  {
    name: 'split / stack / unstack',
    shapes: [[4, 6]],
    f: (x) => {
      const [a, b] = tf.split(x, 2, 1);
      return tf.stack([...tf.unstack(a), ...tf.unstack(b)]);
    },
  },
  {
    name: 'tile / transpose / reverse',
    shapes: [[2, 3]],
    f: (x) => tf.reverse(tf.transpose(tf.tile(x, [2, 2])), 1),
  },
  {
    name: 'gather (embedding)',
    shapes: [[6, 4]],
    f: (x) => tf.gather(x, tf.tensor1d([0, 2, 2, 5, 1], 'int32')),
  },
  {
    name: 'unsortedSegmentSum',
    shapes: [[5, 3]],
    f: (x) => tf.unsortedSegmentSum(x, tf.tensor1d([0, 2, 0, 3, 2], 'int32'), 4),
  },
  {
    name: 'oneHot · x',
    shapes: [[5, 4]],
    f: (x) => tf.mul(tf.oneHot(tf.tensor1d([0, 3, 1, 2, 3], 'int32'), 4), x),
  },
  {
    name: 'meanSquaredError',
    shapes: [
      [4, 5],
      [4, 5],
    ],
    f: (a, b) => tf.losses.meanSquaredError(a, b),
  },
  {
    name: 'absoluteDifference',
    shapes: [
      [4, 5],
      [4, 5],
    ],
    f: (a, b) => tf.losses.absoluteDifference(a, b),
  },
  {
    name: 'huberLoss',
    shapes: [
      [4, 5],
      [4, 5],
    ],
    f: (a, b) => tf.losses.huberLoss(a, b),
  },
  {
    name: 'sigmoidCrossEntropy',
    shapes: [
      [4, 5],
      [4, 5],
    ],
    f: (a, b) => tf.losses.sigmoidCrossEntropy(tf.sigmoid(a), b),
  },
  {
    name: 'softmaxCrossEntropy',
    shapes: [
      [4, 5],
      [4, 5],
    ],
    f: (a, b) => tf.losses.softmaxCrossEntropy(tf.softmax(a), b),
  },
  {
    name: 'cosineDistance',
    shapes: [
      [4, 5],
      [4, 5],
    ],
    f: (a, b) => tf.losses.cosineDistance(a, b, 1),
  },
];

export const surveyCases: readonly OpCase[] = [...convNetCases, ...elementwiseCases, ...plumbingCases];
