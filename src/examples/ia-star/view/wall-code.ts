/**
 * Walls of a map as a short, URL-safe string, so a link can carry an edited map. Two encodings, whichever is
 * shorter: 'b' + the walls as a bit set in base64url (6 cells a character), or 'r' + run lengths (free, wall,
 * free, … in row-major order) as base-32 varints. Every code starts with a letter, so the URL parser never
 * mistakes it for a number.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Last digit of a run length; the continuation digits (more significant groups follow) use the other alphabet. */
const LAST = 'abcdefghijklmnopqrstuvwxyz012345';
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ6789-_';

function encodeBits(blocked: Uint8Array): string {
  let out = 'b';
  for (let i = 0; i < blocked.length; i += 6) {
    let v = 0;
    for (let k = 0; k < 6; k++) if (blocked[i + k] === 1) v |= 1 << k;
    out += B64[v];
  }
  return out;
}

function encodeRuns(blocked: Uint8Array): string {
  const parts: string[] = ['r'];
  let value = 0;
  let run = 0;
  const flush = (n: number) => {
    let rest = n;
    while (rest >= 32) {
      parts.push(MORE[rest & 31]);
      rest >>>= 5;
    }
    parts.push(LAST[rest]);
  };
  for (let i = 0; i < blocked.length; i++) {
    if (blocked[i] === value) run++;
    else {
      flush(run);
      value = blocked[i];
      run = 1;
    }
  }
  flush(run);
  return parts.join('');
}

export function encodeWalls(blocked: Uint8Array): string {
  const runs = encodeRuns(blocked);
  // The bit set's length is fixed by the size; only build it when the runs could lose.
  return runs.length <= Math.ceil(blocked.length / 6) + 1 ? runs : encodeBits(blocked);
}

/** The walls of a `cells`-cell map, or null when the code is malformed or of another size. */
export function decodeWalls(code: string, cells: number): Uint8Array | null {
  const out = new Uint8Array(cells);
  if (code.startsWith('b')) {
    if (code.length !== 1 + Math.ceil(cells / 6)) return null;
    for (let j = 1; j < code.length; j++) {
      const v = B64.indexOf(code[j]);
      if (v < 0) return null;
      for (let k = 0; k < 6; k++) {
        const i = (j - 1) * 6 + k;
        if (v & (1 << k)) {
          if (i >= cells) return null;
          out[i] = 1;
        }
      }
    }
    return out;
  }
  if (code.startsWith('r')) {
    let at = 0;
    let value = 0;
    let run = 0;
    let shift = 0;
    for (let j = 1; j < code.length; j++) {
      const more = MORE.indexOf(code[j]);
      if (more >= 0) {
        run += more * 2 ** shift;
        shift += 5;
        if (shift > 30) return null;
        continue;
      }
      const last = LAST.indexOf(code[j]);
      if (last < 0) return null;
      run += last * 2 ** shift;
      if (at + run > cells) return null;
      if (value === 1) out.fill(1, at, at + run);
      at += run;
      value ^= 1;
      run = 0;
      shift = 0;
    }
    return at === cells && shift === 0 ? out : null;
  }
  return null;
}
