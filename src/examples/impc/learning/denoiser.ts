/**
 * The IMU denoiser f(θ, ·) as plain TypeScript: the same network as model.ts (tfjs), evaluated on typed arrays
 * so the closed loop can run it at every IMU sample without a GPU round trip. Training reads θ once per step,
 * flies with this forward pass, and lets tfjs differentiate the identical network for the update.
 *
 * One small MLP per gyro axis a. Input: the window of the last WINDOW raw readings of the two other axes
 * (normalised). Output: a correction of axis a's newest reading (rad/s), added to it:
 *   c_a = OUTPUT_SCALE · (W3_a tanh(W2_a tanh(W1_a v_a)) + Ws_a v_a),   gyro'_a = gyro_a + c_a.
 * Two freedoms are left out on purpose, because the gap cost cannot tell them apart from something else:
 *   - rescaling an axis's own reading trades off exactly against that axis's inertia (a 5 % weak gyro looks
 *     like a 5 % heavier vehicle), so an axis never reads itself;
 *   - a constant correction shifts x_k and y_{k+1} alike and is invisible to the gap, so the network has no
 *     biases and is odd (c(0) = 0): it cannot drift to a bias that nothing pulls back.
 * What it can learn is what the IMU gets systematically wrong and the dynamics expose: the cross-axis
 * sensitivity (a roll rate leaking into the pitch reading). The accelerometer passes through: its errors
 * trade off against the mass in the gap. The last layer and the skip start at zero: untrained = raw IMU.
 */
import type { ImuSample } from '../vehicle/imu';

export const WINDOW = 8;
/** Inputs per axis: the two other axes over the window. */
export const INPUT_SIZE = 2 * WINDOW;
export const HIDDEN = 16;
export const AXES = 3;
/** rad/s per unit of network output. */
export const OUTPUT_SCALE = 0.1;
const GYRO_SCALE = 2;

/** Shapes of θ's tensors (one slice per axis), in the order of the problem's variables. */
export const DENOISER_SHAPES: readonly (readonly number[])[] = [
  [AXES, INPUT_SIZE, HIDDEN],
  [AXES, HIDDEN, HIDDEN],
  [AXES, HIDDEN, 1],
  [AXES, INPUT_SIZE, 1],
];
export const DENOISER_NAMES = ['W1', 'W2', 'W3', 'Ws'] as const;

const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
export const DENOISER_PARAMETER_COUNT = DENOISER_SHAPES.reduce((s, shape) => s + sizeOf(shape), 0);

/** Offsets of each tensor in the flat θ vector (row-major, as tfjs flattens). */
const OFFSETS = DENOISER_SHAPES.reduce<number[]>((acc, shape, i) => [...acc, acc[i] + sizeOf(shape)], [0]);

/**
 * Writes the normalised inputs of all three axes for the window ending at `history[end]` (older samples
 * repeat the first one): AXES × INPUT_SIZE values, axis-major, starting at `offset`.
 */
export function windowFeatures(
  history: readonly ImuSample[],
  end: number,
  out: Float32Array | Float64Array,
  offset = 0,
): void {
  for (let a = 0; a < AXES; a++) {
    const others = [(a + 1) % 3, (a + 2) % 3];
    for (let j = 0; j < WINDOW; j++) {
      const s = history[Math.max(0, end - (WINDOW - 1) + j)];
      const o = offset + a * INPUT_SIZE + 2 * j;
      out[o] = s.gyro[others[0]] / GYRO_SCALE;
      out[o + 1] = s.gyro[others[1]] / GYRO_SCALE;
    }
  }
}

/** The network's outputs (before OUTPUT_SCALE) for one window's features (AXES × INPUT_SIZE), θ flat. */
export function denoiserOutput(theta: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
  const [oW1, oW2, oW3, oWs] = OFFSETS;
  const out = new Float64Array(AXES);
  const h1 = new Float64Array(HIDDEN);
  const h2 = new Float64Array(HIDDEN);
  for (let a = 0; a < AXES; a++) {
    const va = a * INPUT_SIZE;
    const w1 = oW1 + a * INPUT_SIZE * HIDDEN;
    for (let j = 0; j < HIDDEN; j++) {
      let s = 0;
      for (let i = 0; i < INPUT_SIZE; i++) s += v[va + i] * theta[w1 + i * HIDDEN + j];
      h1[j] = Math.tanh(s);
    }
    const w2 = oW2 + a * HIDDEN * HIDDEN;
    for (let j = 0; j < HIDDEN; j++) {
      let s = 0;
      for (let i = 0; i < HIDDEN; i++) s += h1[i] * theta[w2 + i * HIDDEN + j];
      h2[j] = Math.tanh(s);
    }
    let s = 0;
    for (let i = 0; i < HIDDEN; i++) s += h2[i] * theta[oW3 + a * HIDDEN + i];
    for (let i = 0; i < INPUT_SIZE; i++) s += v[va + i] * theta[oWs + a * INPUT_SIZE + i];
    out[a] = s;
  }
  return out;
}

/** The denoised sample: raw gyro plus the scaled correction; the accelerometer passes through. */
export function applyCorrection(raw: ImuSample, out: ArrayLike<number>): ImuSample {
  return {
    gyro: Float64Array.from(raw.gyro, (g, a) => g + OUTPUT_SCALE * out[a]),
    accel: raw.accel,
  };
}

/**
 * A causal denoiser for the closed loop: keeps the last WINDOW raw samples of the flight, so each new sample
 * is corrected from its own window. Null θ means "raw IMU" (no correction); θ may change between intervals
 * (training updates it every step) without losing the window.
 */
export interface StreamingDenoiser {
  setTheta(theta: ArrayLike<number> | null): void;
  /** Forgets the window (a new flight). */
  reset(): void;
  denoise(samples: readonly ImuSample[]): ImuSample[];
}

export function createStreamingDenoiser(initial: ArrayLike<number> | null): StreamingDenoiser {
  const history: ImuSample[] = [];
  const v = new Float64Array(AXES * INPUT_SIZE);
  let theta = initial;
  return {
    setTheta(next) {
      theta = next;
    },
    reset() {
      history.length = 0;
    },
    denoise(samples) {
      return samples.map((s) => {
        history.push(s);
        if (history.length > WINDOW) history.shift();
        if (!theta) return s;
        windowFeatures(history, history.length - 1, v);
        return applyCorrection(s, denoiserOutput(theta, v));
      });
    },
  };
}
