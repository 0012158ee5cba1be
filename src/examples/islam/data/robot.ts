import type { Rng } from '../../../il/rng';
import { arcMotion } from './trajectory';

/**
 * A differential-drive robot's sensors. The wheel encoders report the distance each wheel turned divided by a
 * robot-specific scale (worn or swapped tyres), and the robot drifts by a yaw bias the encoders cannot see. The
 * IMU integrates the true motion: an unbiased but noisy translation (accelerometer) and a precise yaw (gyro).
 */
export interface Robot {
  name: string;
  wheelBase: number;
  leftScale: number;
  rightScale: number;
  /** Radians per step the robot turns beyond what its wheels say (slip, misalignment). */
  yawBias: number;
  encoderNoise: number;
}

export const ROBOT_A: Robot = {
  name: 'A',
  wheelBase: 0.5,
  leftScale: 1,
  rightScale: 1,
  yawBias: 0,
  encoderNoise: 0.001,
};

export const ROBOT_B: Robot = {
  name: 'B',
  wheelBase: 0.5,
  leftScale: 1.05,
  rightScale: 1.04,
  yawBias: 0.003,
  encoderNoise: 0.001,
};

export interface ImuModel {
  translationSigma: number;
  yawSigma: number;
}

export const IMU: ImuModel = { translationSigma: 0.06, yawSigma: 0.004 };

/** Encoder readings x = [left, right] (metres as the encoder counts them) for commanded (v, ω). */
export function encoderReading(robot: Robot, v: number, w: number, rng: Rng): [number, number] {
  const half = (w * robot.wheelBase) / 2;
  return [
    (v - half) / robot.leftScale + robot.encoderNoise * rng.normal(),
    (v + half) / robot.rightScale + robot.encoderNoise * rng.normal(),
  ];
}

/** The true relative motion of the robot for commanded (v, ω) (its own yaw bias included). */
export function trueMotion(robot: Robot, v: number, w: number): [number, number, number] {
  return arcMotion(v, w + robot.yawBias) as [number, number, number];
}

/** What a nominal (robot A) model would say the motion is for encoder readings: the kinematic front-end. */
export function nominalMotion(left: number, right: number, wheelBase: number): [number, number, number] {
  return arcMotion((left + right) / 2, (right - left) / wheelBase) as [number, number, number];
}
