import { describe, expect, it } from 'vitest';
import { parseMapJson, serializeMapJson } from './format-json-map.ts';
import { generateMap } from '../maps/generate-map.ts';
import { createGridMap, gridPoint, mapsEqual, mapToRows } from '../maps/grid-map.ts';
import { MapFormatError } from './map-format-error.ts';

const GOOD = serializeMapJson({
  map: (() => {
    const m = createGridMap(4, 3);
    m.blocked[1] = 1;
    m.blocked[6] = 1;
    return m;
  })(),
  start: gridPoint(0, 0),
  goal: gridPoint(3, 2),
});

describe('JSON map form', () => {
  it('writes one row per line and reads it back', () => {
    expect(GOOD.split('\n').slice(0, 8)).toEqual([
      '{',
      '  "version": 1,',
      '  "width": 4,',
      '  "height": 3,',
      '  "rows": [',
      '    ".@..",',
      '    "..@.",',
      '    "...."',
    ]);
    const back = parseMapJson(GOOD);
    expect(mapToRows(back.map)).toEqual(['.@..', '..@.', '....']);
    expect([back.start, back.goal]).toEqual([gridPoint(0, 0), gridPoint(3, 2)]);
  });

  it('round-trips generated scenes and maps without endpoints', () => {
    for (const kind of ['bugtrap', 'maze-backtracker'] as const) {
      const scene = generateMap(kind, { width: 37, height: 21, seed: 8 });
      const back = parseMapJson(serializeMapJson(scene));
      expect(mapsEqual(back.map, scene.map)).toBe(true);
      expect([back.start, back.goal]).toEqual([scene.start, scene.goal]);
      expect(serializeMapJson(back)).toBe(serializeMapJson(scene));
    }
    const bare = parseMapJson('{"version":1,"width":2,"height":1,"rows":["@."]}');
    expect(bare.start).toBeNull();
    expect(serializeMapJson(bare)).not.toContain('start');
  });

  const replaceLine = (n: number, text: string): string =>
    GOOD.split('\n')
      .map((l, i) => (i === n - 1 ? text : l))
      .join('\n');
  it.each([
    ['a trailing comma', replaceLine(8, '    "....",\n  ],'), 'line 9: not valid JSON ('],
    ['a stray token', replaceLine(3, '  "width": x,'), "line 3: not valid JSON (Unexpected token 'x'"],
    ['an array at the top', '[1, 2]', 'line 1: expected a JSON object'],
    ['another version', replaceLine(2, '  "version": 2,'), 'line 2: expected "version": 1, got 2'],
    [
      'a width of zero',
      replaceLine(3, '  "width": 0,'),
      'line 3: "width" must be a whole number from 1 to 4096, got 0',
    ],
    [
      'a height that is a string',
      replaceLine(4, '  "height": "3",'),
      'line 4: "height" must be a whole number from 1 to 4096, got "3"',
    ],
    [
      'rows that are not an array',
      GOOD.replace(/"rows": \[[^\]]*\]/, '"rows": "...."'),
      'line 5: "rows" must be an array of 3 strings',
    ],
    [
      'a missing row',
      GOOD.replace(',\n    "...."', ''),
      'line 5: "rows" has 2 rows, expected 3 (the height)',
    ],
    ['a short row', replaceLine(7, '    "..@",'), 'line 7: row has 3 characters, expected 4'],
    ['unknown terrain', replaceLine(8, '    "..#."'), "line 8: unknown terrain '#' at column 3"],
    ['a row that is a number', replaceLine(6, '    5,'), 'line 6: rows[0] must be a string, got 5'],
    [
      'a start off the map',
      GOOD.replace('"start": {"x":0,"y":0}', '"start": {"x":4,"y":0}'),
      'line 10: "start" (4, 0) lies outside the 4×3 map',
    ],
    [
      'a goal without y',
      GOOD.replace('"goal": {"x":3,"y":2}', '"goal": {"x":3}'),
      'line 11: "goal" must be {"x": column, "y": row}',
    ],
  ])('%s → %s', (_, text, message) => {
    let error: unknown;
    try {
      parseMapJson(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MapFormatError);
    expect((error as MapFormatError).message.startsWith(message)).toBe(true);
  });
});
