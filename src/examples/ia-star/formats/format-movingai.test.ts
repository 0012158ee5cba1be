import { describe, expect, it } from 'vitest';
import { checkScenarioOnMap, parseScen, type Scenario, serializeScen } from './format-movingai-scen.ts';
import { parseMovingAiMap, serializeMovingAiMap } from './format-movingai-map.ts';
import { generateMap } from '../maps/generate-map.ts';
import { gridPoint, mapFromRows, mapsEqual, mapToRows } from '../maps/grid-map.ts';
import { MapFormatError } from './map-format-error.ts';

const GOOD = ['type octile', 'height 3', 'width 4', 'map', '.@..', 'GSTW', 'O..@', ''].join('\n');

function errorOf(parse: () => unknown): MapFormatError {
  try {
    parse();
  } catch (e) {
    if (e instanceof MapFormatError) return e;
    throw new Error(`expected a MapFormatError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the parser to fail');
}

describe('Moving AI .map', () => {
  it('reads every terrain letter (. G S free; @ O T W walls)', () => {
    const map = parseMovingAiMap(GOOD);
    expect([map.width, map.height]).toEqual([4, 3]);
    expect(mapToRows(map)).toEqual(['.@..', '..@@', '@..@']);
  });

  it('accepts CRLF line ends and trailing blank lines', () => {
    expect(
      mapsEqual(parseMovingAiMap(GOOD.replace(/\n/g, '\r\n') + '\r\n\r\n'), parseMovingAiMap(GOOD)),
    ).toBe(true);
  });

  it('round-trips generated maps of several shapes', () => {
    for (const [kind, w, h] of [
      ['maze-wilson', 33, 17],
      ['forest', 64, 64],
      ['rooms', 40, 25],
    ] as const) {
      const { map } = generateMap(kind, { width: w, height: h, seed: 3 });
      const text = serializeMovingAiMap(map);
      expect(text.startsWith(`type octile\nheight ${h}\nwidth ${w}\nmap\n`)).toBe(true);
      expect(mapsEqual(parseMovingAiMap(text), map)).toBe(true);
      expect(serializeMovingAiMap(parseMovingAiMap(text))).toBe(text);
    }
  });

  const lines = GOOD.split('\n');
  const withLine = (index: number, text: string): string =>
    lines.map((l, i) => (i === index ? text : l)).join('\n');
  it.each([
    ['an empty file', '', "line 1: expected 'type octile', but the file ends here"],
    ['a blank first line', '\ntype octile', "line 1: expected 'type octile', got ''"],
    ['a wrong first line', withLine(0, 'typ octile'), "line 1: expected 'type octile', got 'typ octile'"],
    [
      'another map type',
      withLine(0, 'type hex'),
      "line 1: unsupported map type 'hex' (only 'octile' grids are read)",
    ],
    ['a misspelt height', withLine(1, 'heigth 3'), "line 2: expected 'height <H>', got 'heigth 3'"],
    [
      'a height of zero',
      withLine(1, 'height 0'),
      "line 2: height must be a whole number from 1 to 4096, got '0'",
    ],
    [
      'a height that is no number',
      withLine(1, 'height three'),
      "line 2: height must be a whole number from 1 to 4096, got 'three'",
    ],
    [
      'a height too large',
      withLine(1, 'height 5000'),
      "line 2: height must be a whole number from 1 to 4096, got '5000'",
    ],
    ['a misspelt width', withLine(2, 'widht 4'), "line 3: expected 'width <W>', got 'widht 4'"],
    ['width and height swapped', withLine(1, 'width 4'), "line 2: expected 'height <H>', got 'width 4'"],
    ['no map line', withLine(3, 'grid'), "line 4: expected 'map', got 'grid'"],
    ['a short row', withLine(5, 'GST'), 'line 6: row has 3 characters, expected 4'],
    ['a long row', withLine(4, '.@...'), 'line 5: row has 5 characters, expected 4'],
    ['unknown terrain', withLine(6, 'O.x@'), "line 7: unknown terrain 'x' at column 3"],
    [
      'a missing row',
      lines.slice(0, 6).join('\n') + '\n',
      'line 7: expected 3 map rows, but the file ends after 2',
    ],
    ['text after the rows', GOOD + 'extra\n', "line 8: unexpected text after the 3 map rows: 'extra'"],
    ['a header cut short', 'type octile\nheight 3\n', "line 3: expected 'width <W>', but the file ends here"],
  ])('%s → %s', (_, text, message) => {
    const e = errorOf(() => parseMovingAiMap(text));
    expect(e.message).toBe(message);
    expect(e.format).toBe('movingai-map');
    expect(e.line).toBe(Number(/^line (\d+)/.exec(message)?.[1]));
  });
});

describe('Moving AI .scen', () => {
  const SCEN =
    'version 1\n0\tarena.map\t49\t49\t19\t26\t19\t29\t3.00000000\n3\tarena.map\t49\t49\t1\t2\t3\t4\t2.41421356\n';

  it('reads rows (x the column, y the row) and remembers their lines', () => {
    const s = parseScen(SCEN);
    expect(s).toHaveLength(2);
    expect(s[0]).toMatchObject({
      bucket: 0,
      mapName: 'arena.map',
      mapWidth: 49,
      mapHeight: 49,
      optimalLength: 3,
      line: 2,
    });
    expect([s[0].start.x, s[0].start.y, s[0].goal.x, s[0].goal.y]).toEqual([19, 26, 19, 29]);
    expect(s[1].optimalLength).toBeCloseTo(1 + Math.SQRT2, 8);
  });

  it('round-trips', () => {
    const s = parseScen(SCEN);
    expect(serializeScen(s)).toBe(SCEN);
    expect(parseScen(serializeScen(s))).toEqual(s);
  });

  it('accepts "version 1.0", CRLF, blank lines and space-separated rows', () => {
    const s = parseScen('version 1.0\r\n\r\n0 a.map 49 49 19 26 19 29 3\r\n');
    expect(s).toHaveLength(1);
    expect(s[0].line).toBe(3);
  });

  it.each([
    [
      'a missing version line',
      '0\ta.map\t4\t4\t0\t0\t1\t1\t1\n',
      "line 1: expected 'version 1', got '0\ta.map\t4\t4\t0\t0\t1\t1\t1'",
    ],
    ['version 2', 'version 2\n', "line 1: expected 'version 1', got 'version 2'"],
    [
      'too few fields',
      'version 1\n0\ta.map\t4\t4\t0\t0\t1\t1\n',
      'line 2: expected 9 tab-separated fields (bucket, map, width, height, start x, start y, goal x, goal y, optimal length), got 8',
    ],
    [
      'a bad start x',
      'version 1\n\n0\ta.map\t4\t4\tx\t0\t1\t1\t1\n',
      "line 3: start x must be a whole number from 0 to 4095, got 'x'",
    ],
    [
      'a negative goal y',
      'version 1\n0\ta.map\t4\t4\t0\t0\t1\t-1\t1\n',
      "line 2: goal y must be a whole number from 0 to 4095, got '-1'",
    ],
    [
      'a bad optimal length',
      'version 1\n0\ta.map\t4\t4\t0\t0\t1\t1\tfar\n',
      "line 2: optimal length must be a decimal number from 0 to 23726566, got 'far'",
    ],
    [
      'a 20-digit coordinate',
      'version 1\n0\ta.map\t4\t4\t99999999999999999999\t0\t1\t1\t1\n',
      "line 2: start x must be a whole number from 0 to 4095, got '99999999999999999999' (out of range)",
    ],
    [
      'a hex optimal length',
      'version 1\n0\ta.map\t4\t4\t0\t0\t1\t1\t0x10\n',
      "line 2: optimal length must be a decimal number from 0 to 23726566, got '0x10'",
    ],
    [
      'a side beyond the grid limit',
      'version 1\n0\ta.map\t5000\t4\t0\t0\t1\t1\t1\n',
      "line 2: width must be a whole number from 0 to 4096, got '5000' (out of range)",
    ],
  ])('%s → %s', (_, text, message) => {
    const e = errorOf(() => parseScen(text));
    expect(e.message).toBe(message);
    expect(e.format).toBe('movingai-scen');
  });

  it('checks a scenario against its map: size, bounds, walls', () => {
    const map = mapFromRows(['..@', '...']);
    const s = (sx: number, sy: number, gx: number, gy: number, w = 3, h = 2): Scenario => ({
      bucket: 0,
      mapName: 'm.map',
      mapWidth: w,
      mapHeight: h,
      start: gridPoint(sx, sy),
      goal: gridPoint(gx, gy),
      optimalLength: 1,
      line: 5,
    });
    expect(checkScenarioOnMap(s(0, 0, 1, 1), map)).toBeNull();
    expect(checkScenarioOnMap(s(0, 0, 1, 1, 4, 2), map)?.message).toBe(
      'line 5: scenario is for a 4×2 map, but the map is 3×2',
    );
    expect(checkScenarioOnMap(s(0, 0, 3, 1), map)?.message).toBe('line 5: goal (3, 1) lies outside the map');
    expect(checkScenarioOnMap(s(2, 0, 0, 0), map)?.message).toBe('line 5: start (2, 0) is on a wall');
  });
});
