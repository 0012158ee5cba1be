import { decode, encode, hasPngSignature } from 'fast-png';
import { Unzlib } from 'fflate';
import { createGridMap, type GridMap, MAX_GRID_SIDE } from '../maps/grid-map.ts';
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

/** A PNG map's limits, checked from the file's header before anything is allocated. */
export const PNG_MAP_LIMITS = {
  /** Pixels a side (the grid's own limit). */
  maxSide: MAX_GRID_SIDE,
  /** Bytes in the file. */
  maxFileBytes: 64 * 1024 * 1024,
} as const;

const CHANNELS_OF_COLOUR_TYPE: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS_OF_COLOUR_TYPE: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
const COLOUR_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'grey',
  2: 'RGB',
  3: 'palette',
  4: 'grey+alpha',
  6: 'RGBA',
};

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Scanlines of the (sub-)images a width×height image is stored as: [rows, bytes per row without the filter byte]. */
function scanlineBlocks(
  width: number,
  height: number,
  bitsPerPixel: number,
  interlaced: boolean,
): [number, number][] {
  const block = (w: number, h: number): [number, number] =>
    w > 0 && h > 0 ? [h, Math.ceil((w * bitsPerPixel) / 8)] : [0, 0];
  if (!interlaced) return [block(width, height)];
  // Adam7: seven passes, each a sub-image (start x, start y, step x, step y).
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ];
  return passes.map(([x0, y0, dx, dy]) => block(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)));
}

/**
 * Reads a PNG's chunk structure and header before it is decoded: the declared size (refused beyond the limits
 * from the header alone), colour type and depth, every chunk whole and its CRC right, and the image data
 * inflating to exactly the size the header declares (inflated in slices, so a decompression bomb stops early).
 * Every refusal says in words what is wrong.
 */
