/** Unit quaternions [w, x, y, z] (body → world) and ZYX Euler angles (roll φ, pitch θ, yaw ψ). */

export function quatFromEuler(
  roll: number,
  pitch: number,
  yaw: number,
  out: Float64Array = new Float64Array(4),
): Float64Array {
  const [cr, sr] = [Math.cos(roll / 2), Math.sin(roll / 2)];
  const [cp, sp] = [Math.cos(pitch / 2), Math.sin(pitch / 2)];
  const [cy, sy] = [Math.cos(yaw / 2), Math.sin(yaw / 2)];
  out[0] = cr * cp * cy + sr * sp * sy;
  out[1] = sr * cp * cy - cr * sp * sy;
  out[2] = cr * sp * cy + sr * cp * sy;
  out[3] = cr * cp * sy - sr * sp * cy;
  return out;
}

export function eulerFromQuat(q: ArrayLike<number>, out: Float64Array = new Float64Array(3)): Float64Array {
  const [w, x, y, z] = [q[0], q[1], q[2], q[3]];
  out[0] = Math.atan2(2 * (w * x + y * z), 1 - 2 * (x * x + y * y));
  out[1] = Math.asin(Math.max(-1, Math.min(1, 2 * (w * y - z * x))));
  out[2] = Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
  return out;
}

/** out = a ⊗ b. */
export function quatMultiply(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  out: Float64Array = new Float64Array(4),
): Float64Array {
  const [aw, ax, ay, az] = [a[0], a[1], a[2], a[3]];
  const [bw, bx, by, bz] = [b[0], b[1], b[2], b[3]];
  out[0] = aw * bw - ax * bx - ay * by - az * bz;
  out[1] = aw * bx + ax * bw + ay * bz - az * by;
  out[2] = aw * by - ax * bz + ay * bw + az * bx;
  out[3] = aw * bz + ax * by - ay * bx + az * bw;
  return out;
}

/** The quaternion of a rotation by the body-frame rotation vector ω·h. */
export function quatFromRotationVector(
  wx: number,
  wy: number,
  wz: number,
  out: Float64Array = new Float64Array(4),
): Float64Array {
  const angle = Math.hypot(wx, wy, wz);
  const s = angle < 1e-12 ? 0.5 : Math.sin(angle / 2) / angle;
  out[0] = Math.cos(angle / 2);
  out[1] = s * wx;
  out[2] = s * wy;
  out[3] = s * wz;
  return out;
}

/** v_world = R(q) v_body. */
export function rotateToWorld(
  q: ArrayLike<number>,
  v: ArrayLike<number>,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  const [w, x, y, z] = [q[0], q[1], q[2], q[3]];
  const [a, b, c] = [v[0], v[1], v[2]];
  out[0] = (1 - 2 * (y * y + z * z)) * a + 2 * (x * y - w * z) * b + 2 * (x * z + w * y) * c;
  out[1] = 2 * (x * y + w * z) * a + (1 - 2 * (x * x + z * z)) * b + 2 * (y * z - w * x) * c;
  out[2] = 2 * (x * z - w * y) * a + 2 * (y * z + w * x) * b + (1 - 2 * (x * x + y * y)) * c;
  return out;
}

/** v_body = R(q)ᵀ v_world. */
export function rotateToBody(
  q: ArrayLike<number>,
  v: ArrayLike<number>,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  return rotateToWorld([q[0], -q[1], -q[2], -q[3]], v, out);
}

/** Wraps an angle to (−π, π]. */
export function wrapAngle(a: number): number {
  return a - 2 * Math.PI * Math.round(a / (2 * Math.PI));
}
