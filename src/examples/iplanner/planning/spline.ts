/**
 * The LL engine g of iPlanner: a cubic spline through the start p₀ and the k key points p₁..p_k
 * (robot frame), on uniform knots t_i = i, sampled at n waypoints t_j = j·k/(n−1) (j = 0..n−1; with
 * k = 5 and n = 51 every tenth waypoint is a key point).
 *
 * The spline is the LL solution in closed form: among all C² curves through the points it minimises
 *   L = ∫₀ᵏ ‖p''(t)‖² dt
 * (the natural cubic spline; with the 'heading' start, among those leaving along the robot's heading).
 * Its knot second derivatives M solve a tridiagonal system that is linear in the points, M = S·p, so the
 * waypoints are a fixed LINEAR map of the points, W = B·P, and L is a fixed quadratic form, L = Pᵀ Q P
 * (per axis). The network's gradient therefore crosses the LL by a constant matrix product: autograd goes
 * straight through it (∂L/∂P = 2QP, ∂U/∂P = Bᵀ ∂U/∂W).
 *
 * Start conditions (per axis, each linear in the points):
 * - 'natural': p''(0) = 0 on both axes (both ends natural; Bx = By).
 * - 'heading': x natural, and y'(0) = 0, so the path leaves along the robot's heading (+x of the robot
 *   frame) whenever x'(0) > 0. The far end is natural in both cases.
 * iPlanner's own code uses C¹ Hermite segments with finite-difference tangents; this is the C² spline
 * whose optimality the lesson shows.
 */

export type SplineStart = 'natural' | 'heading';

export interface SplineOptions {
  /** Number of key points (the start is extra). */
  k: number;
  /** Number of waypoints, the start included. */
  n: number;
  start: SplineStart;
}

export const DEFAULT_SPLINE_OPTIONS: SplineOptions = { k: 5, n: 51, start: 'natural' };

/** One axis of the spline: all matrices act on the column of values [p₀; p₁; …; p_k] (length k + 1). */
export interface SplineAxis {
  /** (k+1)×(k+1) row-major: knot second derivatives M = S·p. */
  S: Float64Array;
  /** n×(k+1) row-major: waypoint values w = B·p. */
  B: Float64Array;
  /** (k+1)×(k+1) row-major, symmetric PSD: ∫₀ᵏ p''(t)² dt = pᵀ Q p. */
  Q: Float64Array;
}

export interface SplineOperator {
  options: SplineOptions;
  /** Parameter value of each waypoint. */
  sampleT: Float64Array;
  x: SplineAxis;
  y: SplineAxis;
}

/** Solve A X = R in place for a small dense system (A m×m, R m×c, row-major), partial pivoting. */
function solveDense(A: Float64Array, R: Float64Array, m: number, c: number): void {
  for (let col = 0; col < m; col++) {
    let piv = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(A[r * m + col]) > Math.abs(A[piv * m + col])) piv = r;
    if (piv !== col) {
      for (let j = 0; j < m; j++) [A[col * m + j], A[piv * m + j]] = [A[piv * m + j], A[col * m + j]];
      for (let j = 0; j < c; j++) [R[col * c + j], R[piv * c + j]] = [R[piv * c + j], R[col * c + j]];
    }
    const d = A[col * m + col];
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = A[r * m + col] / d;
      if (f === 0) continue;
      for (let j = col; j < m; j++) A[r * m + j] -= f * A[col * m + j];
      for (let j = 0; j < c; j++) R[r * c + j] -= f * R[col * c + j];
    }
  }
  for (let r = 0; r < m; r++) {
    const d = A[r * m + r];
    for (let j = 0; j < c; j++) R[r * c + j] /= d;
  }
}

/** The matrix S (M = S p) for uniform unit knots, natural far end, and the given start condition. */
function secondDerivativeMatrix(k: number, start: 'natural' | 'zeroSlope'): Float64Array {
  const m = k + 1;
  const A = new Float64Array(m * m);
  const R = new Float64Array(m * m);
  if (start === 'natural') {
    A[0] = 1; // M₀ = 0
  } else {
    // p'(0) = p₁ − p₀ − (2M₀ + M₁)/6 = 0
    A[0] = 2;
    A[1] = 1;
    R[0] = -6;
    R[1] = 6;
  }
  for (let i = 1; i < k; i++) {
    // M_{i−1} + 4M_i + M_{i+1} = 6(p_{i−1} − 2p_i + p_{i+1})
    A[i * m + i - 1] = 1;
    A[i * m + i] = 4;
    A[i * m + i + 1] = 1;
    R[i * m + i - 1] = 6;
    R[i * m + i] = -12;
    R[i * m + i + 1] = 6;
  }
  A[k * m + k] = 1; // M_k = 0
  solveDense(A, R, m, m);
  return R;
}

