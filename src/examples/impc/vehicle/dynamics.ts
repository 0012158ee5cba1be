/**
 * The model f(x, u; p): the quadrotor's nonlinear attitude-and-altitude dynamics in ZYX Euler angles,
 * with analytic Jacobians, integrated over one control interval by RK4 with tangent propagation.
 * It is what iMPC's UL cost calls the model-predicted next state x̂_{k+1} = f(x_k, u_k; p).
 *
 *   φ̇ = p + (q sφ + r cφ) tθ,   θ̇ = q cφ − r sφ,   ψ̇ = (q sφ + r cφ) / cθ
 *   ṗ = (τx + (Jy − Jz) q r) / Jx,  q̇ = (τy + (Jz − Jx) p r) / Jy,  ṙ = (τz + (Jx − Jy) p q) / Jz
 *   ż = w,   ẇ = (T / m) cφ cθ − g,    (T, τ) = mix(u)
 */
import { type Geometry, type PhysParams, NU, NX, N_PARAMS, mixTorques, torqueMixRows } from '../params';

/** Columns of a tangent / Jacobian block: x (8), then u (4), then p (4). */
export const N_TANGENT = NX + NU + N_PARAMS;

/** Continuous dynamics ẋ = F(x, u; p) and, if `jac` is given, its Jacobian (NX × N_TANGENT, row-major). */
export function continuousDynamics(
  geo: Geometry,
  x: ArrayLike<number>,
  u: ArrayLike<number>,
  p: PhysParams,
  out: Float64Array,
  jac?: Float64Array,
): Float64Array {
  const [phi, th, , wp, wq, wr, , w] = [x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]];
  const [m, jx, jy, jz] = [p[0], p[1], p[2], p[3]];
  const wrench = mixTorques(geo, u);
  const T = wrench[0];
  const sf = Math.sin(phi);
  const cf = Math.cos(phi);
  const st = Math.sin(th);
  const ct = Math.cos(th);
  const tt = st / ct;
  const a = wq * sf + wr * cf;
  const b = wq * cf - wr * sf;
  out[0] = wp + a * tt;
  out[1] = b;
  out[2] = a / ct;
  out[3] = (wrench[1] + (jy - jz) * wq * wr) / jx;
  out[4] = (wrench[2] + (jz - jx) * wp * wr) / jy;
  out[5] = (wrench[3] + (jx - jy) * wp * wq) / jz;
  out[6] = w;
  out[7] = (T / m) * cf * ct - geo.gravity;
  if (!jac) return out;
  jac.fill(0);
  const J = (row: number, col: number, v: number): void => {
    jac[row * N_TANGENT + col] = v;
  };
  const U0 = NX; // first input column
  const P0 = NX + NU; // first parameter column
  J(0, 0, b * tt);
  J(0, 1, a / (ct * ct));
  J(0, 3, 1);
  J(0, 4, sf * tt);
  J(0, 5, cf * tt);
  J(1, 0, -a);
  J(1, 4, cf);
  J(1, 5, -sf);
  J(2, 0, b / ct);
  J(2, 1, (a * tt) / ct);
  J(2, 4, sf / ct);
  J(2, 5, cf / ct);
  const mixRows = torqueMixRows(geo);
  const inertia = [jx, jy, jz];
  for (let axis = 0; axis < 3; axis++) {
    for (let i = 0; i < NU; i++) J(3 + axis, U0 + i, mixRows[axis][i] / inertia[axis]);
    J(3 + axis, P0 + 1 + axis, -out[3 + axis] / inertia[axis]);
  }
  // Gyroscopic couplings.
  J(3, 4, ((jy - jz) * wr) / jx);
  J(3, 5, ((jy - jz) * wq) / jx);
  J(3, P0 + 2, (wq * wr) / jx);
  J(3, P0 + 3, -(wq * wr) / jx);
  J(4, 3, ((jz - jx) * wr) / jy);
  J(4, 5, ((jz - jx) * wp) / jy);
  J(4, P0 + 3, (wp * wr) / jy);
  J(4, P0 + 1, -(wp * wr) / jy);
  J(5, 3, ((jx - jy) * wq) / jz);
  J(5, 4, ((jx - jy) * wp) / jz);
  J(5, P0 + 1, (wp * wq) / jz);
  J(5, P0 + 2, -(wp * wq) / jz);
  J(6, 7, 1);
  J(7, 0, -(T / m) * sf * ct);
  J(7, 1, -(T / m) * cf * st);
  for (let i = 0; i < NU; i++) J(7, U0 + i, (cf * ct) / m);
  J(7, P0, -(T / (m * m)) * cf * ct);
  return out;
}

export interface StepWithJacobian {
  /** x̂_{k+1}. */
  next: Float64Array;
  /** ∂x̂_{k+1}/∂[x, u, p]: NX × N_TANGENT, row-major. */
  jac: Float64Array;
}

/**
 * x̂_{k+1} = f(x, u; p): RK4 over `dt` in `substeps` steps, inputs held (zero-order hold), with the exact
 * derivative of the discrete map (the RK4 stages' variational equations).
 */
export function predictStep(
  geo: Geometry,
  x: ArrayLike<number>,
  u: ArrayLike<number>,
  p: PhysParams,
  dt: number,
  substeps: number,
): StepWithJacobian {
  const h = dt / substeps;
  const xs = Float64Array.from(x);
  // Tangent T = ∂xs/∂[x, u, p]; starts as [I 0 0].
  const T = new Float64Array(NX * N_TANGENT);
  for (let i = 0; i < NX; i++) T[i * N_TANGENT + i] = 1;
  const k = [0, 1, 2, 3].map(() => new Float64Array(NX));
  const dk = [0, 1, 2, 3].map(() => new Float64Array(NX * N_TANGENT));
  const jac = new Float64Array(NX * N_TANGENT);
  const xStage = new Float64Array(NX);
  const tStage = new Float64Array(NX * N_TANGENT);
  const coef = [0, 0.5, 0.5, 1];
  for (let s = 0; s < substeps; s++) {
    for (let st = 0; st < 4; st++) {
      for (let i = 0; i < NX; i++) xStage[i] = xs[i] + (st === 0 ? 0 : coef[st] * h * k[st - 1][i]);
      for (let i = 0; i < NX * N_TANGENT; i++)
        tStage[i] = T[i] + (st === 0 ? 0 : coef[st] * h * dk[st - 1][i]);
      continuousDynamics(geo, xStage, u, p, k[st], jac);
      // dk = Fx · tStage + [0, Fu, Fp] (the input and parameter columns enter directly).
      const d = dk[st];
      for (let r = 0; r < NX; r++) {
        for (let c = 0; c < N_TANGENT; c++) {
          let acc = c >= NX ? jac[r * N_TANGENT + c] : 0;
          for (let j = 0; j < NX; j++) acc += jac[r * N_TANGENT + j] * tStage[j * N_TANGENT + c];
          d[r * N_TANGENT + c] = acc;
        }
      }
    }
    for (let i = 0; i < NX; i++) xs[i] += (h / 6) * (k[0][i] + 2 * k[1][i] + 2 * k[2][i] + k[3][i]);
    for (let i = 0; i < NX * N_TANGENT; i++)
      T[i] += (h / 6) * (dk[0][i] + 2 * dk[1][i] + 2 * dk[2][i] + dk[3][i]);
  }
  return { next: xs, jac: T };
}
