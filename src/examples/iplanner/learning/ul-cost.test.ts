import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { buildCostMap } from '../sensing/costmap.ts';
import { worldToRobot } from '../worlds/geometry.ts';
import { buildSplineOperator, keypointsToWaypoints, waypointGradToKeypoints } from '../planning/spline.ts';
import type { Obstacle, Pose2 } from '../worlds/types.ts';
import {
  binaryCrossEntropy,
  fearLabel,
  goalTerm,
  motionTerm,
  obstacleTerm,
  upperLevelCost,
  type TermResult,
} from './ul-cost.ts';

const obstacles: Obstacle[] = [
  { id: 0, kind: 'cylinder', x: 5, y: 5.2, radius: 0.5, height: 2 },
  { id: 1, kind: 'box', x: 7.5, y: 3.5, halfX: 1, halfY: 0.3, yaw: 0.4, height: 1 },
  { id: 2, kind: 'cylinder', x: 3.5, y: 7, radius: 0.35, height: 2 },
];
const world = { bounds: { minX: 0, minY: 0, maxX: 10, maxY: 10 }, obstacles };
const map = buildCostMap(world);
const pose: Pose2 = { x: 2, y: 3, yaw: 0.5 };
const goalWorld = { x: 8.5, y: 6.5 };
const goal = worldToRobot(pose, goalWorld);
const op = buildSplineOperator();

/** Key points that pass by the obstacles, so every term is active. */
function keypoints(seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: 10 }, (_, i) =>
    i % 2 === 0
      ? (goal.x * (i / 2 + 1)) / 5 + rng.uniform(-0.6, 0.6)
      : (goal.y * ((i - 1) / 2 + 1)) / 5 + rng.uniform(-0.6, 0.6),
  );
}

function checkGradient(f: (w: Float64Array) => TermResult, w: Float64Array, digits = 4) {
  const { grad } = f(w);
  const h = 1e-6;
  for (let i = 0; i < w.length; i++) {
    const up = Float64Array.from(w);
    const dn = Float64Array.from(w);
    up[i] += h;
    dn[i] -= h;
    expect(grad[i]).toBeCloseTo((f(up).value - f(dn).value) / (2 * h), digits);
  }
}

