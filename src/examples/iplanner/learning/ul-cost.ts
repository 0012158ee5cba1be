/**
 * The upper-level cost U of iPlanner on the waypoints W (robot frame, the start included), as pure
 * functions with analytic gradients ∂U/∂W. Following iPlanner's TrajCost.CostofTraj and MapObsLoss
 * (leggedrobotics/iPlanner, traj_cost.py, training_run.py):
 *
 *   U = α·Σ_j C(T(w_j))                                   obstacle: cost map C along the path (T: robot → world)
 *     + γ·Σ_j | ‖g − p₀‖/(n−1) − ‖w_{j+1} − w_j‖ |       motion: step lengths vs the straight line to the goal
 *     + δ·ln(1 + ‖w_{n−1} − g‖)                          goal
 *     + ε·BCE(fear, y)                                   fear head, label y from the cost map
 *
 * with iPlanner's weights α = 0.5, γ = 2, δ = 5, ε = 1 (its height term β is not needed on flat ground).
 * The obstacle term sums over the waypoints as iPlanner does ('sum'); 'mean' divides by n (then scale α
 * by n to keep the same balance). The fear label y is 1 when some waypoint after the start, within the
 * first fearAheadDist = 2.5 m of path, samples a cost above fearThreshold = 0.5.
 *
 * Smoothing (optional, 0 = exactly iPlanner's terms): the motion term's |·| and the goal term's distance have a kink
 * at 0, and a plan on the straight line to the goal sits right on it, where float rounding alone picks the sign of
 * the subgradient: noise that drowns the obstacle signal in training. With smoothing ε > 0 both use the
 * pseudo-Huber form |x|_ε = √(x² + ε²) − ε (equal to |x| up to at most ε, differentiable everywhere).
 */
import { sampleCost, type CostMap } from '../sensing/costmap.ts';
import type { Point2, Pose2 } from '../worlds/types.ts';

export interface UlWeights {
  obstacle: number;
  motion: number;
  goal: number;
  fear: number;
}

export const IPLANNER_WEIGHTS: UlWeights = { obstacle: 0.5, motion: 2, goal: 5, fear: 1 };

export interface UlSettings {
  weights: UlWeights;
  obstacleReduction: 'sum' | 'mean';
  /** Only this much path (m) from the start decides the fear label. */
  fearAheadDist: number;
  /** Cost above which a waypoint counts as colliding for the fear label. */
  fearThreshold: number;
  /** ε (m) of the pseudo-Huber |x|_ε in the motion and goal terms; 0 keeps iPlanner's exact |x|. */
  smoothing: number;
}

export const DEFAULT_UL_SETTINGS: UlSettings = {
  weights: IPLANNER_WEIGHTS,
  obstacleReduction: 'sum',
  fearAheadDist: 2.5,
  fearThreshold: 0.5,
  smoothing: 0,
};

/** |x|_ε = √(x² + ε²) − ε and its derivative (sign(x) for ε = 0). */
function smoothAbs(x: number, eps: number): { value: number; slope: number } {
  if (eps <= 0) return { value: Math.abs(x), slope: Math.sign(x) };
  const r = Math.sqrt(x * x + eps * eps);
  return { value: r - eps, slope: x / r };
}

/** A term's value and its gradient with respect to the interleaved waypoints (2n values). */
export interface TermResult {
  value: number;
  grad: Float64Array;
}

/** Obstacle term: the cost map sampled (bilinearly) at every waypoint, summed or averaged. */
export function obstacleTerm(
  waypoints: ArrayLike<number>,
  pose: Pose2,
  map: CostMap,
  reduction: 'sum' | 'mean' = 'sum',
): TermResult {
  const n = waypoints.length / 2;
  const c = Math.cos(pose.yaw);
  const s = Math.sin(pose.yaw);
  const scale = reduction === 'mean' ? 1 / n : 1;
  const g = new Float64Array(2);
  const grad = new Float64Array(2 * n);
  let value = 0;
  for (let j = 0; j < n; j++) {
    const x = waypoints[2 * j];
    const y = waypoints[2 * j + 1];
    value += sampleCost(map, pose.x + c * x - s * y, pose.y + s * x + c * y, g);
    // Back to the robot frame: ∂C/∂w = Rᵀ ∇C.
    grad[2 * j] = scale * (c * g[0] + s * g[1]);
    grad[2 * j + 1] = scale * (-s * g[0] + c * g[1]);
  }
  return { value: value * scale, grad };
}

/**
 * Motion term: Σ_j |d* − ‖w_{j+1} − w_j‖| with d* = ‖goal − start‖/(n−1), the step of the straight line
 * from the start to the goal sampled at n points (start default: the robot's origin).
 */
