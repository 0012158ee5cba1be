import * as tf from '@tensorflow/tfjs';
import { withStockWasmKernel } from '../../../kernels/wasm/index.ts';
import { createRng } from '../../../il/rng.ts';

/**
 * Neural A*'s CNN encoder (omron-sinicx/neural-astar `CNN`, encoder depth 4): five 3×3 stride-1 'same' convolutions
 * 2 → 32 → 64 → 128 → 256 → 1, each followed by batch norm (batch statistics, as in training) and ReLU except the
 * last, then a sigmoid: the cost map. One training step = forward, L1 to a fixed target, backward, Adam, as in
 * Neural A*'s training minus the search (timed apart: msDastarBatch). Inputs: the map and start + goal channels.
 * This is only a timing harness for the published network, not the network this page trains (model.ts).
 */
const CHANNELS = [2, 32, 64, 128, 256, 1];

interface CnnStep {
  /** Runs one step and waits for it (reads back the loss). */
  step: () => number;
  dispose: () => void;
}

function makeCnnStep(batch: number, size: number, seed: number): CnnStep {
  const rng = createRng(seed);
  const normal = (n: number, scale: number) => Float32Array.from({ length: n }, () => rng.normal() * scale);
  const vars: tf.Variable[] = [];
  const layers = CHANNELS.slice(1).map((out, k) => {
    const inC = CHANNELS[k];
    const w = tf.variable(tf.tensor4d(normal(9 * inC * out, Math.sqrt(2 / (9 * inC))), [3, 3, inC, out]));
    const b = tf.variable(tf.zeros([out]));
    const gamma = tf.variable(tf.ones([out]));
    const beta = tf.variable(tf.zeros([out]));
    vars.push(w, b, gamma, beta);
    return { w, b, gamma, beta };
  });
  const cells = batch * size * size;
  const x = tf.tensor4d(
    Float32Array.from({ length: cells * 2 }, (_, i) => (i % 2 === 0 ? (rng.next() < 0.25 ? 0 : 1) : 0)),
    [batch, size, size, 2],
  );
  const target = tf.tensor4d(
    Float32Array.from({ length: cells }, () => (rng.next() < 0.1 ? 1 : 0)),
    [batch, size, size, 1],
  );
  const optimizer = tf.train.adam(1e-3);
  const loss = (): tf.Scalar =>
    tf.tidy(() => {
      let h: tf.Tensor4D = x;
      layers.forEach(({ w, b, gamma, beta }, k) => {
        const z = tf.add(tf.conv2d(h, w as tf.Tensor4D, 1, 'same'), b);
        const { mean, variance } = tf.moments(z, [0, 1, 2]);
        const normed = tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta);
        h = (k < layers.length - 1 ? tf.relu(normed) : tf.sigmoid(normed)) as tf.Tensor4D;
      });
      return tf.mean(tf.abs(tf.sub(h, target)));
    });
  return {
    step: () =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, vars);
        optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
        return value.dataSync()[0];
      }),
    dispose: () => {
      optimizer.dispose();
      tf.dispose([...vars, x, target]);
    },
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Median ms of `runs` steps after `warmups` (batch, size), on the active backend. */
export function timeCnnStep(batch: number, size: number, warmups: number, runs: number, seed = 1): number {
  const cnn = makeCnnStep(batch, size, seed);
  try {
    for (let i = 0; i < warmups; i++) cnn.step();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      cnn.step();
      times.push(performance.now() - t0);
    }
    return median(times);
  } finally {
    cnn.dispose();
  }
}

/** Same, with wasm's stock Conv2DBackpropInput in place of this project's (the "before" figure). */
export async function timeCnnStepStockInputGrad(
  batch: number,
  size: number,
  warmups: number,
  runs: number,
): Promise<number> {
  return withStockWasmKernel('Conv2DBackpropInput', tf.backend(), () =>
    Promise.resolve(timeCnnStep(batch, size, warmups, runs)),
  );
}

/** Bytes of the wasm backend's heap (it only grows: read after a step, it bounds the step's peak); null off wasm. */
export function wasmHeapBytes(): number | null {
  const backend = tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } };
  return backend.wasm?.HEAPU8?.byteLength ?? null;
}

export interface StepMemory {
  what: string;
  /** The wasm heap's size before and after one step, MB (after ≥ the step's peak of live wasm buffers). */
  wasmHeapMBBefore: number;
  wasmHeapMBAfter: number;
  /** tfjs's count of bytes held by live tensors after the step (weights, optimiser state, data), MB. */
  tensorMBAfter: number;
}

/** Wasm heap around `step` (run once); null off wasm. Meaningful as the first big allocation in a process. */
export async function measureStepMemory(what: string, step: () => Promise<void>): Promise<StepMemory | null> {
  const before = wasmHeapBytes();
  if (before === null) return null;
  await step();
  const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
  return {
    what,
    wasmHeapMBBefore: mb(before),
    wasmHeapMBAfter: mb(wasmHeapBytes() ?? before),
    tensorMBAfter: mb(tf.memory().numBytes),
  };
}

/** One Neural A* CNN step at (batch, size), for `measureStepMemory`. */
export function cnnStepOnce(batch: number, size: number): Promise<void> {
  const cnn = makeCnnStep(batch, size, 2);
  try {
    cnn.step();
  } finally {
    cnn.dispose();
  }
  return Promise.resolve();
}
