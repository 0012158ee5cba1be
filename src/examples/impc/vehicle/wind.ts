/**
 * Wind: a sum of gust events (impulse: a short burst; step: on from its start to the end), each a
 * horizontal wind of a given speed and heading. The wind → force → torque model:
 *   F = ½ ρ C_dA ‖v‖ v            (quadratic drag, world frame; the vehicle's own airspeed is neglected)
 *   τ = r_cp × (Rᵀ F)              (body frame; r_cp = centre of pressure relative to the centre of mass)
 * so the disturbance torque grows with the square of the wind speed, with lever arm ‖r_cp‖.
 */

export interface WindEvent {
  /** Start time (s). */
  start: number;
  /** Duration (s); Infinity for a step wind that stays on. */
  duration: number;
  /** Speed (m/s). */
  speed: number;
  /** Heading the wind blows towards, in the horizontal plane (rad, from +x towards +y). */
  heading: number;
}

export interface WindModel {
  airDensity: number;
  /** Drag coefficient × reference area (m²). */
  dragArea: number;
  /** Centre of pressure in the body frame (m): above and slightly off the centre of mass. */
  pressureCentre: Float64Array;
}

export const DEFAULT_WIND_MODEL: Readonly<WindModel> = {
  airDensity: 1.225,
  dragArea: 0.05,
  pressureCentre: Float64Array.of(0.01, -0.008, 0.08),
};

/** World-frame wind velocity at time t (m/s). */
export function windVelocity(
  events: readonly WindEvent[],
  t: number,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  out.fill(0);
  for (const e of events) {
    if (t < e.start || t >= e.start + e.duration) continue;
    out[0] += e.speed * Math.cos(e.heading);
    out[1] += e.speed * Math.sin(e.heading);
  }
  return out;
}

/** Drag force in the world frame (N). */
export function windForce(
  model: WindModel,
  v: Float64Array,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  const k = 0.5 * model.airDensity * model.dragArea * Math.hypot(v[0], v[1], v[2]);
  for (let i = 0; i < 3; i++) out[i] = k * v[i];
  return out;
}

/** Body-frame torque of a body-frame force applied at the centre of pressure. */
export function windTorque(
  model: WindModel,
  forceBody: Float64Array,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  const r = model.pressureCentre;
  out[0] = r[1] * forceBody[2] - r[2] * forceBody[1];
  out[1] = r[2] * forceBody[0] - r[0] * forceBody[2];
  out[2] = r[0] * forceBody[1] - r[1] * forceBody[0];
  return out;
}
