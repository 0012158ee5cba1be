/**
 * The two controllers compared in the example: the MPC (the LL engine g, run in closed loop with its
 * model parameters p) and a PID baseline (per-axis attitude PID with derivative on the measured rate,
 * an altitude PID with hover feed-forward, conditional-integration anti-windup, inverse motor mixing).
 */
import { type MpcConfig, type MpcSolution, buildMpcContext, shiftedWarmStart, solveMpc } from './mpc';
import { type Geometry, type PhysParams, P_MASS, X_W, X_YAW, X_Z, unmixTorques } from '../params';
import { clipThrusts } from '../vehicle/quadrotor';
import { wrapAngle } from '../vehicle/rotation';
import type { Controller } from '../vehicle/sim';

export interface MpcController extends Controller {
  /** The last solve (input sequence, cost, active set), for views and the UL cost. */
  readonly last: MpcSolution | null;
}

/** The state as the MPC sees it: yaw unwrapped next to the reference so the error is the short way round. */
export function unwrapYaw(x: ArrayLike<number>, ref: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(x);
  out[X_YAW] = ref[X_YAW] + wrapAngle(x[X_YAW] - ref[X_YAW]);
  return out;
}

export function createMpcController(geo: Geometry, config: MpcConfig, p: PhysParams): MpcController {
  const ctx = buildMpcContext(geo, config, p);
  let last: MpcSolution | null = null;
  return {
    get last() {
      return last;
    },
    reset() {
      last = null;
    },
    act(estimate, ref) {
      last = solveMpc(ctx, unwrapYaw(estimate, ref), ref, last ? shiftedWarmStart(last.u) : undefined);
      return last.u.slice(0, 4);
    },
  };
}

export interface PidGains {
  /** Per axis (roll, pitch, yaw): torque per rad, per rad·s, per rad/s. */
  kp: Float64Array;
  ki: Float64Array;
  kd: Float64Array;
  /** Integrator clamp (rad·s). */
  integralLimit: number;
  /** Altitude: acceleration per m, per m·s, per m/s. */
  kpZ: number;
  kiZ: number;
  kdZ: number;
}

/**
 * Gains from a second-order target per axis (natural frequency ωn, damping ζ, integral at ωn/4), scaled
 * by the inertia the PID is tuned for: kp = J ωn², kd = 2 ζ ωn J, ki = kp ωn / 4.
 */
export function tunedPidGains(p: PhysParams, omegaN = 14, zeta = 0.9): PidGains {
  const J = p.subarray(1, 4);
  return {
    kp: J.map((j) => j * omegaN * omegaN),
    kd: J.map((j) => 2 * zeta * omegaN * j),
    ki: J.map((j) => (j * omegaN * omegaN * omegaN) / 4),
    integralLimit: 0.3,
    kpZ: 6,
    kiZ: 2,
    kdZ: 4,
  };
}

/** PID attitude controller; `p` gives the mass used for the hover feed-forward. */
export function createPidController(geo: Geometry, gains: PidGains, p: PhysParams, dt = 0.02): Controller {
  const integral = new Float64Array(4);
  return {
    reset() {
      integral.fill(0);
    },
    act(x, ref) {
      const err = [0, 1, 2].map((a) => wrapAngle(ref[a] - x[a]));
      const torques = err.map((e, a) => gains.kp[a] * e + gains.ki[a] * integral[a] - gains.kd[a] * x[3 + a]);
      const ez = ref[X_Z] - x[X_Z];
      const accel = gains.kpZ * ez + gains.kiZ * integral[3] - gains.kdZ * x[X_W];
      const tilt = Math.max(0.5, Math.cos(x[0]) * Math.cos(x[1]));
      const thrust = (p[P_MASS] * (geo.gravity + accel)) / tilt;
      const raw = unmixTorques(geo, [thrust, torques[0], torques[1], torques[2]]);
      const u = clipThrusts(geo, raw);
      // Anti-windup: integrate only while no motor saturates.
      const saturated = raw.some((v, i) => v !== u[i]);
      if (!saturated) {
        for (let a = 0; a < 3; a++)
          integral[a] = Math.max(
            -gains.integralLimit,
            Math.min(gains.integralLimit, integral[a] + err[a] * dt),
          );
        integral[3] = Math.max(-1, Math.min(1, integral[3] + ez * dt));
      }
      return u;
    },
  };
}
