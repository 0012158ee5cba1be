/**
 * The IMU and the state estimate integrated from it.
 *
 * Each sample is the mean of the true signal over its window (as an IMU's decimation filter gives), plus
 * a bias that follows a random walk and white noise. Integration of the samples over a control interval
 * gives the "IMU-integrated" state that iMPC's UL cost compares with the model's prediction, and, run on
 * from a known start, the controllers' state estimate.
 */
import type { Rng } from '../../../il/rng';
import { NX, X_W, X_Z } from '../params';
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
  /**
   * Systematic, per-unit cross-axis sensitivity of the gyro (axis misalignment), row-major 3 × 3 with a zero
   * diagonal: the gyro reads (I + E) ω. Unlike the random bias it is the same on every flight and it shows in
   * the dynamics (a roll manoeuvre makes a pitch rate that no pitch torque explains), so a denoiser can learn it.
   */
  gyroCrossAxis: Float64Array;
}

export const NOISE_FREE_IMU: Readonly<ImuNoise> = {
  gyroNoise: 0,
  accelNoise: 0,
  gyroBias: 0,
  accelBias: 0,
  gyroBiasWalk: 0,
  accelBiasWalk: 0,
  gyroCrossAxis: new Float64Array(9),
};

/**
 * The default IMU: a MEMS gyro whose random turn-on bias was calibrated at rest (a small residual remains, plus
 * its random walk), with white noise and a systematic cross-axis sensitivity of a few degrees (a tilted mount).
 * The random parts cannot be learned from the IMU alone (a constant bias shifts x_k and y_{k+1} alike, so no
 * model residual sees it); the cross-axis part can.
 */
export const DEFAULT_IMU_NOISE: Readonly<ImuNoise> = {
  gyroNoise: 0.008,
  accelNoise: 0.05,
  gyroBias: 0.001,
  accelBias: 0.05,
  gyroBiasWalk: 0.0003,
  accelBiasWalk: 0.005,
  gyroCrossAxis: Float64Array.of(0, 0.06, -0.04, -0.05, 0, 0.07, 0.05, -0.06, 0),
};

/**
 * An uncalibrated consumer IMU: noisier, with a random turn-on bias four times larger. Its bias drift dominates
 * the attitude error of every controller, and nothing in the UL cost can see it (see DEFAULT_IMU_NOISE).
 */
export const CHEAP_IMU_NOISE: Readonly<ImuNoise> = {
  gyroNoise: 0.02,
  accelNoise: 0.1,
  gyroBias: 0.004,
  accelBias: 0.08,
  gyroBiasWalk: 0.001,
  accelBiasWalk: 0.01,
  gyroCrossAxis: DEFAULT_IMU_NOISE.gyroCrossAxis,
};

/** A profile with its random parts scaled by `noise` (the view's noise slider); the cross-axis part is kept. */
export function scaledImuNoise(base: Readonly<ImuNoise>, noise: number): ImuNoise {
  return {
    gyroNoise: base.gyroNoise * noise,
    accelNoise: base.accelNoise * noise,
    gyroBias: base.gyroBias * noise,
    accelBias: base.accelBias * noise,
    gyroBiasWalk: base.gyroBiasWalk * noise,
    accelBiasWalk: base.accelBiasWalk * noise,
    gyroCrossAxis: base.gyroCrossAxis,
  };
}

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
      const E = noise.gyroCrossAxis;
      for (let i = 0; i < 3; i++) {
        const cross = E[3 * i] * trueGyro[0] + E[3 * i + 1] * trueGyro[1] + E[3 * i + 2] * trueGyro[2];
        gyro[i] = trueGyro[i] + cross + gyroBias[i] + noise.gyroNoise * rng.normal();
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
