import { createGridMap, type GridMap, type GridPoint, type GridScene, gridPoint } from './grid-map.ts';

/**
 * Pure edit operations for the map editor: each returns a new map (or scene) and leaves its input alone;
 * an edit that changes nothing returns its input, so a history can skip it.
 */
export type BrushMode = 'wall' | 'erase';

/** Cells of a round brush of radius r around p (r = 0: the cell itself), clipped to the map. */
export function brushCells(map: GridMap, p: GridPoint, radius: number): number[] {
  const r = Math.max(0, Math.floor(radius));
  const out: number[] = [];
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      // Within r + ½ of the centre: radius 1 is a 3×3 block, radius 2 a round blob of 21 cells.
      if (dx * dx + dy * dy > r * r + r) continue;
      const x = p.x + dx;
      const y = p.y + dy;
      if (x >= 0 && y >= 0 && x < map.width && y < map.height) out.push(y * map.width + x);
    }
  }
  return out;
}

/** Cells on the straight segment from a to b (Bresenham), so a fast drag leaves no gaps. */
export function segmentPoints(a: GridPoint, b: GridPoint): GridPoint[] {
  const out: GridPoint[] = [];
  let x = a.x;
  let y = a.y;
  const dx = Math.abs(b.x - a.x);
  const dy = -Math.abs(b.y - a.y);
  const sx = a.x < b.x ? 1 : -1;
  const sy = a.y < b.y ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    out.push(gridPoint(x, y));
    if (x === b.x && y === b.y) return out;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}

/**
 * Paint walls (or erase them) with a round brush along the stroke from `from` to `to` (equal for a click).
 * Cells listed in `keep` (e.g. start and goal) are left as they are.
 */
export function paintStroke(
  map: GridMap,
  from: GridPoint,
  to: GridPoint,
  radius: number,
  mode: BrushMode,
  keep: readonly GridPoint[] = [],
): GridMap {
  const value = mode === 'wall' ? 1 : 0;
  const kept = new Set(keep.map((p) => p.y * map.width + p.x));
  let out: GridMap | null = null;
  for (const p of segmentPoints(from, to)) {
    for (const cell of brushCells(map, p, radius)) {
      if (kept.has(cell) || (out ?? map).blocked[cell] === value) continue;
      out ??= createGridMap(map.width, map.height, map.blocked);
      out.blocked[cell] = value;
    }
  }
  return out ?? map;
}

export function paintBrush(
  map: GridMap,
  at: GridPoint,
  radius: number,
  mode: BrushMode,
  keep: readonly GridPoint[] = [],
): GridMap {
  return paintStroke(map, at, at, radius, mode, keep);
}

export function clearMap(map: GridMap): GridMap {
  return map.blocked.some((b) => b === 1) ? createGridMap(map.width, map.height) : map;
}

/** Walls become free and free cells walls (cells in `keep` end up free). */
export function invertMap(map: GridMap, keep: readonly GridPoint[] = []): GridMap {
  const out = createGridMap(map.width, map.height);
  for (let i = 0; i < out.blocked.length; i++) out.blocked[i] = map.blocked[i] ? 0 : 1;
  for (const p of keep) out.blocked[p.y * map.width + p.x] = 0;
  return out;
}

/** A new width × height map keeping the top-left overlap; new cells are free. */
export function resizeMap(map: GridMap, width: number, height: number): GridMap {
  if (width === map.width && height === map.height) return map;
  const out = createGridMap(width, height);
  const w = Math.min(width, map.width);
  for (let y = 0; y < Math.min(height, map.height); y++) {
    out.blocked.set(map.blocked.subarray(y * map.width, y * map.width + w), y * width);
  }
  return out;
}

function clampPoint(p: GridPoint, width: number, height: number): GridPoint {
  return gridPoint(
    Math.min(width - 1, Math.max(0, Math.round(p.x))),
    Math.min(height - 1, Math.max(0, Math.round(p.y))),
  );
}

/** Resize a scene; start and goal are clamped into the new bounds. */
export function resizeScene(scene: GridScene, width: number, height: number): GridScene {
  const map = resizeMap(scene.map, width, height);
  if (map === scene.map) return scene;
  return { map, start: clampPoint(scene.start, width, height), goal: clampPoint(scene.goal, width, height) };
}

/** Move the start (clamped into the map). A start on a wall is allowed: the view reports it. */
export function setStart(scene: GridScene, p: GridPoint): GridScene {
  const start = clampPoint(p, scene.map.width, scene.map.height);
  return start.x === scene.start.x && start.y === scene.start.y ? scene : { ...scene, start };
}

export function setGoal(scene: GridScene, p: GridPoint): GridScene {
  const goal = clampPoint(p, scene.map.width, scene.map.height);
  return goal.x === scene.goal.x && goal.y === scene.goal.y ? scene : { ...scene, goal };
}

export function withMap(scene: GridScene, map: GridMap): GridScene {
  return map === scene.map ? scene : { ...scene, map };
}