/** Row of coefficients over p for the value at parameter t (written into row). */
function valueRow(S: Float64Array, k: number, t: number, row: Float64Array): void {
  const m = k + 1;
  const i = Math.min(k - 1, Math.max(0, Math.floor(t)));
  const u = t - i;
  const a = ((1 - u) ** 3 - (1 - u)) / 6;
  const b = (u ** 3 - u) / 6;
  for (let j = 0; j < m; j++) row[j] = a * S[i * m + j] + b * S[(i + 1) * m + j];
  row[i] += 1 - u;
  row[i + 1] += u;
}

function buildAxis(k: number, n: number, sampleT: Float64Array, start: 'natural' | 'zeroSlope'): SplineAxis {
  const m = k + 1;
  const S = secondDerivativeMatrix(k, start);
  const B = new Float64Array(n * m);
  const row = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    valueRow(S, k, sampleT[j], row);
    B.set(row, j * m);
  }
  // ∫ over a unit segment of ((1−u)M_i + uM_{i+1})² = (M_i² + M_i M_{i+1} + M_{i+1}²)/3 → Q = Sᵀ G S.
  const G = new Float64Array(m * m);
  for (let i = 0; i < k; i++) {
    G[i * m + i] += 1 / 3;
    G[(i + 1) * m + i + 1] += 1 / 3;
    G[i * m + i + 1] += 1 / 6;
    G[(i + 1) * m + i] += 1 / 6;
  }
  const GS = new Float64Array(m * m);
  for (let r = 0; r < m; r++)
    for (let c = 0; c < m; c++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += G[r * m + l] * S[l * m + c];
      GS[r * m + c] = s;
    }
  const Q = new Float64Array(m * m);
  for (let r = 0; r < m; r++)
    for (let c = 0; c < m; c++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += S[l * m + r] * GS[l * m + c];
      Q[r * m + c] = s;
    }
  // Symmetrise away round-off.
  for (let r = 0; r < m; r++)
    for (let c = r + 1; c < m; c++) {
      const v = 0.5 * (Q[r * m + c] + Q[c * m + r]);
      Q[r * m + c] = v;
      Q[c * m + r] = v;
    }
  return { S, B, Q };
}

/** Build the fixed matrices of the spline LL (waypoints W = B·P and energy L = Pᵀ Q P, per axis). */
export function buildSplineOperator(options: Partial<SplineOptions> = {}): SplineOperator {
  const o: SplineOptions = { ...DEFAULT_SPLINE_OPTIONS, ...options };
  if (o.k < 2 || o.n < 2) throw new Error('spline needs k ≥ 2 key points and n ≥ 2 waypoints');
  const sampleT = new Float64Array(o.n);
  for (let j = 0; j < o.n; j++) sampleT[j] = (j * o.k) / (o.n - 1);
  sampleT[o.n - 1] = o.k;
  const x = buildAxis(o.k, o.n, sampleT, 'natural');
  const y = o.start === 'natural' ? x : buildAxis(o.k, o.n, sampleT, 'zeroSlope');
  return { options: o, sampleT, x, y };
}

/** Stack the start and interleaved key points [x₁, y₁, …] into per-axis columns of length k + 1. */
function axisColumns(op: SplineOperator, keypoints: ArrayLike<number>, sx: number, sy: number) {
  const k = op.options.k;
  if (keypoints.length !== 2 * k)
    throw new Error(`expected ${2 * k} key-point coordinates, got ${keypoints.length}`);
  const px = new Float64Array(k + 1);
  const py = new Float64Array(k + 1);
  px[0] = sx;
  py[0] = sy;
  for (let i = 0; i < k; i++) {
    px[i + 1] = keypoints[2 * i];
    py[i + 1] = keypoints[2 * i + 1];
  }
  return { px, py };
}

/**
 * The waypoints (interleaved [x₀, y₀, …, x_{n−1}, y_{n−1}], robot frame) of the spline through the start
 * (default: the robot's origin) and the interleaved key points.
 */
