import type { GridScene } from '../maps/grid-map.ts';
import { gridPoint, mapToRows } from '../maps/grid-map.ts';
import { HeaderReader } from './format-movingai-map.ts';
import { asFormatError, quote } from './map-format-error.ts';

/**
 * The text format of ../shared/data/neural-astar-reference (map32_NN.txt, map64_NN.txt):
 *   type octile / height H / width W / start ROW COL / goal ROW COL / map / H rows ('.' free, '@' wall).
 * Note the (row, column) order of start and goal, 0-based.
 */
function endpoint(r: HeaderReader, word: 'start' | 'goal', width: number, height: number) {
  const line = r.next(`'${word} <ROW> <COL>'`);
  const m = /^(\S+)\s+(\d+)\s+(\d+)$/.exec(line);
  if (!m || m[1] !== word) r.fail(`expected '${word} <ROW> <COL>', got ${quote(line)}`);
  const row = Number(m[2]);
  const col = Number(m[3]);
  if (row >= height || col >= width)
    r.fail(`${word} (row ${row}, column ${col}) lies outside the ${width}×${height} map`);
  return gridPoint(col, row);
}

export function parseReferenceMap(text: string): GridScene {
  return asFormatError('reference-map', () => {
    const r = new HeaderReader('reference-map', text.split(/\r?\n/));
    r.type();
    const height = r.side('height');
    const width = r.side('width');
    const start = endpoint(r, 'start', width, height);
    const goal = endpoint(r, 'goal', width, height);
    r.keyword('map');
    return { map: r.rows(width, height), start, goal };
  });
}

export function serializeReferenceMap(scene: GridScene): string {
  const { map, start, goal } = scene;
  return [
    'type octile',
    `height ${map.height}`,
    `width ${map.width}`,
    `start ${start.y} ${start.x}`,
    `goal ${goal.y} ${goal.x}`,
    'map',
    ...mapToRows(map),
    '',
  ].join('\n');
}
