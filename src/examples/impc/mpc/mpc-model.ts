/**
 * The MPC's prediction model: the attitude-and-altitude dynamics linearised about hover (small angles,
 * zero rates) and discretised exactly (zero-order hold) at the control step: x⁺ = A x + B(p) u + c.
 * Each channel is a double integrator; p enters B through 1/m (collective thrust → vertical
 * acceleration) and 1/J (motor torques → angular acceleration). The mass also sets the hover thrust
 * m g / 4 that the input cost is centred on, so p shapes both the prediction and the cost.
 *
 * Condensed over the horizon N: X = Sx x0 + Su(p) U + Sc, with X = [x_1 … x_N], U = [u_0 … u_{N-1}].
 */
import {
  type Geometry,
  type PhysParams,
  NU,
  NX,
  N_PARAMS,
  X_P,
  X_PITCH,
  X_Q,
  X_R,
  X_ROLL,
  X_W,
  X_YAW,
  X_Z,
  torqueMixRows,
} from '../params';

export interface LinearModel {
  A: Float64Array; // NX × NX
  B: Float64Array; // NX × NU
  /** ∂B/∂p_j, one NX × NU matrix per parameter. */
  dB: Float64Array[];
  c: Float64Array; // NX (gravity)
}

/** The three (angle, rate) pairs and the (z, w) pair: each a double integrator. */
const PAIRS: [number, number][] = [
  [X_ROLL, X_P],
  [X_PITCH, X_Q],
  [X_YAW, X_R],
  [X_Z, X_W],
];

export function linearModel(geo: Geometry, p: PhysParams, dt: number): LinearModel {
  const A = new Float64Array(NX * NX);
  for (let i = 0; i < NX; i++) A[i * NX + i] = 1;
  for (const [pos, vel] of PAIRS) A[pos * NX + vel] = dt;
  // Acceleration per newton of each motor, per channel, and its derivative w.r.t. the channel's parameter.
  const mixRows = torqueMixRows(geo);
  const accelRows = [mixRows[0], mixRows[1], mixRows[2], Float64Array.of(1, 1, 1, 1)];
  const divisor = [p[1], p[2], p[3], p[0]];
  const paramOf = [1, 2, 3, 0];
  const B = new Float64Array(NX * NU);
  const dB = Array.from({ length: N_PARAMS }, () => new Float64Array(NX * NU));
  PAIRS.forEach(([pos, vel], ch) => {
    for (let i = 0; i < NU; i++) {
      const a = accelRows[ch][i] / divisor[ch];
      const da = -a / divisor[ch];
      B[pos * NU + i] = 0.5 * dt * dt * a;
      B[vel * NU + i] = dt * a;
      dB[paramOf[ch]][pos * NU + i] = 0.5 * dt * dt * da;
      dB[paramOf[ch]][vel * NU + i] = dt * da;
    }
  });
  const c = new Float64Array(NX);
  c[X_Z] = -0.5 * geo.gravity * dt * dt;
  c[X_W] = -geo.gravity * dt;
  return { A, B, dB, c };
}

function matMul(a: Float64Array, b: Float64Array, n: number, k: number, m: number): Float64Array {
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let l = 0; l < k; l++) {
      const v = a[i * k + l];
      if (v === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += v * b[l * m + j];
    }
  return out;
}

/** Powers A^0 … A^n. */
export function matrixPowers(A: Float64Array, n: number): Float64Array[] {
  const pw: Float64Array[] = [new Float64Array(NX * NX)];
  for (let i = 0; i < NX; i++) pw[0][i * NX + i] = 1;
  for (let k = 1; k <= n; k++) pw.push(matMul(pw[k - 1], A, NX, NX, NX));
  return pw;
}

/** Su(B): (NX·N) × (NU·N), block (k, j) = A^{k−j} B for k ≥ j (row block k predicts x_{k+1}). */
export function buildSu(powers: Float64Array[], B: Float64Array, N: number): Float64Array {
  const cols = NU * N;
  const Su = new Float64Array(NX * N * cols);
  const blocks = powers.slice(0, N).map((Ak) => matMul(Ak, B, NX, NX, NU));
  for (let k = 0; k < N; k++)
    for (let j = 0; j <= k; j++) {
      const blk = blocks[k - j];
      for (let r = 0; r < NX; r++)
        for (let c = 0; c < NU; c++) Su[(k * NX + r) * cols + j * NU + c] = blk[r * NU + c];
    }
  return Su;
}

/** Sx (block k = A^{k+1}) and Sc (block k = Σ_{i≤k} A^i c). */
export function buildSxSc(
  powers: Float64Array[],
  c: Float64Array,
  N: number,
): { Sx: Float64Array; Sc: Float64Array } {
  const Sx = new Float64Array(NX * N * NX);
  const Sc = new Float64Array(NX * N);
  const acc = new Float64Array(NX);
  for (let k = 0; k < N; k++) {
    Sx.set(powers[k + 1], k * NX * NX);
    const Akc = matMul(powers[k], c, NX, NX, 1);
    for (let r = 0; r < NX; r++) acc[r] += Akc[r];
    Sc.set(acc, k * NX);
  }
  return { Sx, Sc };
}

/** y = M v for a rows × cols row-major M. */
export function matVec(
  M: Float64Array,
  rows: number,
  cols: number,
  v: ArrayLike<number>,
  out: Float64Array = new Float64Array(rows),
): Float64Array {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * cols;
    for (let j = 0; j < cols; j++) s += M[o + j] * v[j];
    out[i] = s;
  }
  return out;
}

/** y = Mᵀ v for a rows × cols row-major M. */
export function matTVec(
  M: Float64Array,
  rows: number,
  cols: number,
  v: ArrayLike<number>,
  out: Float64Array = new Float64Array(cols),
): Float64Array {
  out.fill(0);
  for (let i = 0; i < rows; i++) {
    const vi = v[i];
    if (vi === 0) continue;
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[j] += M[o + j] * vi;
  }
  return out;
}

/** H = Suᵀ diag(qDiag) Su2 + (symmetrised when Su2 ≠ Su by the caller). */
export function weightedGram(
  Su: Float64Array,
  Su2: Float64Array,
  qDiag: Float64Array,
  rows: number,
  cols: number,
) {
  const H = new Float64Array(cols * cols);
  const tmp = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const w = qDiag[r];
    if (w === 0) continue;
    const o = r * cols;
    for (let j = 0; j < cols; j++) tmp[j] = w * Su2[o + j];
    for (let i = 0; i < cols; i++) {
      const a = Su[o + i];
      if (a === 0) continue;
      const hi = i * cols;
      for (let j = 0; j < cols; j++) H[hi + j] += a * tmp[j];
    }
  }
  return H;
}
