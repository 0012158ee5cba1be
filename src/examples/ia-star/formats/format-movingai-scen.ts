import { type GridMap, type GridPoint, gridPoint, MAX_GRID_SIDE } from '../maps/grid-map.ts';
import { asFormatError, MapFormatError, quote, splitLines } from './map-format-error.ts';

/**
 * Moving AI `.scen` files: `version 1`, then one tab-separated row per query:
 * bucket, map file, map width, map height, start x, start y, goal x, goal y, optimal length
 * (x the column, y the row, (0,0) top-left; the optimal length under octile moves without corner cutting).
 */
export interface Scenario {
  bucket: number;
  mapName: string;
  mapWidth: number;
  mapHeight: number;
  start: GridPoint;
  goal: GridPoint;
  optimalLength: number;
  /** 1-based line in the file it came from (0 when made in code). */
  line: number;
}

const FIELDS = [
  'bucket',
  'map',
  'width',
  'height',
  'start x',
  'start y',
  'goal x',
  'goal y',
  'optimal length',
] as const;

/**
 * What a scenario may hold: sides up to the grid's limit, coordinates inside such a map, and an optimal length no
 * longer than a path through every cell diagonally (MAX_GRID_SIDE² · √2).
 */
export const SCEN_LIMITS = {
  maxBucket: 1_000_000,
  maxSide: MAX_GRID_SIDE,
  maxOptimalLength: MAX_GRID_SIDE * MAX_GRID_SIDE * Math.SQRT2,
  maxScenarios: 1_000_000,
} as const;

function wholeNumber(field: string, text: string, line: number, max: number): number {
  // Decimal digits only: "0x10", "1e3", "+4" or "-0" are refused, not read as numbers.
  if (!/^\d+$/.test(text)) {
    throw new MapFormatError(
      'movingai-scen',
      line,
      `${field} must be a whole number from 0 to ${max}, got ${quote(text)}`,
    );
  }
  const v = Number(text);
  if (v > max) {
    throw new MapFormatError(
      'movingai-scen',
      line,
      `${field} must be a whole number from 0 to ${max}, got ${quote(text)} (out of range)`,
    );
  }
  return v;
}

export function parseScen(text: string): Scenario[] {
  return asFormatError('movingai-scen', () => {
    const lines = splitLines(text);
    const header = (lines[0] ?? '').trim();
    if (!/^version\s+1(\.0)?$/.test(header)) {
      throw new MapFormatError('movingai-scen', 1, `expected 'version 1', got ${quote(header)}`);
    }
    const out: Scenario[] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = i + 1;
      const raw = lines[i].replace(/\s+$/, '');
      if (raw.trim() === '') continue;
      let fields = raw.split('\t');
      // Some tools write spaces; accept them when that gives exactly the nine fields.
      if (fields.length !== FIELDS.length) fields = raw.trim().split(/\s+/);
      if (fields.length !== FIELDS.length) {
        throw new MapFormatError(
          'movingai-scen',
          line,
          `expected ${FIELDS.length} tab-separated fields (${FIELDS.join(', ')}), got ${fields.length}`,
        );
      }
      const [bucket, mapName, w, h, sx, sy, gx, gy, opt] = fields;
      // A plain decimal (as Moving AI writes it): no hex, no sign, no exponent, no Infinity.
      const optimalLength = /^\d+(\.\d+)?$/.test(opt) ? Number(opt) : Number.NaN;
      if (!(optimalLength >= 0 && optimalLength <= SCEN_LIMITS.maxOptimalLength)) {
        throw new MapFormatError(
          'movingai-scen',
          line,
          `optimal length must be a decimal number from 0 to ${Math.floor(SCEN_LIMITS.maxOptimalLength)}, got ${quote(opt)}`,
        );
      }
      if (out.length >= SCEN_LIMITS.maxScenarios) {
        throw new MapFormatError(
          'movingai-scen',
          line,
          `a scenario file may hold at most ${SCEN_LIMITS.maxScenarios} scenarios`,
        );
      }
      const side = SCEN_LIMITS.maxSide;
      const mapWidth = wholeNumber('width', w, line, side);
      const mapHeight = wholeNumber('height', h, line, side);
      out.push({
        bucket: wholeNumber('bucket', bucket, line, SCEN_LIMITS.maxBucket),
        mapName,
        mapWidth,
        mapHeight,
        start: gridPoint(
          wholeNumber('start x', sx, line, side - 1),
          wholeNumber('start y', sy, line, side - 1),
        ),
        goal: gridPoint(wholeNumber('goal x', gx, line, side - 1), wholeNumber('goal y', gy, line, side - 1)),
        optimalLength,
        line,
      });
    }
    return out;
  });
}

export function serializeScen(scenarios: readonly Scenario[]): string {
  const rows = scenarios.map((s) =>
    [
      s.bucket,
      s.mapName,
      s.mapWidth,
      s.mapHeight,
      s.start.x,
      s.start.y,
      s.goal.x,
      s.goal.y,
      s.optimalLength.toFixed(8),
    ].join('\t'),
  );
  return `version 1\n${rows.map((r) => `${r}\n`).join('')}`;
}

/**
 * Does a scenario fit this map? Returns a MapFormatError naming the scenario's line, or null. The size must
 * match, and start and goal must lie on free cells.
 */
export function checkScenarioOnMap(s: Scenario, map: GridMap): MapFormatError | null {
  const fail = (detail: string): MapFormatError =>
    new MapFormatError('movingai-scen', s.line || null, detail);
  if (s.mapWidth !== map.width || s.mapHeight !== map.height) {
    return fail(
      `scenario is for a ${s.mapWidth}×${s.mapHeight} map, but the map is ${map.width}×${map.height}`,
    );
  }
  for (const [what, p] of [
    ['start', s.start],
    ['goal', s.goal],
  ] as const) {
    if (p.x >= map.width || p.y >= map.height) return fail(`${what} (${p.x}, ${p.y}) lies outside the map`);
    if (map.blocked[p.y * map.width + p.x]) return fail(`${what} (${p.x}, ${p.y}) is on a wall`);
  }
  return null;
}
