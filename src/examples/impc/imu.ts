/**
 * The IMU and the state estimate integrated from it.
 *
 * Each sample is the mean of the true signal over its window (as an IMU's decimation filter gives), plus
 * a bias that follows a random walk and white noise. Integration of the samples over a control interval
 * gives the "IMU-integrated" state that iMPC's UL cost compares with the model's prediction, and, run on
 * from a known start, the controllers' state estimate.
 */
import type { Rng } from '../../il/rng';
import { NX, X_W, X_Z } from './params';
import {
  eulerFromQuat,
  quatFromEuler,
  quatFromRotationVector,
  quatMultiply,
  rotateToWorld,
} from './rotation';

export interface ImuNoise {
  /** White noise std per sample: gyro (rad/s), accelerometer (m/s²). */
  gyroNoise: number;
  accelNoise: number;
  /** Std of the initial biases. */
  gyroBias: number;
  accelBias: number;
  /** Bias random walk (per √s): rad/s/√s and m/s²/√s. */
  gyroBiasWalk: number;
  accelBiasWalk: number;
}

export const NOISE_FREE_IMU: Readonly<ImuNoise> = {
  gyroNoise: 0,
  accelNoise: 0,
  gyroBias: 0,
  accelBias: 0,
  gyroBiasWalk: 0,
  accelBiasWalk: 0,
};

/** A consumer-grade MEMS IMU, somewhat pessimistic so the effect of noise on control is visible. */
export const DEFAULT_IMU_NOISE: Readonly<ImuNoise> = {
  gyroNoise: 0.02,
  accelNoise: 0.1,
  gyroBias: 0.004,
  accelBias: 0.08,
  gyroBiasWalk: 0.001,
  accelBiasWalk: 0.01,
};

export interface ImuSample {
  gyro: Float64Array;
  accel: Float64Array;
}

export interface Imu {
  readonly gyroBias: Float64Array;
  readonly accelBias: Float64Array;
  /** Corrupts a window's true mean signals (h = window length in s). */
  measure(trueGyro: Float64Array, trueAccel: Float64Array, h: number): ImuSample;
}

export function createImu(noise: ImuNoise, rng: Rng): Imu {
  const gyroBias = Float64Array.from({ length: 3 }, () => noise.gyroBias * rng.normal());
  const accelBias = Float64Array.from({ length: 3 }, () => noise.accelBias * rng.normal());
  return {
    gyroBias,
    accelBias,
    measure(trueGyro, trueAccel, h) {
      const gyro = new Float64Array(3);
      const accel = new Float64Array(3);
      for (let i = 0; i < 3; i++) {
        gyro[i] = trueGyro[i] + gyroBias[i] + noise.gyroNoise * rng.normal();
        accel[i] = trueAccel[i] + accelBias[i] + noise.accelNoise * rng.normal();
        gyroBias[i] += noise.gyroBiasWalk * Math.sqrt(h) * rng.normal();
        accelBias[i] += noise.accelBiasWalk * Math.sqrt(h) * rng.normal();
      }
      return { gyro, accel };
    },
  };
}

/**
 * Integrates consecutive window samples (each of length h) from the state x: the attitude by composing
 * the rotations ω̄ h, the vertical channel with the specific force rotated at each window's midpoint;
 * the body rates at the interval's end are extrapolated from the last two window means (exact for
 * linearly varying rates).
 */
export function integrateImu(
  x: ArrayLike<number>,
  samples: readonly ImuSample[],
  h: number,
  gravity: number,
): Float64Array {
  let q = quatFromEuler(x[0], x[1], x[2]);
  let z = x[X_Z];
  let w = x[X_W];
  for (const s of samples) {
    const [gx, gy, gz] = [s.gyro[0] * h, s.gyro[1] * h, s.gyro[2] * h];
    const mid = quatMultiply(q, quatFromRotationVector(gx / 2, gy / 2, gz / 2));
    const az = rotateToWorld(mid, s.accel)[2] - gravity;
    z += w * h + 0.5 * az * h * h;
    w += az * h;
    q = quatMultiply(q, quatFromRotationVector(gx, gy, gz));
  }
  const out = new Float64Array(NX);
  out.set(eulerFromQuat(q), 0);
  const last = samples[samples.length - 1].gyro;
  const before = samples.length > 1 ? samples[samples.length - 2].gyro : last;
  for (let i = 0; i < 3; i++) out[3 + i] = last[i] + 0.5 * (last[i] - before[i]);
  out[X_Z] = z;
  out[X_W] = w;
  return out;
}
