/**
 * Sampling robot poses and goals in free space, for training, evaluation and the editor's default scene.
 * A start and a goal are drawn uniformly in the world, kept only if both have the required clearance
 * (exact distance to every footprint and the world's edge) and lie in the same connected part of the
 * grid planner's free cells, so that every sampled goal is reachable (optionally, without too long a
 * detour). The heading points at the goal
 * within ±maxGoalBearing, so that the depth camera mostly looks the way the robot must go.
 */
import type { Rng } from '../../../il/rng.ts';
import { shortestPathLength } from '../planning/baseline.ts';
import { cellIndexOf, type CostMap } from '../sensing/costmap.ts';
import { pointClearance } from '../worlds/geometry.ts';
import type { Point2, Pose2, World } from '../worlds/types.ts';

export interface EpisodeOptions {
  /** Smallest distance (m) from the start and the goal to any obstacle or the world's edge. */
  minClearance: number;
  /** Range of the straight-line start–goal distance (m). */
  minGoalDistance: number;
  maxGoalDistance: number;
  /** Largest angle (rad) between the robot's heading and the direction to the goal. */
  maxGoalBearing: number;
  /**
   * Largest ratio of the shortest path (classical planner, α = 0) to the straight-line distance; Infinity
   * skips the check (it costs one A* per candidate).
   */
  maxDetour: number;
  /** Rejection-sampling budget. */
  attempts: number;
}

export const DEFAULT_EPISODE_OPTIONS: EpisodeOptions = {
  minClearance: 0.5,
  minGoalDistance: 3,
  maxGoalDistance: 10,
  maxGoalBearing: Math.PI / 4,
  maxDetour: Infinity,
  attempts: 4000,
};

export interface Episode {
  start: Pose2;
  goal: Point2;
}

/**
 * Label the 4-connected components of the planner's free cells (−1 for blocked). 4-connectivity is exactly
 * the A* reachability: a diagonal move is allowed only when both orthogonal cells are free.
 */
export function freeComponents(map: CostMap): Int32Array {
  const { nx, ny, blocked } = map;
  const label = new Int32Array(nx * ny).fill(-1);
  const queue = new Int32Array(nx * ny);
  let next = 0;
  for (let s = 0; s < nx * ny; s++) {
    if (blocked[s] || label[s] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    label[s] = next;
    while (head < tail) {
      const c = queue[head++];
      const x = c % nx;
      const y = (c - x) / nx;
      const visit = (nb: number) => {
        if (!blocked[nb] && label[nb] === -1) {
          label[nb] = next;
          queue[tail++] = nb;
        }
      };
      if (x > 0) visit(c - 1);
      if (x < nx - 1) visit(c + 1);
      if (y > 0) visit(c - nx);
      if (y < ny - 1) visit(c + nx);
    }
    next++;
  }
  return label;
}

/** Draw one episode; null if the budget runs out (a world too cluttered for the options). */
export function sampleEpisode(
  world: Pick<World, 'obstacles' | 'bounds'>,
  map: CostMap,
  rng: Rng,
  options: Partial<EpisodeOptions> = {},
  components: Int32Array = freeComponents(map),
): Episode | null {
  const o = { ...DEFAULT_EPISODE_OPTIONS, ...options };
  const b = world.bounds;
  const freePoint = (): Point2 | null => {
    const x = rng.uniform(b.minX, b.maxX);
    const y = rng.uniform(b.minY, b.maxY);
    return pointClearance(world.obstacles, b, x, y) >= o.minClearance ? { x, y } : null;
  };
  for (let a = 0; a < o.attempts; a++) {
    const start = freePoint();
    if (!start) continue;
    const label = components[cellIndexOf(map, start.x, start.y)];
    if (label < 0) continue;
    for (let g = 0; g < 20; g++) {
      const goal = freePoint();
      if (!goal) continue;
      const d = Math.hypot(goal.x - start.x, goal.y - start.y);
      if (d < o.minGoalDistance || d > o.maxGoalDistance) continue;
      if (components[cellIndexOf(map, goal.x, goal.y)] !== label) continue;
      if (Number.isFinite(o.maxDetour) && shortestPathLength(world, map, start, goal) > o.maxDetour * d)
        continue;
      const yaw =
        Math.atan2(goal.y - start.y, goal.x - start.x) + rng.uniform(-o.maxGoalBearing, o.maxGoalBearing);
      return { start: { ...start, yaw }, goal };
    }
  }
  return null;
}
