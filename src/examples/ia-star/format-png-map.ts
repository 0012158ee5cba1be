import { decode, encode, hasPngSignature } from 'fast-png';
import { createGridMap, type GridMap, MAX_GRID_SIDE } from './grid-map.ts';
import { asFormatError, type LoadedMap, MapFormatError } from './map-format-error.ts';

/**
 * PNG maps: one pixel per cell, dark pixels are walls. A pixel is composited over white by its alpha, its
 * luminance taken (Rec. 601: 0.299 R + 0.587 G + 0.114 B, each scaled to [0, 1] by the bit depth), and it is
 * a wall when that luminance is below 0.5. Grey, grey+alpha, RGB, RGBA and palette images at bit depths 1–16
 * are read, with tRNS transparency. Maps are written as 8-bit greyscale: walls 0, free cells 255.
 */
export const WALL_LUMINANCE_THRESHOLD = 0.5;

/** Unpack 1/2/4-bit samples (rows padded to whole bytes) into one sample per pixel. */
function unpackSamples(data: ArrayLike<number>, width: number, height: number, depth: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rowBytes = Math.ceil((width * depth) / 8);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const byte = data[y * rowBytes + (bit >> 3)];
      out[y * width + x] = (byte >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return out;
}

export function parsePngMap(bytes: Uint8Array): LoadedMap {
  return asFormatError('png', () => {
    if (!hasPngSignature(bytes))
      throw new MapFormatError(
        'png',
        null,
        'not a PNG image (the file does not start with the PNG signature)',
      );
    let png: ReturnType<typeof decode>;
    try {
      png = decode(bytes);
    } catch (e) {
      throw new MapFormatError(
        'png',
        null,
        `unreadable PNG image: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    const { width, height, depth, channels, palette, transparency } = png;
    if (width < 1 || height < 1 || width > MAX_GRID_SIDE || height > MAX_GRID_SIDE) {
      throw new MapFormatError(
        'png',
        null,
        `a map image must be 1 to ${MAX_GRID_SIDE} pixels a side, got ${width}×${height}`,
      );
    }
    const samples = depth < 8 ? unpackSamples(png.data, width, height, depth) : png.data;
    const maxSample = (1 << depth) - 1;
    const map = createGridMap(width, height);
    for (let i = 0; i < width * height; i++) {
      let r: number;
      let g: number;
      let b: number;
      let a = 1;
      if (palette) {
        const entry = palette[samples[i]];
        if (!entry)
          throw new MapFormatError(
            'png',
            null,
            `pixel ${i} uses palette entry ${samples[i]}, but the palette has ${palette.length}`,
          );
        [r, g, b] = [entry[0] / 255, entry[1] / 255, entry[2] / 255];
        if (entry.length > 3) a = entry[3] / 255;
      } else {
        const s = i * channels;
        if (channels <= 2) {
          r = g = b = samples[s] / maxSample;
          if (channels === 2) a = samples[s + 1] / maxSample;
          else if (transparency && samples[s] === transparency[0]) a = 0;
        } else {
          r = samples[s] / maxSample;
          g = samples[s + 1] / maxSample;
          b = samples[s + 2] / maxSample;
          if (channels === 4) a = samples[s + 3] / maxSample;
          else if (
            transparency &&
            samples[s] === transparency[0] &&
            samples[s + 1] === transparency[1] &&
            samples[s + 2] === transparency[2]
          )
            a = 0;
        }
      }
      const luminance = (0.299 * r + 0.587 * g + 0.114 * b) * a + (1 - a);
      map.blocked[i] = luminance < WALL_LUMINANCE_THRESHOLD ? 1 : 0;
    }
    return { map, start: null, goal: null };
  });
}

export function serializePngMap(map: GridMap): Uint8Array {
  const data = new Uint8Array(map.width * map.height);
  for (let i = 0; i < data.length; i++) data[i] = map.blocked[i] ? 0 : 255;
  return encode({ width: map.width, height: map.height, data, depth: 8, channels: 1 });
}
