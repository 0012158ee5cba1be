/**
 * SE(2) in the g2o convention, world metres and radians. A pose is (x, y, θ) stored in a Float64Array at 3·index.
 * The edge error is e = t2v(Z⁻¹ · (Xi⁻¹ · Xj)) with the angle wrapped to (−π, π].
 */
export type Pose = readonly [x: number, y: number, theta: number];

export function wrapAngle(a: number): number {
  let w = a % (2 * Math.PI);
  if (w <= -Math.PI) w += 2 * Math.PI;
  else if (w > Math.PI) w -= 2 * Math.PI;
  return w;
}

/** a ⊕ b: b expressed in a's frame, composed. */
export function compose(a: Pose, b: Pose): Pose {
  const c = Math.cos(a[2]);
  const s = Math.sin(a[2]);
  return [a[0] + c * b[0] - s * b[1], a[1] + s * b[0] + c * b[1], wrapAngle(a[2] + b[2])];
}

/** a⁻¹ ⊕ b: the pose of b in a's frame. */
export function between(a: Pose, b: Pose): Pose {
  const c = Math.cos(a[2]);
  const s = Math.sin(a[2]);
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  return [c * dx + s * dy, -s * dx + c * dy, wrapAngle(b[2] - a[2])];
}

export function poseAt(poses: Float64Array, i: number): Pose {
  return [poses[3 * i], poses[3 * i + 1], poses[3 * i + 2]];
}

/** The dead-reckoning chain P_0 = start, P_{t+1} = P_t ⊕ z_t over relative motions z (3 per step). */
export function deadReckon(motions: Float64Array, start: Pose = [0, 0, 0]): Float64Array {
  const steps = motions.length / 3;
  const out = new Float64Array(3 * (steps + 1));
  out.set(start, 0);
  let p: Pose = start;
  for (let t = 0; t < steps; t++) {
    p = compose(p, [motions[3 * t], motions[3 * t + 1], motions[3 * t + 2]]);
    out.set(p, 3 * (t + 1));
  }
  return out;
}

/**
 * Linearises one edge at the poses: the error e (3), its Jacobians with respect to pose i, pose j and the
 * measurement z (each 3×3, row-major). Written out by hand; checked against finite differences in the tests.
 */
export interface EdgeLinearisation {
  e: Float64Array;
  ji: Float64Array;
  jj: Float64Array;
  jz: Float64Array;
}

export function linearise(
  xi: number,
  yi: number,
  ti: number,
  xj: number,
  yj: number,
  tj: number,
  zx: number,
  zy: number,
  zt: number,
  out: EdgeLinearisation,
): void {
  const ci = Math.cos(ti);
  const si = Math.sin(ti);
  const cz = Math.cos(zt);
  const sz = Math.sin(zt);
  const dx = xj - xi;
  const dy = yj - yi;
  // Δp = R_iᵀ (t_j − t_i); e_xy = R_zᵀ (Δp − t_z).
  const px = ci * dx + si * dy;
  const py = -si * dx + ci * dy;
  const qx = px - zx;
  const qy = py - zy;
  const { e, ji, jj, jz } = out;
  e[0] = cz * qx + sz * qy;
  e[1] = -sz * qx + cz * qy;
  e[2] = wrapAngle(tj - ti - zt);
  // ∂Δp/∂θ_i = dR_iᵀ/dθ (t_j − t_i) = (py, −px).
  const a00 = cz * ci - sz * si; // (R_zᵀ R_iᵀ) row 0: [cos(θi+θz), sin(θi+θz)]
  const a01 = cz * si + sz * ci;
  const a10 = -a01;
  const a11 = a00;
  ji[0] = -a00;
  ji[1] = -a01;
  ji[2] = cz * py - sz * px;
  ji[3] = -a10;
  ji[4] = -a11;
  ji[5] = -sz * py - cz * px;
  ji[6] = 0;
  ji[7] = 0;
  ji[8] = -1;
  jj[0] = a00;
  jj[1] = a01;
  jj[2] = 0;
  jj[3] = a10;
  jj[4] = a11;
  jj[5] = 0;
  jj[6] = 0;
  jj[7] = 0;
  jj[8] = 1;
  // ∂e_xy/∂t_z = −R_zᵀ; ∂e_xy/∂θ_z = dR_zᵀ/dθ_z (Δp − t_z) = (e_y, −e_x).
  jz[0] = -cz;
  jz[1] = -sz;
  jz[2] = e[1];
  jz[3] = sz;
  jz[4] = -cz;
  jz[5] = -e[0];
  jz[6] = 0;
  jz[7] = 0;
  jz[8] = -1;
}

export function newLinearisation(): EdgeLinearisation {
  return {
    e: new Float64Array(3),
    ji: new Float64Array(9),
    jj: new Float64Array(9),
    jz: new Float64Array(9),
  };
}
