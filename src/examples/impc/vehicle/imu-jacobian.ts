/**
 * The exact derivative of `integrateImu` with respect to the IMU samples and the start state, by forward-mode
 * tangent propagation (every intermediate carries its row of ∂/∂inputs). This is the link the denoiser's
 * gradient needs: θ → denoised samples → IMU-integrated states x_k, y_{k+1} → U.
 *
 * Inputs, in this column order: the start state's roll, pitch, yaw, z, w (5), then per sample its gyro (3)
 * and accelerometer (3). Outputs: the NX entries of the integrated state.
 */
import { integrateImu, type ImuSample } from './imu';
import { NX, X_W, X_Z } from '../params';
import { quatFromEuler, quatFromRotationVector, quatMultiply } from './rotation';

/** Columns of the start state (roll, pitch, yaw, z, w). */
export const START_COLUMNS = 5;
export const COLUMNS_PER_SAMPLE = 6;

export const imuInputColumns = (samples: number): number => START_COLUMNS + COLUMNS_PER_SAMPLE * samples;
/** Column of sample i's gyro axis a (accelerometer: a + 3). */
export const sampleColumn = (i: number, a: number): number => START_COLUMNS + COLUMNS_PER_SAMPLE * i + a;

/** A quaternion with its tangent (4 rows of m columns). */
interface DualQuat {
  q: Float64Array;
  dq: Float64Array[];
}

function quatFromEulerDual(roll: number, pitch: number, yaw: number, m: number): DualQuat {
  const [cr, sr] = [Math.cos(roll / 2), Math.sin(roll / 2)];
  const [cp, sp] = [Math.cos(pitch / 2), Math.sin(pitch / 2)];
  const [cy, sy] = [Math.cos(yaw / 2), Math.sin(yaw / 2)];
  const d = [
    [
      0.5 * (-sr * cp * cy + cr * sp * sy),
      0.5 * (-cr * sp * cy + sr * cp * sy),
      0.5 * (-cr * cp * sy + sr * sp * cy),
    ],
    [
      0.5 * (cr * cp * cy + sr * sp * sy),
      0.5 * (-sr * sp * cy - cr * cp * sy),
      0.5 * (-sr * cp * sy - cr * sp * cy),
    ],
    [
      0.5 * (-sr * sp * cy + cr * cp * sy),
      0.5 * (cr * cp * cy - sr * sp * sy),
      0.5 * (-cr * sp * sy + sr * cp * cy),
    ],
    [
      0.5 * (-sr * cp * sy - cr * sp * cy),
      0.5 * (-cr * sp * sy - sr * cp * cy),
      0.5 * (cr * cp * cy + sr * sp * sy),
    ],
  ];
  const dq = d.map((row) => {
    const t = new Float64Array(m);
    t.set(row, 0);
    return t;
  });
  return { q: quatFromEuler(roll, pitch, yaw), dq };
}

/**
 * exp of the rotation vector `scale` · (gyro of sample i), with its tangent: q = [cos(θ/2), s(θ) v],
 * s(θ) = sin(θ/2)/θ, so ∂q₀/∂v = −½ s v and ∂q_a/∂v_b = s δ_ab + (s'/θ) v_a v_b.
 */
function expDual(gyro: Float64Array, scale: number, i: number, m: number): DualQuat {
  const v = [gyro[0] * scale, gyro[1] * scale, gyro[2] * scale];
  const theta = Math.hypot(v[0], v[1], v[2]);
  const s = theta < 1e-4 ? 0.5 - (theta * theta) / 48 : Math.sin(theta / 2) / theta;
  // s'(θ)/θ, with its series near 0 (−1/24 + θ²/960).
  const sPrimeOverTheta =
    theta < 1e-4
      ? -1 / 24 + (theta * theta) / 960
      : ((theta / 2) * Math.cos(theta / 2) - Math.sin(theta / 2)) / (theta * theta * theta);
  const q = quatFromRotationVector(v[0], v[1], v[2]);
  const dq = [0, 1, 2, 3].map(() => new Float64Array(m));
  for (let b = 0; b < 3; b++) {
    const col = sampleColumn(i, b);
    dq[0][col] = -0.5 * s * v[b] * scale;
    for (let a = 0; a < 3; a++) dq[1 + a][col] = ((a === b ? s : 0) + sPrimeOverTheta * v[a] * v[b]) * scale;
  }
  return { q, dq };
}

/** a ⊗ b with its tangent (the product is bilinear: d(a ⊗ b) = da ⊗ b + a ⊗ db). */
function multiplyDual(a: DualQuat, b: DualQuat, m: number): DualQuat {
  const q = quatMultiply(a.q, b.q);
  const dq = [0, 1, 2, 3].map(() => new Float64Array(m));
  const da = new Float64Array(4);
  const db = new Float64Array(4);
  const t1 = new Float64Array(4);
  const t2 = new Float64Array(4);
  for (let c = 0; c < m; c++) {
    let any = false;
    for (let r = 0; r < 4; r++) {
      da[r] = a.dq[r][c];
      db[r] = b.dq[r][c];
      any = any || da[r] !== 0 || db[r] !== 0;
    }
    if (!any) continue;
    quatMultiply(da, b.q, t1);
    quatMultiply(a.q, db, t2);
    for (let r = 0; r < 4; r++) dq[r][c] = t1[r] + t2[r];
  }
  return { q, dq };
}

