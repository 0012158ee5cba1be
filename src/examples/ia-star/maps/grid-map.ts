/**
 * The grid every iA* planner, editor and file format works on.
 *
 * Coordinates: a `GridPoint` is `{x, y}` in grid cells, x the column, y the row, (0, 0) the top-left cell
 * (the Moving AI convention). A `Cell` is the row-major index y·width + x. Both are branded so a pixel or
 * a world coordinate cannot be passed where a grid cell is meant.
 */
export type Cell = number & { readonly __brand: 'GridCell' };
export interface GridPoint {
  readonly x: number;
  readonly y: number;
  readonly __brand?: 'GridPoint';
}

/** A width × height occupancy grid; blocked[cell] is 1 for a wall, 0 for a free cell. */
export interface GridMap {
  readonly width: number;
  readonly height: number;
  readonly blocked: Uint8Array;
}

/** A map with a start and a goal: what editors, generators and files hand around. */
export interface GridScene {
  readonly map: GridMap;
  readonly start: GridPoint;
  readonly goal: GridPoint;
}

export const MAX_GRID_SIDE = 4096;

export function gridPoint(x: number, y: number): GridPoint {
  return { x, y } as GridPoint;
}

export function asCell(index: number): Cell {
  return index as Cell;
}

export function cellOf(map: Pick<GridMap, 'width'>, p: GridPoint): Cell {
  return (p.y * map.width + p.x) as Cell;
}

export function pointOf(map: Pick<GridMap, 'width'>, cell: Cell): GridPoint {
  const y = Math.floor(cell / map.width);
  return gridPoint(cell - y * map.width, y);
}

export function inBounds(map: Pick<GridMap, 'width' | 'height'>, p: GridPoint): boolean {
  return (
    Number.isInteger(p.x) &&
    Number.isInteger(p.y) &&
    p.x >= 0 &&
    p.y >= 0 &&
    p.x < map.width &&
    p.y < map.height
  );
}

export function isBlockedAt(map: GridMap, p: GridPoint): boolean {
  return map.blocked[p.y * map.width + p.x] === 1;
}

export function samePoint(a: GridPoint, b: GridPoint): boolean {
  return a.x === b.x && a.y === b.y;
}

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`grid size must be positive integers, got ${width}×${height}`);
  }
  if (width > MAX_GRID_SIDE || height > MAX_GRID_SIDE) {
    throw new RangeError(`grid side at most ${MAX_GRID_SIDE}, got ${width}×${height}`);
  }
}

/** An all-free map (or one holding a copy of `blocked`). */
export function createGridMap(width: number, height: number, blocked?: Uint8Array): GridMap {
  checkSize(width, height);
  const cells = new Uint8Array(width * height);
  if (blocked) {
    if (blocked.length !== width * height) {
      throw new RangeError(`blocked has ${blocked.length} cells, expected ${width * height}`);
    }
    for (let i = 0; i < cells.length; i++) cells[i] = blocked[i] ? 1 : 0;
  }
  return { width, height, blocked: cells };
}

/** Build a map from rows of characters; `wall` says which characters are walls (default '@'). */
export function mapFromRows(
  rows: readonly string[],
  isWall: (ch: string) => boolean = (ch) => ch === '@',
): GridMap {
  const height = rows.length;
  const width = height > 0 ? rows[0].length : 0;
  const map = createGridMap(width, height);
  for (let y = 0; y < height; y++) {
    if (rows[y].length !== width)
      throw new RangeError(`row ${y} has ${rows[y].length} characters, expected ${width}`);
    for (let x = 0; x < width; x++) map.blocked[y * width + x] = isWall(rows[y][x]) ? 1 : 0;
  }
  return map;
}

/** Rows of '.' (free) and '@' (wall). */
export function mapToRows(map: GridMap): string[] {
  const rows: string[] = [];
  for (let y = 0; y < map.height; y++) {
    let row = '';
    for (let x = 0; x < map.width; x++) row += map.blocked[y * map.width + x] ? '@' : '.';
    rows.push(row);
  }
  return rows;
}

export function mapsEqual(a: GridMap, b: GridMap): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.blocked.length; i++) if (a.blocked[i] !== b.blocked[i]) return false;
  return true;
}

export function countBlocked(map: GridMap): number {
  let n = 0;
  for (let i = 0; i < map.blocked.length; i++) n += map.blocked[i];
  return n;
}
