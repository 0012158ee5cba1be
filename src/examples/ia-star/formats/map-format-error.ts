import { type GridMap, type GridPoint, MAX_GRID_SIDE } from '../maps/grid-map.ts';

export type MapFileFormat = 'movingai-map' | 'movingai-scen' | 'reference-map' | 'json' | 'png';

/**
 * The one error every map / scenario parser throws: the message names the line (1-based) and what was wrong,
 * e.g. "line 4: expected 'width <W>', got 'widht 32'". `line` is null where the format has no lines (PNG).
 */
export class MapFormatError extends Error {
  override readonly name = 'MapFormatError';
  readonly format: MapFileFormat;
  readonly line: number | null;
  readonly detail: string;

  constructor(format: MapFileFormat, line: number | null, detail: string) {
    super(line === null ? detail : `line ${line}: ${detail}`);
    this.format = format;
    this.line = line;
    this.detail = detail;
  }
}

/** A map as read from a file; the formats that carry a start and goal fill them in. */
export interface LoadedMap {
  map: GridMap;
  start: GridPoint | null;
  goal: GridPoint | null;
}

/** Run a parser body so that anything unexpected still leaves as a MapFormatError. */
export function asFormatError<T>(format: MapFileFormat, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof MapFormatError) throw e;
    throw new MapFormatError(format, null, e instanceof Error ? e.message : String(e));
  }
}

/** Split text into lines (LF or CRLF). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Show a line in an error message: quoted, shortened. */
export function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `'${short}'`;
}

/** Parse a map side: a whole number from 1 to MAX_GRID_SIDE, or null. */
export function parseSide(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const v = Number(text);
  return v >= 1 && v <= MAX_GRID_SIDE ? v : null;
}

/** Moving AI terrain: true for a wall, false for a passable cell, null for an unknown character. */
export function movingAiTerrainIsWall(ch: string): boolean | null {
  switch (ch) {
    case '.':
    case 'G':
    case 'S':
      return false;
    case '@':
    case 'O':
    case 'T':
    case 'W':
      return true;
    default:
      return null;
  }
}
