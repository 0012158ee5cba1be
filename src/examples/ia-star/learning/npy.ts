/** A NumPy array read from a `.npy` file: C-order data, integers widened to float64 where needed. */
export interface NpyArray {
  shape: number[];
  dtype: string;
  data: Float32Array | Float64Array | Uint8Array | Int32Array;
}

/** Parse a `.npy` file (format versions 1–3, little-endian f4/f8/u1/b1/i4/i8, C order). Pure: the bytes come from the caller (Node file, fetch, test). */
export function parseNpy(bytes: Uint8Array): NpyArray {
  const magic = String.fromCharCode(...bytes.subarray(1, 6));
  if (bytes[0] !== 0x93 || magic !== 'NUMPY') throw new Error('not a .npy file');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw new Error(`bad .npy header: ${header}`);
  if (fortran === 'True') throw new Error('Fortran-order .npy files are not supported');
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = headerStart + headerLen;
  const body = bytes.slice(offset);
  const buf = body.buffer;
  switch (descr) {
    case '<f4':
      return { shape, dtype: descr, data: new Float32Array(buf, 0, count) };
    case '<f8':
      return { shape, dtype: descr, data: new Float64Array(buf, 0, count) };
    case '|u1':
    case '|b1':
      return { shape, dtype: descr, data: new Uint8Array(buf, 0, count) };
    case '<i4':
      return { shape, dtype: descr, data: new Int32Array(buf, 0, count) };
    case '<i8': {
      const wide = new BigInt64Array(buf, 0, count);
      return { shape, dtype: descr, data: Float64Array.from(wide, (v) => Number(v)) };
    }
    default:
      throw new Error(`unsupported .npy dtype ${descr}`);
  }
}
