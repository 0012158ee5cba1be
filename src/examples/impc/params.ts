/**
 * Physical constants of the simulated quadrotor and the layout of the vectors every iMPC module shares.
 *
 * Notation (DESIGN.md): the UL variables ψ = [θ, γ] are the denoiser's weights θ (model.ts, in tfjs) and
 * the model's physical parameters p = (m, Jx, Jy, Jz) ("γ" here: the model memory the UL learns). The LL
 * variables φ are the MPC's input sequence U = [u_0 … u_{N-1}] (motor thrusts). The geometry below (arm
 * length, yaw torque coefficient, motor limits, gravity) is known and fixed: only p is learned.
 */

/** Physical parameters p = (m, Jx, Jy, Jz) as a vector, in this order: kg, kg·m², kg·m², kg·m². */
export type PhysParams = Float64Array;
export const P_MASS = 0;
export const P_JX = 1;
export const P_JY = 2;
export const P_JZ = 3;
export const N_PARAMS = 4;
export const PARAM_NAMES = ['m', 'Jx', 'Jy', 'Jz'] as const;

/**
 * Attitude-and-altitude state x (the MPC's and the UL cost's state), in this order:
 * roll φ, pitch θ, yaw ψ (ZYX Euler, rad); body rates p, q, r (rad/s); altitude z (m, up); vertical
 * velocity w (m/s, up). Horizontal position is not modelled (the example is about attitude).
 */
export const X_ROLL = 0;
export const X_PITCH = 1;
export const X_YAW = 2;
export const X_P = 3;
export const X_Q = 4;
export const X_R = 5;
export const X_Z = 6;
export const X_W = 7;
export const NX = 8;
/** Inputs u: the four motor thrusts (N), "+" layout: 1 front (+x), 2 left (+y), 3 back, 4 right. */
export const NU = 4;

/** Known, fixed geometry of the vehicle (not learned). */
export interface Geometry {
  /** Distance from the centre of mass to each motor (m). */
  arm: number;
  /** Yaw reaction torque per newton of thrust (m): τz = κ (f1 − f2 + f3 − f4). */
  yawCoeff: number;
  /** Motor thrust limits (N): the MPC's box constraints and the simulator's saturation. */
  thrustMin: number;
  thrustMax: number;
  gravity: number;
}

export const DEFAULT_GEOMETRY: Readonly<Geometry> = {
  arm: 0.17,
  yawCoeff: 0.0165,
  thrustMin: 0,
  thrustMax: 8,
  gravity: 9.81,
};

/** The simulated vehicle's true parameters (what identification should recover). */
export function trueParams(): PhysParams {
  return Float64Array.of(1.25, 0.0123, 0.0131, 0.0226);
}

/** p scaled by a factor (1.5 = "50 % off" as in iMPC's starting point). */
export function scaledParams(p: PhysParams, factor: number): PhysParams {
  return p.map((v) => v * factor);
}

/** Largest relative error over the entries of p (fraction, not percent). */
export function relativeParamErrors(estimate: PhysParams, truth: PhysParams): Float64Array {
  return estimate.map((v, i) => Math.abs(v - truth[i]) / Math.abs(truth[i]));
}

/** Collective thrust and body torques produced by four motor thrusts ("+" mixing). */
export function mixTorques(
  geo: Geometry,
  f: ArrayLike<number>,
  out: Float64Array = new Float64Array(4),
): Float64Array {
  out[0] = f[0] + f[1] + f[2] + f[3];
  out[1] = geo.arm * (f[1] - f[3]);
  out[2] = geo.arm * (f[2] - f[0]);
  out[3] = geo.yawCoeff * (f[0] - f[1] + f[2] - f[3]);
  return out;
}

/** Inverse mixing: motor thrusts for a collective thrust T and torques τ (unclipped). */
export function unmixTorques(
  geo: Geometry,
  wrench: ArrayLike<number>,
  out: Float64Array = new Float64Array(4),
): Float64Array {
  const [T, tx, ty, tz] = [wrench[0], wrench[1], wrench[2], wrench[3]];
  const a = (T + tz / geo.yawCoeff) / 2; // f1 + f3
  const b = (T - tz / geo.yawCoeff) / 2; // f2 + f4
  out[0] = (a - ty / geo.arm) / 2;
  out[1] = (b + tx / geo.arm) / 2;
  out[2] = (a + ty / geo.arm) / 2;
  out[3] = (b - tx / geo.arm) / 2;
  return out;
}

/** d(motor-thrust mix)/du rows for the three torques (constant, used by the dynamics' Jacobians). */
export function torqueMixRows(geo: Geometry): Float64Array[] {
  return [
    Float64Array.of(0, geo.arm, 0, -geo.arm),
    Float64Array.of(-geo.arm, 0, geo.arm, 0),
    Float64Array.of(geo.yawCoeff, -geo.yawCoeff, geo.yawCoeff, -geo.yawCoeff),
  ];
}
