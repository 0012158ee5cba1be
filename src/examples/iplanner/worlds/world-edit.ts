/** Pure edits of a world for the editor: each returns a new World and leaves the old one untouched. */
import type { Obstacle, Point2, Pose2, Shape, World } from './types.ts';

export function addObstacle(world: World, shape: Shape): World {
  const obstacle: Obstacle = { ...shape, id: world.nextId };
  return { ...world, obstacles: [...world.obstacles, obstacle], nextId: world.nextId + 1 };
}

/** Move an obstacle to (x, y) and optionally turn it (yaw only applies to boxes). Unknown ids: unchanged. */
export function moveObstacle(world: World, id: number, x: number, y: number, yaw?: number): World {
  if (!world.obstacles.some((o) => o.id === id)) return world;
  return {
    ...world,
    obstacles: world.obstacles.map((o) =>
      o.id !== id ? o : o.kind === 'box' ? { ...o, x, y, yaw: yaw ?? o.yaw } : { ...o, x, y },
    ),
  };
}

export function deleteObstacle(world: World, id: number): World {
  if (!world.obstacles.some((o) => o.id === id)) return world;
  return { ...world, obstacles: world.obstacles.filter((o) => o.id !== id) };
}

export function setGoal(world: World, goal: Point2): World {
  return { ...world, goal: { x: goal.x, y: goal.y } };
}

export function setStart(world: World, start: Pose2): World {
  return { ...world, start: { x: start.x, y: start.y, yaw: start.yaw } };
}
