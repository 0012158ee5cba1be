import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { parsePngMap, serializePngMap } from './format-png-map.ts';
import { generateMap } from '../maps/generate-map.ts';
import { mapsEqual, mapToRows } from '../maps/grid-map.ts';
import { MapFormatError } from './map-format-error.ts';

/** A 3×2 image: dark, light, mid-dark / light, dark, mid-light. Walls where luminance < 0.5. */
const EXPECTED = ['@.@', '.@.'];
const LUM = [0.05, 0.95, 0.4, 0.9, 0.1, 0.6];

describe('PNG maps (dark = wall)', () => {
  it('round-trips generated maps as 8-bit greyscale', () => {
    for (const kind of ['maze-wilson', 'gaps-and-forest'] as const) {
      const { map } = generateMap(kind, { width: 45, height: 30, seed: 2 });
      expect(mapsEqual(parsePngMap(serializePngMap(map)).map, map)).toBe(true);
    }
  });

  it('reads greyscale at 8 and 16 bits, with and without alpha', () => {
    const grey8 = encode({
      width: 3,
      height: 2,
      data: Uint8Array.from(LUM, (l) => Math.round(l * 255)),
      channels: 1,
      depth: 8,
    });
    expect(mapToRows(parsePngMap(grey8).map)).toEqual(EXPECTED);
    const grey16 = encode({
      width: 3,
      height: 2,
      data: Uint16Array.from(LUM, (l) => Math.round(l * 65535)),
      channels: 1,
      depth: 16,
    });
    expect(mapToRows(parsePngMap(grey16).map)).toEqual(EXPECTED);
    // Grey + alpha: a black but fully transparent pixel shows the white page behind it, so it is free.
    const ga = Uint8Array.from(LUM.flatMap((l) => [Math.round(l * 255), 255]));
    ga[0] = 0;
    ga[1] = 0;
    expect(
      mapToRows(parsePngMap(encode({ width: 3, height: 2, data: ga, channels: 2, depth: 8 })).map),
    ).toEqual(['..@', '.@.']);
  });

  it('reads 1-bit greyscale (rows padded to whole bytes)', () => {
    // 10 pixels a row → 2 bytes a row; 1 = white (free), 0 = black (wall).
    const row0 = [1, 0, 1, 1, 1, 1, 1, 1, 1, 0];
    const row1 = [0, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const pack = (bits: number[]): number[] => [
      bits.slice(0, 8).reduce((a, b, i) => a | (b << (7 - i)), 0),
      bits.slice(8).reduce((a, b, i) => a | (b << (7 - i)), 0),
    ];
    const png = encode({
      width: 10,
      height: 2,
      data: Uint8Array.from([...pack(row0), ...pack(row1)]),
      channels: 1,
      depth: 1,
    });
    expect(mapToRows(parsePngMap(png).map)).toEqual(['.@.......@', '@.........']);
  });

  it('reads RGB and RGBA by luminance (0.299 R + 0.587 G + 0.114 B)', () => {
    // Pure green has luminance 0.587 (free); pure red 0.299 and pure blue 0.114 (walls).
    const colours = [
      [0, 255, 0],
      [255, 0, 0],
      [0, 0, 255],
      [255, 255, 255],
      [20, 20, 20],
      [200, 200, 0],
    ];
    const rgb = encode({ width: 3, height: 2, data: Uint8Array.from(colours.flat()), channels: 3, depth: 8 });
    expect(mapToRows(parsePngMap(rgb).map)).toEqual(['.@@', '.@.']);
    const rgba = encode({
      width: 3,
      height: 2,
      data: Uint8Array.from(colours.flatMap((c) => [...c, 255])),
      channels: 4,
      depth: 8,
    });
    expect(mapToRows(parsePngMap(rgba).map)).toEqual(['.@@', '.@.']);
  });

  it('reads palette images', () => {
    const palette = [
      [0, 0, 0],
      [255, 255, 255],
      [90, 90, 90],
    ];
    const png = encode({
      width: 3,
      height: 2,
      data: Uint8Array.from([0, 1, 2, 1, 0, 1]),
      channels: 1,
      depth: 8,
      palette,
    });
    expect(mapToRows(parsePngMap(png).map)).toEqual(['@.@', '.@.']);
  });

  it('rejects what is not a readable PNG with a MapFormatError', () => {
    expect(() => parsePngMap(new TextEncoder().encode('type octile\n'))).toThrow(/not a PNG image/);
    const good = serializePngMap(generateMap('forest', { width: 20, height: 20, seed: 1 }).map);
    for (const cut of [20, 40, good.length - 10]) {
      let error: unknown;
      try {
        parsePngMap(good.slice(0, cut));
      } catch (e) {
        error = e;
      }
      expect(error, `cut at ${cut}`).toBeInstanceOf(MapFormatError);
      expect((error as MapFormatError).line).toBeNull();
    }
  });
});
