import { createGridMap, type GridPoint, gridPoint, mapToRows, MAX_GRID_SIDE } from '../maps/grid-map.ts';
import {
  asFormatError,
  type LoadedMap,
  MapFormatError,
  movingAiTerrainIsWall,
  quote,
} from './map-format-error.ts';

/**
 * The project's JSON form of a map:
 *   { "version": 1, "width": W, "height": H, "rows": ["..@.", ...], "start": {"x": 0, "y": 0}, "goal": {...} }
 * Rows use Moving AI terrain ('.' free, '@' wall; G S O T W also read); start and goal are optional.
 * Errors name the line of the offending value (rows are written one per line).
 */
export const MAP_JSON_VERSION = 1;

export interface MapJson {
  version: number;
  width: number;
  height: number;
  rows: string[];
  start?: { x: number; y: number };
  goal?: { x: number; y: number };
}

const UNKNOWN = 2;
/** Moving AI terrain by character code (ASCII): 1 wall, 0 free, UNKNOWN otherwise. */
const TERRAIN = Uint8Array.from({ length: 128 }, (_, code) => {
  const wall = movingAiTerrainIsWall(String.fromCharCode(code));
  return wall === null ? UNKNOWN : wall ? 1 : 0;
});

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line of the first `"key":`, or null. */
function lineOfKey(text: string, key: string): number | null {
  const m = new RegExp(`"${key}"\\s*:`).exec(text);
  return m ? lineAt(text, m.index) : null;
}

/** Line of the i-th element of the "rows" array, found by scanning the text after `"rows": [`. */
function lineOfRow(text: string, index: number): number | null {
  const m = /"rows"\s*:\s*\[/.exec(text);
  if (!m) return null;
  let element = 0;
  let depth = 0;
  let expectElement = true;
  for (let i = m.index + m[0].length; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) continue;
    if (depth === 0 && ch === ']') return null;
    if (depth === 0 && ch === ',') {
      element++;
      expectElement = true;
      continue;
    }
    if (expectElement && depth === 0) {
      if (element === index) return lineAt(text, i);
      expectElement = false;
    }
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === '"') for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
  }
  return null;
}

/** Position of the first `ch` outside string literals (where JSON.parse gives no position). */
function firstOutsideStrings(text: string, ch: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ch) return i;
    if (text[i] === '"') for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
  }
  return text.length;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseMapJson(text: string): LoadedMap {
  return asFormatError('json', () => {
    const fail = (line: number | null, detail: string): never => {
      throw new MapFormatError('json', line, detail);
    };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const pos = /position (\d+)/.exec(message);
      const token = /^Unexpected token '(.)'/.exec(message);
      const at = pos ? Number(pos[1]) : token ? firstOutsideStrings(text, token[1]) : text.length;
      const what = message
        .replace(/ in JSON at position \d+.*$/, '')
        .replace(/, ".*" is not valid JSON$/s, '')
        // V8 quotes the input around the token (…"@@", NaN"@…): the line number says where, so drop the quote.
        .replace(/^(Unexpected token '.'), .*$/s, '$1');
      return fail(lineAt(text, at), `not valid JSON (${what})`);
    }
    if (!isRecord(data))
      return fail(1, 'expected a JSON object { "version", "width", "height", "rows", ... }');
    if (data.version !== MAP_JSON_VERSION) {
      fail(
        lineOfKey(text, 'version') ?? 1,
        `expected "version": ${MAP_JSON_VERSION}, got ${JSON.stringify(data.version) ?? 'nothing'}`,
      );
    }
    const side = (key: 'width' | 'height'): number => {
      const v = data[key];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_GRID_SIDE) {
        fail(
          lineOfKey(text, key) ?? 1,
          `"${key}" must be a whole number from 1 to ${MAX_GRID_SIDE}, got ${JSON.stringify(v) ?? 'nothing'}`,
        );
      }
      return v as number;
    };
    const width = side('width');
    const height = side('height');
    const rows = data.rows;
    if (!Array.isArray(rows))
      return fail(lineOfKey(text, 'rows') ?? 1, `"rows" must be an array of ${height} strings`);
    if (rows.length !== height) {
      fail(lineOfKey(text, 'rows') ?? 1, `"rows" has ${rows.length} rows, expected ${height} (the height)`);
    }
    const map = createGridMap(width, height);
    // Lines are only looked up for an error: finding a row's line scans the text, so doing it for every row
    // made a 4096×4096 map (17 MB) take minutes.
    for (let y = 0; y < height; y++) {
      const row: unknown = rows[y];
      if (typeof row !== 'string')
        return fail(
          lineOfRow(text, y),
          `rows[${y}] must be a string, got ${JSON.stringify(row) ?? 'nothing'}`,
        );
      if (row.length !== width)
        fail(lineOfRow(text, y), `row has ${row.length} characters, expected ${width}`);
      const offset = y * width;
      for (let x = 0; x < width; x++) {
        const code = row.charCodeAt(x);
        const wall = code < 128 ? TERRAIN[code] : UNKNOWN;
        if (wall === UNKNOWN) fail(lineOfRow(text, y), `unknown terrain ${quote(row[x])} at column ${x + 1}`);
        map.blocked[offset + x] = wall;
      }
    }
    const point = (key: 'start' | 'goal'): GridPoint | null => {
      const v = data[key];
      if (v === undefined || v === null) return null;
      const line = lineOfKey(text, key);
      if (!isRecord(v) || !Number.isInteger(v.x) || !Number.isInteger(v.y)) {
        return fail(
          line,
          `"${key}" must be {"x": column, "y": row} with whole numbers, got ${JSON.stringify(v)}`,
        );
      }
      const p = gridPoint(v.x as number, v.y as number);
      if (p.x < 0 || p.y < 0 || p.x >= width || p.y >= height) {
        fail(line, `"${key}" (${p.x}, ${p.y}) lies outside the ${width}×${height} map`);
      }
      return p;
    };
    return { map, start: point('start'), goal: point('goal') };
  });
}

export function serializeMapJson(loaded: LoadedMap): string {
  const out: MapJson = {
    version: MAP_JSON_VERSION,
    width: loaded.map.width,
    height: loaded.map.height,
    rows: mapToRows(loaded.map),
  };
  if (loaded.start) out.start = { x: loaded.start.x, y: loaded.start.y };
  if (loaded.goal) out.goal = { x: loaded.goal.x, y: loaded.goal.y };
  // One row per line, so a reader (and an error message) can point at a row.
  const rows = out.rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  const ends = [
    out.start ? `,\n  "start": ${JSON.stringify(out.start)}` : '',
    out.goal ? `,\n  "goal": ${JSON.stringify(out.goal)}` : '',
  ].join('');
  return `{\n  "version": ${out.version},\n  "width": ${out.width},\n  "height": ${out.height},\n  "rows": [\n${rows}\n  ]${ends}\n}\n`;
}