export function keypointsToWaypoints(
  op: SplineOperator,
  keypoints: ArrayLike<number>,
  startX = 0,
  startY = 0,
): Float64Array {
  const { n, k } = op.options;
  const m = k + 1;
  const { px, py } = axisColumns(op, keypoints, startX, startY);
  const out = new Float64Array(2 * n);
  for (let j = 0; j < n; j++) {
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < m; i++) {
      sx += op.x.B[j * m + i] * px[i];
      sy += op.y.B[j * m + i] * py[i];
    }
    out[2 * j] = sx;
    out[2 * j + 1] = sy;
  }
  return out;
}

/** Chain rule through the spline: ∂U/∂(key points) = Bᵀ ∂U/∂W (interleaved, 2k values). */
export function waypointGradToKeypoints(op: SplineOperator, gradW: ArrayLike<number>): Float64Array {
  const { n, k } = op.options;
  const m = k + 1;
  const out = new Float64Array(2 * k);
  for (let i = 1; i < m; i++) {
    let gx = 0;
    let gy = 0;
    for (let j = 0; j < n; j++) {
      gx += op.x.B[j * m + i] * gradW[2 * j];
      gy += op.y.B[j * m + i] * gradW[2 * j + 1];
    }
    out[2 * (i - 1)] = gx;
    out[2 * (i - 1) + 1] = gy;
  }
  return out;
}

/** L = ∫₀ᵏ ‖p''‖² dt = pxᵀ Qx px + pyᵀ Qy py and its gradient with respect to the key points (2k). */
export function splineEnergy(
  op: SplineOperator,
  keypoints: ArrayLike<number>,
  startX = 0,
  startY = 0,
): { value: number; grad: Float64Array } {
  const k = op.options.k;
  const m = k + 1;
  const { px, py } = axisColumns(op, keypoints, startX, startY);
  let value = 0;
  const grad = new Float64Array(2 * k);
  for (let r = 0; r < m; r++) {
    let qx = 0;
    let qy = 0;
    for (let c = 0; c < m; c++) {
      qx += op.x.Q[r * m + c] * px[c];
      qy += op.y.Q[r * m + c] * py[c];
    }
    value += px[r] * qx + py[r] * qy;
    if (r > 0) {
      grad[2 * (r - 1)] = 2 * qx;
      grad[2 * (r - 1) + 1] = 2 * qy;
    }
  }
  return { value, grad };
}

export interface SplinePoint {
  x: number;
  y: number;
  dx: number;
  dy: number;
  ddx: number;
  ddy: number;
}

function evalAxis(
  S: Float64Array,
  k: number,
  p: Float64Array,
  t: number,
  segment?: number,
): [number, number, number] {
  const m = k + 1;
  const i = segment ?? Math.min(k - 1, Math.max(0, Math.floor(t)));
  const u = t - i;
  let Mi = 0;
  let Mj = 0;
  for (let c = 0; c < m; c++) {
    Mi += S[i * m + c] * p[c];
    Mj += S[(i + 1) * m + c] * p[c];
  }
  const value = (1 - u) * p[i] + u * p[i + 1] + (((1 - u) ** 3 - (1 - u)) / 6) * Mi + ((u ** 3 - u) / 6) * Mj;
  const d1 = p[i + 1] - p[i] + ((1 - 3 * (1 - u) ** 2) / 6) * Mi + ((3 * u * u - 1) / 6) * Mj;
  const d2 = (1 - u) * Mi + u * Mj;
  return [value, d1, d2];
}

/**
 * The spline and its first two derivatives at parameter t ∈ [0, k]. segment picks the piece used at a knot
 * (default: the one starting at floor(t)), so one-sided derivatives at the knots can be compared.
 */
export function evalSpline(
  op: SplineOperator,
  keypoints: ArrayLike<number>,
  t: number,
  startX = 0,
  startY = 0,
  segment?: number,
): SplinePoint {
  const k = op.options.k;
  if (segment !== undefined && (segment < 0 || segment >= k))
    throw new Error(`segment ${segment} outside 0..${k - 1}`);
  const { px, py } = axisColumns(op, keypoints, startX, startY);
  const [x, dx, ddx] = evalAxis(op.x.S, k, px, t, segment);
  const [y, dy, ddy] = evalAxis(op.y.S, k, py, t, segment);
  return { x, y, dx, dy, ddx, ddy };
}
