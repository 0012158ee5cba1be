/**
 * The simulated vehicle (the "true" plant): rigid-body attitude with a unit quaternion (no Euler
 * singularity, so unstable runs stay finite), Euler's rotation equations with the full gyroscopic term,
 * saturated motor thrusts, the wind's drag force and torque, and the vertical channel:
 *   q̇ = ½ q ⊗ (0, ω),  J ω̇ = τ(u) + τ_wind − ω × J ω,  ż = w,  m ẇ = (R T e3 + F_wind)_z − m g.
 * Horizontal translation is not integrated (the wind's horizontal force only shows in the accelerometer).
 * Motors respond instantly (no motor lag).
 */
import { type Geometry, type PhysParams, NX, X_W, X_Z, mixTorques } from '../params';
import { eulerFromQuat, quatFromEuler, quatMultiply, rotateToBody, rotateToWorld } from './rotation';
import { type WindModel, windForce, windTorque } from './wind';

/** Plant state: quaternion [w, x, y, z], body rates (3), altitude z, vertical velocity w. */
export const PLANT_SIZE = 9;

export interface PlantModel {
  geo: Geometry;
  p: PhysParams;
  wind: WindModel;
}

export function clipThrusts(
  geo: Geometry,
  u: ArrayLike<number>,
  out: Float64Array = new Float64Array(4),
): Float64Array {
  for (let i = 0; i < 4; i++) out[i] = Math.min(geo.thrustMax, Math.max(geo.thrustMin, u[i]));
  return out;
}

/** The true IMU signals: body rates and specific force (N/kg, body frame) at a plant state. */
export function trueImuSignals(
  model: PlantModel,
  s: ArrayLike<number>,
  u: ArrayLike<number>,
  windVel: Float64Array,
  gyro: Float64Array,
  accel: Float64Array,
): void {
  const f = windForce(model.wind, windVel);
  const fb = rotateToBody(s, f);
  const thrust = u[0] + u[1] + u[2] + u[3];
  const m = model.p[0];
  gyro[0] = s[4];
  gyro[1] = s[5];
  gyro[2] = s[6];
  accel[0] = fb[0] / m;
  accel[1] = fb[1] / m;
  accel[2] = (thrust + fb[2]) / m;
}

export function plantDerivative(
  model: PlantModel,
  s: ArrayLike<number>,
  u: ArrayLike<number>,
  windVel: Float64Array,
  out: Float64Array,
): Float64Array {
  const [m, jx, jy, jz] = [model.p[0], model.p[1], model.p[2], model.p[3]];
  const [wx, wy, wz] = [s[4], s[5], s[6]];
  const qd = quatMultiply(s, [0, wx, wy, wz]);
  for (let i = 0; i < 4; i++) out[i] = 0.5 * qd[i];
  const wrench = mixTorques(model.geo, u);
  const fWorld = windForce(model.wind, windVel);
  const tw = windTorque(model.wind, rotateToBody(s, fWorld));
  out[4] = (wrench[1] + tw[0] - (wy * jz * wz - wz * jy * wy)) / jx;
  out[5] = (wrench[2] + tw[1] - (wz * jx * wx - wx * jz * wz)) / jy;
  out[6] = (wrench[3] + tw[2] - (wx * jy * wy - wy * jx * wx)) / jz;
  const thrustWorld = rotateToWorld(s, [0, 0, wrench[0]]);
  out[7] = s[8];
  out[8] = (thrustWorld[2] + fWorld[2]) / m - model.geo.gravity;
  return out;
}

/** One RK4 step of length h with the input held and the wind sampled at the stage times. */
export function plantStep(
  model: PlantModel,
  s: Float64Array,
  u: ArrayLike<number>,
  windAt: (t: number) => Float64Array,
  t: number,
  h: number,
): void {
  const k1 = plantDerivative(model, s, u, windAt(t), new Float64Array(PLANT_SIZE));
  const tmp = new Float64Array(PLANT_SIZE);
  const stage = (k: Float64Array, a: number): Float64Array => {
    for (let i = 0; i < PLANT_SIZE; i++) tmp[i] = s[i] + a * h * k[i];
    return tmp;
  };
  const k2 = plantDerivative(model, stage(k1, 0.5), u, windAt(t + h / 2), new Float64Array(PLANT_SIZE));
  const k3 = plantDerivative(model, stage(k2, 0.5), u, windAt(t + h / 2), new Float64Array(PLANT_SIZE));
  const k4 = plantDerivative(model, stage(k3, 1), u, windAt(t + h), new Float64Array(PLANT_SIZE));
  for (let i = 0; i < PLANT_SIZE; i++) s[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  const n = Math.hypot(s[0], s[1], s[2], s[3]);
  for (let i = 0; i < 4; i++) s[i] /= n;
}

/** The plant's state in the model's layout (Euler angles, body rates, z, w). */
export function plantToState(s: ArrayLike<number>, out: Float64Array = new Float64Array(NX)): Float64Array {
  out.set(eulerFromQuat(s), 0);
  out[3] = s[4];
  out[4] = s[5];
  out[5] = s[6];
  out[X_Z] = s[7];
  out[X_W] = s[8];
  return out;
}

export function stateToPlant(
  x: ArrayLike<number>,
  out: Float64Array = new Float64Array(PLANT_SIZE),
): Float64Array {
  out.set(quatFromEuler(x[0], x[1], x[2]), 0);
  out[4] = x[3];
  out[5] = x[4];
  out[6] = x[5];
  out[7] = x[X_Z];
  out[8] = x[X_W];
  return out;
}
