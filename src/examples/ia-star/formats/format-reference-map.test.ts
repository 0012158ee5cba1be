import { describe, expect, it } from 'vitest';
import { parseReferenceMap, serializeReferenceMap } from './format-reference-map.ts';
import { generateMap } from '../maps/generate-map.ts';
import { mapsEqual } from '../maps/grid-map.ts';
import { MapFormatError } from './map-format-error.ts';

const GOOD = 'type octile\nheight 2\nwidth 3\nstart 1 0\ngoal 0 2\nmap\n..@\n...\n';

describe('reference map text (map32_NN.txt)', () => {
  it('reads start and goal as (row, column)', () => {
    const scene = parseReferenceMap(GOOD);
    expect([scene.start.x, scene.start.y, scene.goal.x, scene.goal.y]).toEqual([0, 1, 2, 0]);
    expect(Array.from(scene.map.blocked)).toEqual([0, 0, 1, 0, 0, 0]);
  });

  it('round-trips a generated random-rectangles scene', () => {
    const scene = generateMap('random-rectangles', { width: 32, height: 32, seed: 4 });
    const back = parseReferenceMap(serializeReferenceMap(scene));
    expect(mapsEqual(back.map, scene.map)).toBe(true);
    expect([back.start, back.goal]).toEqual([scene.start, scene.goal]);
  });

  it.each([
    [
      'a misspelt start',
      GOOD.replace('start 1 0', 'strat 1 0'),
      "line 4: expected 'start <ROW> <COL>', got 'strat 1 0'",
    ],
    [
      'a start with one number',
      GOOD.replace('start 1 0', 'start 1'),
      "line 4: expected 'start <ROW> <COL>', got 'start 1'",
    ],
    [
      'a goal off the map',
      GOOD.replace('goal 0 2', 'goal 0 3'),
      'line 5: goal (row 0, column 3) lies outside the 3×2 map',
    ],
    ['a bad row', GOOD.replace('...\n', '..\n'), 'line 8: row has 2 characters, expected 3'],
  ])('%s → %s', (_, text, message) => {
    expect(() => parseReferenceMap(text)).toThrow(MapFormatError);
    expect(() => parseReferenceMap(text)).toThrow(message);
  });
});