/** (R(q) a)_z for the accelerometer of sample i, with its tangent row. */
function worldZDual(
  mid: DualQuat,
  accel: Float64Array,
  i: number,
  m: number,
): { v: number; dv: Float64Array } {
  const [w, x, y, z] = [mid.q[0], mid.q[1], mid.q[2], mid.q[3]];
  const [a, b, c] = [accel[0], accel[1], accel[2]];
  const v = 2 * (x * z - w * y) * a + 2 * (y * z + w * x) * b + (1 - 2 * (x * x + y * y)) * c;
  const dw = -2 * y * a + 2 * x * b;
  const dx = 2 * z * a + 2 * w * b - 4 * x * c;
  const dy = -2 * w * a + 2 * z * b - 4 * y * c;
  const dz = 2 * x * a + 2 * y * b;
  const dv = new Float64Array(m);
  for (let col = 0; col < m; col++)
    dv[col] = dw * mid.dq[0][col] + dx * mid.dq[1][col] + dy * mid.dq[2][col] + dz * mid.dq[3][col];
  dv[sampleColumn(i, 3)] += 2 * (x * z - w * y);
  dv[sampleColumn(i, 4)] += 2 * (y * z + w * x);
  dv[sampleColumn(i, 5)] += 1 - 2 * (x * x + y * y);
  return { v, dv };
}

/** Rows of ∂(roll, pitch, yaw)/∂inputs through the ZYX Euler angles of q. */
function eulerRows(dual: DualQuat, m: number): Float64Array[] {
  const [w, x, y, z] = [dual.q[0], dual.q[1], dual.q[2], dual.q[3]];
  const atan2Grad = (n: number, d: number, dn: number[], dd: number[]): number[] => {
    const r = n * n + d * d;
    return dn.map((v, k) => (d * v - n * dd[k]) / r);
  };
  // Partials of each angle w.r.t. (w, x, y, z).
  const roll = atan2Grad(
    2 * (w * x + y * z),
    1 - 2 * (x * x + y * y),
    [2 * x, 2 * w, 2 * z, 2 * y],
    [0, -4 * x, -4 * y, 0],
  );
  const u = 2 * (w * y - z * x);
  const k = Math.abs(u) < 1 ? 1 / Math.sqrt(1 - u * u) : 0;
  const pitch = [2 * y * k, -2 * z * k, 2 * w * k, -2 * x * k];
  const yaw = atan2Grad(
    2 * (w * z + x * y),
    1 - 2 * (y * y + z * z),
    [2 * z, 2 * y, 2 * x, 2 * w],
    [0, 0, -4 * y, -4 * z],
  );
  return [roll, pitch, yaw].map((g) => {
    const row = new Float64Array(m);
    for (let col = 0; col < m; col++)
      row[col] =
        g[0] * dual.dq[0][col] + g[1] * dual.dq[1][col] + g[2] * dual.dq[2][col] + g[3] * dual.dq[3][col];
    return row;
  });
}

export interface IntegrationWithJacobian {
  /** The integrated state (equal to `integrateImu`'s). */
  y: Float64Array;
  /** ∂y/∂inputs: NX × imuInputColumns(samples), row-major. */
  jac: Float64Array;
}

/** `integrateImu` and its Jacobian w.r.t. the start state (angles, z, w) and every sample. */
export function integrateImuWithJacobian(
  x: ArrayLike<number>,
  samples: readonly ImuSample[],
  h: number,
  gravity: number,
): IntegrationWithJacobian {
  const ns = samples.length;
  const m = imuInputColumns(ns);
  let q = quatFromEulerDual(x[0], x[1], x[2], m);
  // Only the tangents of z and w are tracked; their values come from integrateImu itself.
  const dz = new Float64Array(m);
  const dw = new Float64Array(m);
  dz[3] = 1;
  dw[4] = 1;
  samples.forEach((s, i) => {
    const mid = multiplyDual(q, expDual(s.gyro, h / 2, i, m), m);
    const az = worldZDual(mid, s.accel, i, m);
    for (let c = 0; c < m; c++) dz[c] += dw[c] * h + 0.5 * az.dv[c] * h * h;
    for (let c = 0; c < m; c++) dw[c] += az.dv[c] * h;
    q = multiplyDual(q, expDual(s.gyro, h, i, m), m);
  });
  const jac = new Float64Array(NX * m);
  eulerRows(q, m).forEach((row, r) => jac.set(row, r * m));
  // Rates: extrapolated from the last two samples, 1.5 last − 0.5 before.
  const last = ns - 1;
  const before = ns > 1 ? ns - 2 : last;
  for (let a = 0; a < 3; a++) {
    jac[(3 + a) * m + sampleColumn(last, a)] += 1.5;
    jac[(3 + a) * m + sampleColumn(before, a)] -= 0.5;
  }
  jac.set(dz, X_Z * m);
  jac.set(dw, X_W * m);
  return { y: integrateImu(x, samples, h, gravity), jac };
}
