import fc from 'fast-check';

/**
 * Seeded generators of malformed inputs (fast-check arbitraries, so a failure shrinks to a small case and replays
 * from its seed): text edits, byte edits and structural JSON edits applied to a valid sample of each format.
 */

/** How many cases per format: hundreds in `npm test`, FUZZ_CASES=2000 for the full run. */
export const FUZZ_CASES = Math.max(1, Number(process.env.FUZZ_CASES ?? 300) || 300);
/** One seed for the whole suite (FUZZ_SEED to replay another). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 19) || 19;
/** A case that takes longer than this is a hang. */
export const HANG_MS = 5000;

/** Tokens a hostile user types: extreme numbers, other notations, control characters, markup. */
export const HOSTILE_TOKENS = [
  '',
  '0',
  '-1',
  '-0',
  '1.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e200',
  '1e-320',
  '99999999999999999999',
  '4097',
  '4096',
  '100000',
  '2147483648',
  '0x10',
  '1e3',
  '+4',
  'null',
  'true',
  '[]',
  '{}',
  '"',
  '\\',
  '\u0000',
  '\uFEFF',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '\n\n\n',
  'é',
  '\uD800',
  '<script>',
  '@',
  '.',
  'EOF',
  'version 1',
  'map',
] as const;

export type TextEdit =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace-token'; at: number; text: string }
  | { kind: 'duplicate-line'; line: number; times: number }
  | { kind: 'drop-line'; line: number }
  | { kind: 'swap'; at: number }
  | { kind: 'crlf' }
  | { kind: 'bom' }
  | { kind: 'garbage'; text: string };

const token = fc.constantFrom(...HOSTILE_TOKENS);

export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(token, fc.string()) }),
  fc.record({ kind: fc.constant('replace-token' as const), at: fc.nat(), text: token }),
  fc.record({
    kind: fc.constant('duplicate-line' as const),
    line: fc.nat(),
    times: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({ kind: fc.constant('drop-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'bom' as const }),
  fc.record({ kind: fc.constant('garbage' as const), text: fc.string({ unit: 'binary', maxLength: 200 }) }),
);

/** Replace the whitespace-delimited token at (or after) a position. */
function replaceToken(text: string, at: number, by: string): string {
  if (text.length === 0) return by;
  let start = at % text.length;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  let end = start;
  while (end < text.length && !/\s/.test(text[end])) end++;
  return text.slice(0, start) + by + text.slice(end);
}

export function applyTextEdit(text: string, e: TextEdit): string {
  const n = text.length;
  const pos = (at: number): number => (n === 0 ? 0 : at % (n + 1));
  switch (e.kind) {
    case 'truncate':
      return text.slice(0, pos(e.at));
    case 'delete':
      return text.slice(0, pos(e.at)) + text.slice(pos(e.at) + e.length);
    case 'insert':
      return text.slice(0, pos(e.at)) + e.text + text.slice(pos(e.at));
    case 'replace-token':
      return replaceToken(text, e.at, e.text);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = e.line % lines.length;
      lines.splice(i, 0, ...Array<string>(e.times).fill(lines[i]));
      return lines.join('\n');
    }
    case 'drop-line': {
      const lines = text.split('\n');
      lines.splice(e.line % lines.length, 1);
      return lines.join('\n');
    }
    case 'swap': {
      if (n < 2) return text;
      const i = e.at % (n - 1);
      return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
    }
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
    case 'garbage':
      return e.text;
  }
}

/** One to four text edits applied in turn. */
export const textEdits = fc.array(textEdit, { minLength: 1, maxLength: 4 });

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return edits.reduce(applyTextEdit, text);
}

export type ByteEdit =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'u32'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'garbage'; bytes: Uint8Array }
  | { kind: 'empty' };

const extremeU32 = fc.constantFrom(0, 1, 5, 13, 255, 4096, 4097, 100000, 0x7fffffff, 0xffffffff);

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.nat(255) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('u32' as const),
      at: fc.nat(),
      value: fc.oneof(extremeU32, fc.nat({ max: 0xffffffff })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('garbage' as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
);

export function applyByteEdit(bytes: Uint8Array, e: ByteEdit): Uint8Array {
  const n = bytes.length;
  switch (e.kind) {
    case 'flip': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[e.at % n] = e.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, n === 0 ? 0 : e.at % n);
    case 'u32': {
      if (n < 4) return bytes;
      const out = bytes.slice();
      new DataView(out.buffer).setUint32(e.at % (n - 3), e.value);
      return out;
    }
    case 'insert': {
      const at = n === 0 ? 0 : e.at % (n + 1);
      const out = new Uint8Array(n + e.bytes.length);
      out.set(bytes.subarray(0, at));
      out.set(e.bytes, at);
      out.set(bytes.subarray(at), at + e.bytes.length);
      return out;
    }
    case 'garbage':
      return e.bytes.slice();
    case 'empty':
      return new Uint8Array(0);
  }
}

export const byteEdits = fc.array(byteEdit, { minLength: 1, maxLength: 3 });

export function applyByteEdits(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  return edits.reduce(applyByteEdit, bytes);
}

/** Values a hostile JSON document puts where a field should be. */
export const HOSTILE_JSON_VALUES: readonly unknown[] = [
  null,
  undefined,
  true,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53,
  '',
  'x',
  '1',
  [],
  [null],
  [-1, 2],
  [1e9, 1e9, 1e9],
  {},
  { x: 1 },
  'a'.repeat(300),
];

/** Set the value at a random path (chosen by `pick`) of a JSON-like value to `value`; undefined deletes it. */
export function setAtRandomPath(root: unknown, pick: number, value: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    paths.push(path);
    if (paths.length > 2000) return;
    if (Array.isArray(v)) v.slice(0, 20).forEach((c, i) => walk(c, [...path, i]));
    else if (typeof v === 'object' && v !== null)
      Object.entries(v).forEach(([k, c]) => walk(c, [...path, k]));
  };
  walk(root, []);
  const path = paths[pick % paths.length];
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(parent)) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
  return copy;
}

export const jsonEdit = fc.record({ pick: fc.nat(), value: fc.constantFrom(...HOSTILE_JSON_VALUES) });
export const jsonEdits = fc.array(jsonEdit, { minLength: 1, maxLength: 3 });

/** Times a body; a case that overruns HANG_MS fails as a hang. */
export function timed<T>(body: () => T): { value: T | undefined; error: unknown; ms: number } {
  const t0 = performance.now();
  try {
    const value = body();
    return { value, error: undefined, ms: performance.now() - t0 };
  } catch (error) {
    return { value: undefined, error, ms: performance.now() - t0 };
  }
}

/** Tally of one format's run, printed at the end. */
export interface FuzzTally {
  format: string;
  cases: number;
  accepted: number;
  rejected: number;
  crashes: number;
  hangs: number;
  nonFinite: number;
  slowestMs: number;
}

export function newTally(format: string): FuzzTally {
  return { format, cases: 0, accepted: 0, rejected: 0, crashes: 0, hangs: 0, nonFinite: 0, slowestMs: 0 };
}