describe('UL cost terms', () => {
  const waypoints = [1, 2, 3].map((s) => keypointsToWaypoints(op, keypoints(s)));

  it('obstacle term: sum / mean of bilinear cost samples, gradient vs finite differences', () => {
    for (const w of waypoints) {
      const sum = obstacleTerm(w, pose, map, 'sum');
      const mean = obstacleTerm(w, pose, map, 'mean');
      expect(sum.value).toBeGreaterThan(0);
      expect(mean.value).toBeCloseTo(sum.value / 51, 12);
      checkGradient((x) => obstacleTerm(x, pose, map, 'sum'), w);
      checkGradient((x) => obstacleTerm(x, pose, map, 'mean'), w);
    }
  });

  it('motion term: 0 on the uniformly sampled straight line to the goal, gradient vs finite differences', () => {
    const line = Float64Array.from(
      { length: 102 },
      (_, i) => ((i % 2 === 0 ? goal.x : goal.y) * Math.floor(i / 2)) / 50,
    );
    expect(motionTerm(line, goal).value).toBeCloseTo(0, 12);
    // Twice as fast along the same line: every step is off by the line's step.
    const fast = line.map((v) => 2 * v);
    expect(motionTerm(fast, goal).value).toBeCloseTo(Math.hypot(goal.x, goal.y), 10);
    for (const w of waypoints) checkGradient((x) => motionTerm(x, goal), w);
  });

  it('goal term: ln(1 + distance from the last waypoint), gradient vs finite differences', () => {
    for (const w of waypoints) {
      const d = Math.hypot(w[100] - goal.x, w[101] - goal.y);
      expect(goalTerm(w, goal).value).toBeCloseTo(Math.log1p(d), 12);
      checkGradient((x) => goalTerm(x, goal), w);
    }
  });

  it('fear label: a path through an obstacle within the look-ahead is 1, beyond it or clear of it is 0', () => {
    const straight = (toX: number, toY: number) =>
      Float64Array.from({ length: 102 }, (_, i) => ((i % 2 === 0 ? toX : toY) * Math.floor(i / 2)) / 50);
    // From the robot frame origin straight at the cylinder at (5, 5.2) world.
    const p: Pose2 = { x: 3.2, y: 5.2, yaw: 0 };
    expect(fearLabel(straight(3, 0), p, map)).toBe(1);
    expect(fearLabel(straight(3, 0), p, map, 0.5)).toBe(0); // its inflated rim starts 1.0 m ahead
    expect(fearLabel(straight(0, -2), p, map)).toBe(0);
  });

  it('binary cross-entropy: values and gradient', () => {
    expect(binaryCrossEntropy(0.8, 1).value).toBeCloseTo(-Math.log(0.8), 12);
    expect(binaryCrossEntropy(0.8, 0).value).toBeCloseTo(-Math.log(0.2), 12);
    for (const [p, y] of [
      [0.3, 1],
      [0.3, 0],
      [0.91, 1],
    ]) {
      const h = 1e-7;
      const fd = (binaryCrossEntropy(p + h, y).value - binaryCrossEntropy(p - h, y).value) / (2 * h);
      expect(binaryCrossEntropy(p, y).grad).toBeCloseTo(fd, 5);
    }
  });

  it('total U: weighted sum of the terms, gradient through the spline to the key points vs finite differences', () => {
    const ctx = { pose, goal, map };
    for (const s of [1, 2]) {
      const kp = keypoints(s);
      const w = keypointsToWaypoints(op, kp);
      const r = upperLevelCost(w, 0.3, ctx);
      const t = r.terms;
      expect(r.total).toBeCloseTo(0.5 * t.obstacle + 2 * t.motion + 5 * t.goal + 1 * t.fear, 10);
      const gK = waypointGradToKeypoints(op, r.gradWaypoints);
      const h = 1e-6;
      for (let i = 0; i < kp.length; i++) {
        const up = Float64Array.from(kp);
        const dn = Float64Array.from(kp);
        up[i] += h;
        dn[i] -= h;
        const fu = upperLevelCost(keypointsToWaypoints(op, up), 0.3, ctx);
        const fdn = upperLevelCost(keypointsToWaypoints(op, dn), 0.3, ctx);
        // The fear label is piecewise constant; compare where it does not flip.
        if (fu.fearLabel !== fdn.fearLabel) continue;
        expect(gK[i]).toBeCloseTo((fu.total - fdn.total) / (2 * h), 4);
      }
      const hf = 1e-7;
      const fdFear =
        (upperLevelCost(w, 0.3 + hf, ctx).total - upperLevelCost(w, 0.3 - hf, ctx).total) / (2 * hf);
      expect(r.gradFear).toBeCloseTo(fdFear, 4);
    }
  });

  it('takes custom weights', () => {
    const w = waypoints[0];
    const r = upperLevelCost(
      w,
      0.5,
      { pose, goal, map },
      { weights: { obstacle: 1, motion: 0, goal: 0, fear: 0 } },
    );
    expect(r.total).toBeCloseTo(r.terms.obstacle, 12);
  });

  it('smoothing: |x|_ε = √(x² + ε²) − ε in the motion and goal terms, within ε of the exact terms, smooth at the kink', () => {
    const eps = 0.05;
    const line = Float64Array.from(
      { length: 102 },
      (_, i) => ((i % 2 === 0 ? goal.x : goal.y) * Math.floor(i / 2)) / 50,
    );
    // On the straight line both kinks are hit exactly: the smoothed terms are 0 with a zero gradient.
    const onLine = motionTerm(line, goal, undefined, eps);
    expect(onLine.value).toBeCloseTo(0, 12);
    expect(Math.max(...onLine.grad.map(Math.abs))).toBeLessThan(1e-9);
    const atGoal = goalTerm(line, goal, eps);
    expect(atGoal.value).toBeCloseTo(0, 12);
    expect(Math.max(...atGoal.grad.map(Math.abs))).toBeLessThan(1e-6);
    for (const w of waypoints) {
      const exact = motionTerm(w, goal);
      const smooth = motionTerm(w, goal, undefined, eps);
      expect(smooth.value).toBeLessThanOrEqual(exact.value + 1e-12);
      expect(smooth.value).toBeGreaterThanOrEqual(exact.value - 50 * eps);
      checkGradient((x) => motionTerm(x, goal, undefined, eps), w);
      const d = Math.hypot(w[100] - goal.x, w[101] - goal.y);
      expect(goalTerm(w, goal, eps).value).toBeCloseTo(Math.log1p(Math.sqrt(d * d + eps * eps) - eps), 12);
      checkGradient((x) => goalTerm(x, goal, eps), w);
    }
    const r = upperLevelCost(waypoints[0], 0.4, { pose, goal, map }, { smoothing: eps });
    expect(r.terms.motion).toBeCloseTo(motionTerm(waypoints[0], goal, undefined, eps).value, 12);
  });
});
