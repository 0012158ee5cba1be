import type { Rng } from '../../../il/rng';

/**
 * The odometry network f(θ, x): encoder readings [left, right] → relative motion [dx, dy, dψ] (metres, radians),
 * 2 → H (tanh) → H (tanh) → 3. This plain-TypeScript copy (float64) does the supervised pre-training on robot A and the
 * supervised upper bound, so every backend starts from the same θ; the tfjs copy (network.ts) trains through the LL.
 * Layout of θ, in tfjs variable order: W1 [2, H], b1 [H], W2 [H, H], b2 [H], W3 [H, 3], b3 [3].
 */
export const INPUTS = 2;
export const OUTPUTS = 3;
/** Scales the input (encoder metres) to about unit range. */
export const INPUT_SCALE = 2;
/** Scales the raw output to motions: dψ is an order of magnitude smaller than dx. */
export const OUTPUT_SCALE = [0.5, 0.05, 0.1] as const;
/** Yaw counts more: a 0.01 rad yaw error costs what a 5 cm step error does over a 5 m run. */
const LOSS_WEIGHT = [1, 1, 25];

export interface MlpWeights {
  hidden: number;
  /** Flat parameters, in the layout above. */
  theta: Float64Array;
}

export function shapes(hidden: number): number[][] {
  return [[INPUTS, hidden], [hidden], [hidden, hidden], [hidden], [hidden, OUTPUTS], [OUTPUTS]];
}

export function parameterCount(hidden: number): number {
  return shapes(hidden).reduce((a, s) => a + s.reduce((p, q) => p * q, 1), 0);
}

export function initMlp(hidden: number, rng: Rng): MlpWeights {
  const theta = new Float64Array(parameterCount(hidden));
  let o = 0;
  for (const s of shapes(hidden)) {
    const size = s.reduce((p, q) => p * q, 1);
    const scale = s.length === 2 ? Math.sqrt(1 / s[0]) : 0;
    for (let k = 0; k < size; k++) theta[o + k] = scale * rng.normal();
    o += size;
  }
  return { hidden, theta };
}

/** Forward (and, with `upstream` = ∂loss/∂output, backward into `grad`) for one sample. */
function sample(
  w: MlpWeights,
  x0: number,
  x1: number,
  out: Float64Array,
  upstream?: Float64Array,
  grad?: Float64Array,
): void {
  const H = w.hidden;
  const t = w.theta;
  const oB1 = INPUTS * H;
  const oW2 = oB1 + H;
  const oB2 = oW2 + H * H;
  const oW3 = oB2 + H;
  const oB3 = oW3 + H * OUTPUTS;
  const a = new Float64Array(H);
  const b = new Float64Array(H);
  const u0 = x0 * INPUT_SCALE;
  const u1 = x1 * INPUT_SCALE;
  for (let h = 0; h < H; h++) a[h] = Math.tanh(u0 * t[h] + u1 * t[H + h] + t[oB1 + h]);
  for (let h = 0; h < H; h++) {
    let s = t[oB2 + h];
    for (let k = 0; k < H; k++) s += a[k] * t[oW2 + k * H + h];
    b[h] = Math.tanh(s);
  }
  for (let o = 0; o < OUTPUTS; o++) {
    let s = t[oB3 + o];
    for (let k = 0; k < H; k++) s += b[k] * t[oW3 + k * OUTPUTS + o];
    out[o] = OUTPUT_SCALE[o] * s;
  }
  if (!upstream || !grad) return;
  const dOut = [0, 1, 2].map((o) => upstream[o] * OUTPUT_SCALE[o]);
  const db = new Float64Array(H);
  for (let o = 0; o < OUTPUTS; o++) {
    grad[oB3 + o] += dOut[o];
    for (let k = 0; k < H; k++) {
      grad[oW3 + k * OUTPUTS + o] += b[k] * dOut[o];
      db[k] += t[oW3 + k * OUTPUTS + o] * dOut[o];
    }
  }
  const da = new Float64Array(H);
  for (let h = 0; h < H; h++) {
    const ds = db[h] * (1 - b[h] * b[h]);
    grad[oB2 + h] += ds;
    for (let k = 0; k < H; k++) {
      grad[oW2 + k * H + h] += a[k] * ds;
      da[k] += t[oW2 + k * H + h] * ds;
    }
  }
  for (let h = 0; h < H; h++) {
    const ds = da[h] * (1 - a[h] * a[h]);
    grad[oB1 + h] += ds;
    grad[h] += u0 * ds;
    grad[H + h] += u1 * ds;
  }
}

/** f(θ, x) for every link: x has 2 numbers per link, the result 3. */
export function predict(w: MlpWeights, x: ArrayLike<number>): Float64Array {
  const n = x.length / 2;
  const out = new Float64Array(3 * n);
  const y = new Float64Array(3);
  for (let k = 0; k < n; k++) {
    sample(w, x[2 * k], x[2 * k + 1], y);
    out.set(y, 3 * k);
  }
  return out;
}

/** Supervised regression on labelled motions (ground truth): full-batch Adam, weighted squared error. */
export function trainSupervised(
  w: MlpWeights,
  x: ArrayLike<number>,
  labels: Float64Array,
  steps: number,
  learningRate = 0.01,
): { loss: number } {
  const n = x.length / 2;
  const m = new Float64Array(w.theta.length);
  const v = new Float64Array(w.theta.length);
  const grad = new Float64Array(w.theta.length);
  const y = new Float64Array(3);
  const up = new Float64Array(3);
  let loss = 0;
  for (let step = 1; step <= steps; step++) {
    grad.fill(0);
    loss = 0;
    for (let k = 0; k < n; k++) {
      sample(w, x[2 * k], x[2 * k + 1], y);
      for (let o = 0; o < 3; o++) {
        const r = y[o] - labels[3 * k + o];
        loss += (LOSS_WEIGHT[o] * r * r) / n;
        up[o] = (2 * LOSS_WEIGHT[o] * r) / n;
      }
      // Backward needs the forward of the same sample again (sample keeps no state).
      sample(w, x[2 * k], x[2 * k + 1], y, up, grad);
    }
    for (let p = 0; p < grad.length; p++) {
      m[p] = 0.9 * m[p] + 0.1 * grad[p];
      v[p] = 0.999 * v[p] + 0.001 * grad[p] * grad[p];
      const mh = m[p] / (1 - 0.9 ** step);
      const vh = v[p] / (1 - 0.999 ** step);
      w.theta[p] -= (learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { loss };
}