export function motionTerm(
  waypoints: ArrayLike<number>,
  goal: Point2,
  start: Point2 = { x: 0, y: 0 },
  smoothing = 0,
): TermResult {
  const n = waypoints.length / 2;
  const target = Math.hypot(goal.x - start.x, goal.y - start.y) / (n - 1);
  const grad = new Float64Array(2 * n);
  let value = 0;
  for (let j = 0; j + 1 < n; j++) {
    const dx = waypoints[2 * j + 2] - waypoints[2 * j];
    const dy = waypoints[2 * j + 3] - waypoints[2 * j + 1];
    const len = Math.hypot(dx, dy);
    const diff = target - len;
    const a = smoothAbs(diff, smoothing);
    value += a.value;
    if (len === 0 || a.slope === 0) continue;
    // ∂|d* − ℓ|/∂Δ = −sign(d* − ℓ)·Δ/ℓ, Δ = w_{j+1} − w_j (sign → the smoothed slope).
    const k = -a.slope / len;
    grad[2 * j + 2] += k * dx;
    grad[2 * j + 3] += k * dy;
    grad[2 * j] -= k * dx;
    grad[2 * j + 1] -= k * dy;
  }
  return { value, grad };
}

/** Goal term: ln(1 + ‖w_{n−1} − goal‖), the goal in the robot frame (‖·‖ → ‖·‖_ε with smoothing). */
export function goalTerm(waypoints: ArrayLike<number>, goal: Point2, smoothing = 0): TermResult {
  const n = waypoints.length / 2;
  const dx = waypoints[2 * n - 2] - goal.x;
  const dy = waypoints[2 * n - 1] - goal.y;
  const raw = Math.hypot(dx, dy);
  const d = smoothing > 0 ? Math.sqrt(raw * raw + smoothing * smoothing) - smoothing : raw;
  const grad = new Float64Array(2 * n);
  if (raw > 0) {
    // ∂d/∂(dx, dy) = (dx, dy)/(d + ε) in both cases (ε = 0: the unit vector).
    const k = 1 / ((d + smoothing) * (1 + d));
    grad[2 * n - 2] = k * dx;
    grad[2 * n - 1] = k * dy;
  }
  return { value: Math.log1p(d), grad };
}

/** iPlanner's fear label: 1 if a waypoint after the start, within aheadDist of path, costs above threshold. */
export function fearLabel(
  waypoints: ArrayLike<number>,
  pose: Pose2,
  map: CostMap,
  aheadDist = DEFAULT_UL_SETTINGS.fearAheadDist,
  threshold = DEFAULT_UL_SETTINGS.fearThreshold,
): 0 | 1 {
  const n = waypoints.length / 2;
  const c = Math.cos(pose.yaw);
  const s = Math.sin(pose.yaw);
  let travelled = 0;
  for (let j = 1; j < n; j++) {
    travelled += Math.hypot(
      waypoints[2 * j] - waypoints[2 * j - 2],
      waypoints[2 * j + 1] - waypoints[2 * j - 1],
    );
    if (travelled > aheadDist) break;
    const x = waypoints[2 * j];
    const y = waypoints[2 * j + 1];
    if (sampleCost(map, pose.x + c * x - s * y, pose.y + s * x + c * y) > threshold) return 1;
  }
  return 0;
}

const BCE_EPS = 1e-7;

/** Binary cross-entropy −[y ln p + (1 − y) ln(1 − p)] and ∂/∂p, with p clamped to [ε, 1 − ε]. */
export function binaryCrossEntropy(p: number, label: number): { value: number; grad: number } {
  const q = Math.min(1 - BCE_EPS, Math.max(BCE_EPS, p));
  const value = -(label * Math.log(q) + (1 - label) * Math.log(1 - q));
  const clamped = q !== p;
  return { value, grad: clamped ? 0 : (q - label) / (q * (1 - q)) };
}

export interface UlContext {
  /** The robot's pose (world) that the waypoints are relative to. */
  pose: Pose2;
  /** The goal in the robot frame. */
  goal: Point2;
  map: CostMap;
}

export interface UlResult {
  total: number;
  /** Unweighted term values. */
  terms: { obstacle: number; motion: number; goal: number; fear: number };
  fearLabel: 0 | 1;
  /** ∂U/∂W, interleaved (2n). */
  gradWaypoints: Float64Array;
  /** ∂U/∂fear. */
  gradFear: number;
}

/** The whole UL cost of one plan: waypoints W (robot frame) and the fear head's collision probability. */
export function upperLevelCost(
  waypoints: ArrayLike<number>,
  fear: number,
  ctx: UlContext,
  settings: Partial<UlSettings> = {},
): UlResult {
  const st: UlSettings = { ...DEFAULT_UL_SETTINGS, ...settings };
  const w = st.weights;
  const obs = obstacleTerm(waypoints, ctx.pose, ctx.map, st.obstacleReduction);
  const mot = motionTerm(waypoints, ctx.goal, undefined, st.smoothing);
  const gl = goalTerm(waypoints, ctx.goal, st.smoothing);
  const label = fearLabel(waypoints, ctx.pose, ctx.map, st.fearAheadDist, st.fearThreshold);
  const bce = binaryCrossEntropy(fear, label);
  const grad = new Float64Array(waypoints.length);
  for (let i = 0; i < grad.length; i++)
    grad[i] = w.obstacle * obs.grad[i] + w.motion * mot.grad[i] + w.goal * gl.grad[i];
  return {
    total: w.obstacle * obs.value + w.motion * mot.value + w.goal * gl.value + w.fear * bce.value,
    terms: { obstacle: obs.value, motion: mot.value, goal: gl.value, fear: bce.value },
    fearLabel: label,
    gradWaypoints: grad,
    gradFear: w.fear * bce.grad,
  };
}
