import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng.ts';
import { parseMapJson, serializeMapJson } from './format-json-map.ts';
import { parseScen } from './format-movingai-scen.ts';
import { parseMovingAiMap, serializeMovingAiMap } from './format-movingai-map.ts';
import { parsePngMap, serializePngMap } from './format-png-map.ts';
import { parseReferenceMap, serializeReferenceMap } from './format-reference-map.ts';
import { generateMap } from '../maps/generate-map.ts';
import { mapsEqual } from '../maps/grid-map.ts';
import { parseMapFile } from './load-map-file.ts';
import { MapFormatError } from './map-format-error.ts';

const scene = generateMap('rooms', { width: 24, height: 16, seed: 6 });
const encodeText = (t: string): Uint8Array => new TextEncoder().encode(t);

describe('parseMapFile', () => {
  it('picks the format from the file name', () => {
    expect(mapsEqual(parseMapFile('a.map', encodeText(serializeMovingAiMap(scene.map))).map, scene.map)).toBe(
      true,
    );
    const json = parseMapFile('A.JSON', encodeText(serializeMapJson(scene)));
    expect(json.start).toEqual(scene.start);
    expect(mapsEqual(parseMapFile('a.png', serializePngMap(scene.map)).map, scene.map)).toBe(true);
    expect(parseMapFile('map32_00.txt', encodeText(serializeReferenceMap(scene))).goal).toEqual(scene.goal);
  });

  it('names the extensions it knows when it cannot tell the format', () => {
    expect(() => parseMapFile('maze.bmp', new Uint8Array(4))).toThrow(
      "cannot tell the format of 'maze.bmp': expected a file ending in .map, .json, .png, .txt",
    );
  });
});

describe('parsers throw nothing but MapFormatError, whatever they are fed', () => {
  /** Random damage: drop, duplicate or replace characters / bytes, or cut the input short. */
  function damage(bytes: Uint8Array, seed: number): Uint8Array {
    const rng = createRng(seed);
    const out = Array.from(bytes);
    for (let k = rng.int(1, 4); k > 0; k--) {
      const at = rng.int(0, Math.max(0, out.length - 1));
      const op = rng.int(0, 3);
      if (op === 0) out.splice(at, 1);
      else if (op === 1) out.splice(at, 0, out[at] ?? 0);
      else if (op === 2) out[at] = rng.int(0, 255);
      else out.length = at;
    }
    return Uint8Array.from(out);
  }

  const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
  const cases: [string, Uint8Array, (b: Uint8Array) => unknown][] = [
    ['.map', encodeText(serializeMovingAiMap(scene.map)), (b) => parseMovingAiMap(decode(b))],
    ['.json', encodeText(serializeMapJson(scene)), (b) => parseMapJson(decode(b))],
    ['.txt', encodeText(serializeReferenceMap(scene)), (b) => parseReferenceMap(decode(b))],
    [
      '.scen',
      encodeText('version 1\n0\tm.map\t24\t16\t1\t1\t5\t5\t5.65685425\n'),
      (b) => parseScen(decode(b)),
    ],
    ['.png', serializePngMap(scene.map), (b) => parsePngMap(b)],
  ];

  it.each(cases)('%s: 300 damaged copies either parse or fail with a MapFormatError', (_, good, parse) => {
    let failures = 0;
    for (let seed = 0; seed < 300; seed++) {
      try {
        parse(damage(good, seed));
      } catch (e) {
        expect(e, `seed ${seed}`).toBeInstanceOf(MapFormatError);
        failures++;
      }
    }
    // The damage must actually break most files, or this test shows nothing.
    expect(failures).toBeGreaterThan(100);
  });
});