export function checkPngStructure(bytes: Uint8Array): void {
  const fail = (detail: string): never => {
    throw new MapFormatError('png', null, detail);
  };
  if (bytes.length > PNG_MAP_LIMITS.maxFileBytes)
    fail(`the file has ${bytes.length} bytes; a map image may have at most ${PNG_MAP_LIMITS.maxFileBytes}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  const chunkType = (at: number): string =>
    String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  if (bytes.length < 8 + 8 + 13 + 4)
    fail('the file is truncated: it ends inside the image header (IHDR chunk)');
  if (chunkType(12) !== 'IHDR' || view.getUint32(8) !== 13)
    fail('the image header (IHDR chunk of 13 bytes) is missing: it must come first after the PNG signature');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = bytes[24];
  const colourType = bytes[25];
  if (width < 1 || height < 1)
    fail(`the image header declares a ${width}×${height} image; a map image needs at least 1 pixel a side`);
  if (width > PNG_MAP_LIMITS.maxSide || height > PNG_MAP_LIMITS.maxSide)
    fail(
      `the image header declares ${width}×${height} pixels; a map image may have at most ${PNG_MAP_LIMITS.maxSide} a side`,
    );
  const depths = DEPTHS_OF_COLOUR_TYPE[colourType];
  if (!depths)
    fail(`the image header has colour type ${colourType}, which PNG does not define (0, 2, 3, 4 or 6)`);
  if (!depths.includes(depth))
    fail(
      `the image header has bit depth ${depth} for a ${COLOUR_TYPE_NAMES[colourType]} image (allowed: ${depths.join(', ')})`,
    );
  if (bytes[26] !== 0) fail(`the image header has compression method ${bytes[26]}; PNG defines only 0`);
  if (bytes[27] !== 0) fail(`the image header has filter method ${bytes[27]}; PNG defines only 0`);
  if (bytes[28] > 1) fail(`the image header has interlace method ${bytes[28]}; PNG defines only 0 and 1`);
  const blocks = scanlineBlocks(width, height, depth * CHANNELS_OF_COLOUR_TYPE[colourType], bytes[28] === 1);
  const expected = blocks.reduce((sum, [rows, rowBytes]) => sum + rows * (1 + rowBytes), 0);
  const pieces: Uint8Array[] = [];

  let inflated = 0;
  let inflateError: string | null = null;
  let finished = false;
  const inflater = new Unzlib((chunk, final) => {
    inflated += chunk.length;
    if (final) finished = true;
    if (inflated > expected) throw new RangeError('too much data');
    pieces.push(chunk);
  });
  let seenIdat = false;
  let idatEnded = false;
  let seenPalette = false;
  let seenEnd = false;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length)
      fail(`the file is truncated: it ends inside a chunk header at byte ${offset}`);
    const length = view.getUint32(offset);
    const type = chunkType(offset + 4);
    if (!/^[A-Za-z]{4}$/.test(type))
      fail(
        `the file is corrupt at byte ${offset}: a chunk type must be four letters, found ${JSON.stringify(type)}`,
      );
    const dataStart = offset + 8;
    if (length > bytes.length - dataStart - 4)
      fail(
        `the file is truncated: the ${type} chunk at byte ${offset} declares ${length} bytes, but only ${Math.max(0, bytes.length - dataStart - 4)} remain`,
      );
    const dataEnd = dataStart + length;
    if (crc32(bytes, offset + 4, dataEnd) !== view.getUint32(dataEnd))
      fail(`the ${type} chunk at byte ${offset} is corrupt (its CRC does not match its contents)`);
    if (type === 'IDAT') {
      if (idatEnded) fail('the image data is split by other chunks (IDAT chunks must follow one another)');
      if (colourType === 3 && !seenPalette)
        fail('a palette image has no palette (PLTE) before its image data');
      seenIdat = true;
      // Inflate in slices: a small file that would inflate to gigabytes stops as soon as it passes the size.
      for (let at = dataStart; at < dataEnd && inflateError === null; at += 16384) {
        try {
          inflater.push(bytes.subarray(at, Math.min(dataEnd, at + 16384)), false);
        } catch (e) {
          inflateError =
            e instanceof RangeError && e.message === 'too much data'
              ? `the image data (IDAT) holds more than the ${width}×${height} image the header declares`
              : 'the image data (IDAT) is corrupt: it is not valid compressed (zlib) data';
        }
      }
      if (inflateError !== null) fail(inflateError);
    } else if (seenIdat) idatEnded = true;
    if (type === 'PLTE') seenPalette = true;
    offset = dataEnd + 4;
    if (type === 'IEND') {
      seenEnd = true;
      break;
    }
  }
  if (!seenIdat) fail('the file has no image data (IDAT chunk)');
  if (!finished) {
    try {
      inflater.push(new Uint8Array(0), true);
    } catch {
      // A stream cut short: counted below.
    }
  }
  if (inflated < expected)
    fail(
      `the image data (IDAT) is truncated: it holds ${inflated} of the ${expected} bytes of the ${width}×${height} image the header declares`,
    );
  if (!seenEnd) fail('the file is truncated: it ends without the IEND chunk');
  // Every scanline starts with its filter type, 0 to 4.
  const data = pieces.length === 1 ? pieces[0] : new Uint8Array(expected);
  if (pieces.length !== 1) {
    let at = 0;
    for (const p of pieces) {
      data.set(p, at);
      at += p.length;
    }
  }
  let at = 0;
  let line = 0;
  for (const [rows, rowBytes] of blocks) {
    for (let r = 0; r < rows; r++, line++, at += rowBytes + 1) {
      if (data[at] > 4)
        fail(
          `the image data is corrupt: scanline ${line + 1} has filter type ${data[at]} (PNG defines 0 to 4)`,
        );
    }
  }
}

export function parsePngMap(bytes: Uint8Array): LoadedMap {
  return asFormatError('png', () => {
    if (!hasPngSignature(bytes))
      throw new MapFormatError(
        'png',
        null,
        'not a PNG image (the file does not start with the PNG signature)',
      );
    checkPngStructure(bytes);
    let png: ReturnType<typeof decode>;
    try {
      png = decode(bytes);
    } catch (e) {
      // The structure was checked above, so what is left is the pixel data itself (e.g. a scanline filter byte).
      throw new MapFormatError(
        'png',
        null,
        `the image data cannot be decoded (a scanline is corrupt): ${e instanceof Error ? e.message : String(e)}`,
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
