/**
 * Worlds that arrive from the view (the editor's world, in command payloads): checked field by field, so bad
 * input gets a clear message instead of NaNs deep in a planner, and prepared once (cost map, ray scene) with a
 * small cache keyed by the geometry.
 */
import { prepareWorld, type PreparedWorld } from '../learning/training-data.ts';
import { WORLD_KINDS, type Obstacle, type Point2, type Pose2, type World } from './types.ts';

function finite(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${what} must be a finite number`);
  return v;
}

function positive(v: unknown, what: string): number {
  const x = finite(v, what);
  if (x <= 0) throw new Error(`${what} must be positive`);
  return x;
}

function record(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null) throw new Error(`${what} is missing`);
  return v as Record<string, unknown>;
}

export function parsePoint(v: unknown, what: string): Point2 {
  const r = record(v, what);
  return { x: finite(r.x, `${what}.x`), y: finite(r.y, `${what}.y`) };
}

export function parsePose(v: unknown, what: string): Pose2 {
  const r = record(v, what);
  return { x: finite(r.x, `${what}.x`), y: finite(r.y, `${what}.y`), yaw: finite(r.yaw, `${what}.yaw`) };
}

function parseObstacle(v: unknown, i: number): Obstacle {
  const r = record(v, `obstacle ${i}`);
  const id = finite(r.id, `obstacle ${i} id`);
  const x = finite(r.x, `obstacle ${i} x`);
  const y = finite(r.y, `obstacle ${i} y`);
  const height = positive(r.height, `obstacle ${i} height`);
  if (r.kind === 'cylinder')
    return { id, kind: 'cylinder', x, y, height, radius: positive(r.radius, `obstacle ${i} radius`) };
  if (r.kind === 'box')
    return {
      id,
      kind: 'box',
      x,
      y,
      height,
      halfX: positive(r.halfX, `obstacle ${i} halfX`),
      halfY: positive(r.halfY, `obstacle ${i} halfY`),
      yaw: finite(r.yaw, `obstacle ${i} yaw`),
    };
  throw new Error(`obstacle ${i} has an unknown kind`);
}

const MAX_OBSTACLES = 2000;

/** A World from untrusted data; throws with a readable message. */
export function parseWorld(v: unknown): World {
  const r = record(v, 'world');
  const b = record(r.bounds, 'world bounds');
  const bounds = {
    minX: finite(b.minX, 'bounds.minX'),
    minY: finite(b.minY, 'bounds.minY'),
    maxX: finite(b.maxX, 'bounds.maxX'),
    maxY: finite(b.maxY, 'bounds.maxY'),
  };
  const w = bounds.maxX - bounds.minX;
  const h = bounds.maxY - bounds.minY;
  if (!(w >= 2 && h >= 2 && w <= 200 && h <= 200))
    throw new Error('the world must be between 2 m and 200 m wide');
  if (!Array.isArray(r.obstacles)) throw new Error('world obstacles must be a list');
  if (r.obstacles.length > MAX_OBSTACLES) throw new Error(`at most ${MAX_OBSTACLES} obstacles, please`);
  const kind = WORLD_KINDS.find((k) => k === r.kind) ?? 'forest';
  return {
    kind,
    seed: Math.round(finite(r.seed ?? 0, 'world seed')),
    bounds,
    obstacles: r.obstacles.map(parseObstacle),
    start: parsePose(r.start, 'start'),
    goal: parsePoint(r.goal, 'goal'),
    nextId: Math.round(finite(r.nextId ?? r.obstacles.length, 'nextId')),
  };
}

/** Prepared worlds by geometry (start and goal do not matter), the few most recent kept. */
export class WorldCache {
  private readonly entries = new Map<string, PreparedWorld>();

  constructor(private readonly capacity = 4) {}

  get(world: World): PreparedWorld {
    const key = JSON.stringify([world.bounds, world.obstacles]);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return { ...hit, world };
    }
    const prepared = prepareWorld(world);
    this.entries.set(key, prepared);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return prepared;
  }
}
