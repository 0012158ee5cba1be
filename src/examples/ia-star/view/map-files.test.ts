import { describe, expect, it } from 'vitest';
import { parseMapJson } from '../formats/format-json-map.ts';
import { parseMovingAiMap } from '../formats/format-movingai-map.ts';
import { parseScen } from '../formats/format-movingai-scen.ts';
import { parsePngMap } from '../formats/format-png-map.ts';
import { generateMap } from '../maps/generate-map.ts';
import { createGridMap, gridPoint, mapsEqual } from '../maps/grid-map.ts';
import { MapFormatError } from '../formats/map-format-error.ts';
import { planOnce } from '../search/search.ts';
import { generatedScene } from './editor-scene.ts';
import { baseName, jsonFileText, mapFileText, openMapFile, pngFileBytes, scenFileText } from './map-files.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const current = generatedScene({ kind: 'forest', width: 40, height: 30, seed: 2 });

describe('map files on the page', () => {
  it('export .map, .json and .png that read back as the same map', () => {
    expect(mapsEqual(parseMovingAiMap(mapFileText(current)), current.map)).toBe(true);
    const json = parseMapJson(jsonFileText(current));
    expect(mapsEqual(json.map, current.map)).toBe(true);
    expect([json.start, json.goal]).toEqual([current.start, current.goal]);
    expect(mapsEqual(parsePngMap(pngFileBytes(current)).map, current.map)).toBe(true);
  });

  it('export a .scen whose optimal length is the A* length', () => {
    const [s] = parseScen(scenFileText(current, 'forest.map'));
    const plan = planOnce(current.map, current.start, current.goal);
    expect(s.optimalLength).toBeCloseTo(plan.pathLength, 6);
    expect(s.bucket).toBe(Math.floor(plan.pathLength / 4));
    expect([s.start, s.goal, s.mapName, s.mapWidth, s.mapHeight]).toEqual([
      current.start,
      current.goal,
      'forest.map',
      40,
      30,
    ]);
  });

  it('refuses a .scen when the goal cannot be reached', () => {
    const walled = { ...current, map: createGridMap(3, 1, Uint8Array.from([0, 1, 0])) };
    const scene = { ...walled, start: gridPoint(0, 0), goal: gridPoint(2, 0) };
    expect(() => scenFileText(scene, 'x.map')).toThrow(/no path/);
  });

  it('open a .map, keeping the current endpoints where they fit and placing new ones where not', () => {
    const small = generateMap('rooms', { width: 50, height: 36, seed: 4 }).map;
    const opened = openMapFile('dir/rooms 4.map', bytes(mapFileText({ ...current, map: small })), current);
    expect(opened.kind).toBe('map');
    if (opened.kind !== 'map') return;
    expect(mapsEqual(opened.scene.map, small)).toBe(true);
    expect(opened.scene.origin).toBeNull();
    expect(opened.scene.name).toBe('rooms-4');
    for (const p of [opened.scene.start, opened.scene.goal]) expect(small.blocked[p.y * 50 + p.x]).toBe(0);
    expect(planOnce(small, opened.scene.start, opened.scene.goal).success).toBe(true);
  });

  it('open a .json with its own endpoints, and a .scen as a list', () => {
    const opened = openMapFile('a.json', bytes(jsonFileText(current)), current);
    expect(opened.kind === 'map' && opened.scene.start).toEqual(current.start);
    const scen = openMapFile('a.scen', bytes(scenFileText(current, 'a.map')), current);
    expect(scen.kind === 'scenarios' && scen.scenarios.length).toBe(1);
  });

  it('report malformed files by line, as MapFormatError', () => {
    const bad = 'type octile\nheight 4\nwidht 4\nmap\n....\n....\n....\n....\n';
    expect(() => openMapFile('bad.map', bytes(bad), current)).toThrow(MapFormatError);
    expect(() => openMapFile('bad.map', bytes(bad), current)).toThrow(/^line 3: /);
    expect(() => openMapFile('bad.scen', bytes('version 1\n0\tx.map\t4\n'), current)).toThrow(/line 2/);
    expect(() => openMapFile('empty.scen', bytes('version 1\n'), current)).toThrow(/no scenarios/);
    expect(() => openMapFile('map.bmp', bytes('x'), current)).toThrow(/cannot tell the format/);
  });

  it('make safe base names', () => {
    expect(baseName('C:\\maps\\arena 2.map')).toBe('arena-2');
    expect(baseName('.map')).toBe('.map');
    expect(baseName('')).toBe('map');
  });
});
