import type { Rng } from '../../../il/rng';
import { compose, type Pose } from '../solver/se2';

export const TRAJECTORY_KINDS = ['figure8', 'manhattan', 'random-walk'] as const;
export type TrajectoryKind = (typeof TRAJECTORY_KINDS)[number];

/** Commanded motion per step: forward distance v (metres) and turn ω (radians). */
export interface Controls {
  v: Float64Array;
  w: Float64Array;
}

/** A figure-8: two circles of radius R driven in turn, revisiting the crossing every lap. */
function figure8(steps: number, rng: Rng): Controls {
  const v = new Float64Array(steps);
  const w = new Float64Array(steps);
  const speed = rng.uniform(0.35, 0.45);
  const radius = rng.uniform(3, 4);
  const perCircle = Math.round((2 * Math.PI * radius) / speed);
  for (let t = 0; t < steps; t++) {
    v[t] = speed * (1 + 0.05 * Math.sin(t / 7));
    w[t] = (Math.floor(t / perCircle) % 2 === 0 ? 1 : -1) * (v[t] / radius);
  }
  return { v, w };
}

/** Manhattan blocks: straight streets of one block, 90° turns at corners, biased home so blocks are revisited. */
function manhattan(steps: number, rng: Rng): Controls {
  const v = new Float64Array(steps);
  const w = new Float64Array(steps);
  const block = rng.int(8, 11);
  const turnSteps = 4;
  let t = 0;
  let heading = 0;
  let cell: [number, number] = [0, 0];
  while (t < steps) {
    for (let k = 0; k < block && t < steps; k++, t++) v[t] = 0.45;
    const dir = [Math.round(Math.cos(heading)), Math.round(Math.sin(heading))];
    cell = [cell[0] + dir[0], cell[1] + dir[1]];
    // Turn towards home when far from it, otherwise left, right or straight at random.
    const far = Math.abs(cell[0]) + Math.abs(cell[1]) > 2;
    const left: [number, number] = [-dir[1], dir[0]];
    const homeward = far && left[0] * -cell[0] + left[1] * -cell[1] > 0;
    const r = rng.next();
    const turn = far ? (homeward ? 1 : -1) : r < 0.4 ? 1 : r < 0.8 ? -1 : 0;
    heading += (turn * Math.PI) / 2;
    for (let k = 0; k < turnSteps && t < steps; k++, t++) {
      v[t] = 0.15;
      w[t] = (turn * Math.PI) / 2 / turnSteps;
    }
  }
  return { v, w };
}

/** A smooth random walk that is pulled back towards the start, so it crosses its own path. */
function randomWalk(steps: number, rng: Rng): Controls {
  const v = new Float64Array(steps);
  const w = new Float64Array(steps);
  let pose: Pose = [0, 0, 0];
  let omega = 0;
  for (let t = 0; t < steps; t++) {
    const bearing = Math.atan2(-pose[1], -pose[0]) - pose[2];
    const towardsHome = Math.atan2(Math.sin(bearing), Math.cos(bearing));
    const dist = Math.hypot(pose[0], pose[1]);
    omega = 0.85 * omega + 0.15 * (rng.normal() * 0.25 + (dist > 4 ? 0.3 * towardsHome : 0));
    v[t] = 0.3 + 0.15 * rng.next();
    w[t] = Math.max(-0.35, Math.min(0.35, omega));
    pose = compose(pose, arcMotion(v[t], w[t]));
  }
  return { v, w };
}

export function makeControls(kind: TrajectoryKind, steps: number, rng: Rng): Controls {
  switch (kind) {
    case 'figure8':
      return figure8(steps, rng);
    case 'manhattan':
      return manhattan(steps, rng);
    case 'random-walk':
      return randomWalk(steps, rng);
  }
}

/** The relative pose of driving distance v along an arc turning by ω. */
export function arcMotion(v: number, w: number): Pose {
  if (Math.abs(w) < 1e-9) return [v, 0, w];
  return [(v * Math.sin(w)) / w, (v * (1 - Math.cos(w))) / w, w];
}
