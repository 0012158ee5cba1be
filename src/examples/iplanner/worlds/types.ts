/**
 * Shared types of the iPlanner example's non-neural half.
 *
 * Frames (named in every function that takes coordinates):
 * - world: metres, x east, y north, z up; the ground is the plane z = 0.
 * - robot: metres, origin at the robot, x forward (its heading), y left, z up.
 * - grid: cell indices of the top-down cost map, row-major (index = iy * nx + ix).
 * - pixels: depth-image coordinates, row 0 at the top, column 0 at the left.
 */

/** A point on the ground plane, in the frame its name says (world or robot). */
export interface Point2 {
  x: number;
  y: number;
}

/** A robot pose in the world frame: position (m) and heading (rad, counter-clockwise from +x). */
export interface Pose2 {
  x: number;
  y: number;
  yaw: number;
}

/** Axis-aligned rectangle of the world frame (m). */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A vertical cylinder standing on the ground: centre (x, y), radius and height (m). */
export interface CylinderObstacle {
  id: number;
  kind: 'cylinder';
  x: number;
  y: number;
  radius: number;
  height: number;
}

/**
 * A box standing on the ground, rotated about z: centre (x, y), half extents along its own axes
 * (halfX along its local x, halfY along its local y), yaw (rad) and height (m). Axis-aligned when yaw = 0.
 */
export interface BoxObstacle {
  id: number;
  kind: 'box';
  x: number;
  y: number;
  halfX: number;
  halfY: number;
  yaw: number;
  height: number;
}

export type Obstacle = CylinderObstacle | BoxObstacle;

/** An obstacle's geometry without its id (what the editor adds, what the generators place). */
export type Shape = Omit<CylinderObstacle, 'id'> | Omit<BoxObstacle, 'id'>;

export const WORLD_KINDS = ['forest', 'rooms', 'corridors', 'garage'] as const;
export type WorldKind = (typeof WORLD_KINDS)[number];

/**
 * A 3D world of primitives on a ground plane, plus the scene's robot start pose and goal (both world frame).
 * Immutable by convention: every edit returns a new World.
 */
export interface World {
  kind: WorldKind;
  seed: number;
  bounds: Bounds;
  obstacles: readonly Obstacle[];
  start: Pose2;
  goal: Point2;
  /** The id the next added obstacle gets. */
  nextId: number;
}
