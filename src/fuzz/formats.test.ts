/**
 * Fuzz suite over every input format (issue 19): seeded malformed inputs through the project's own parsers.
 * Each case must end in a clean refusal (the format's own error class, naming the line or the file and field) or a
 * valid result within the stated limits — never another exception (a crash), a case over 5 s (a hang) or a
 * non-finite number in what is returned. `npm test` runs FUZZ_CASES (default 300) per format; the full run is
 * `FUZZ_CASES=2000 npx vitest run src/fuzz`. The tally of each format is printed as one JSON line.
 */
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMapJson, serializeMapJson } from '../examples/ia-star/formats/format-json-map.ts';
import { parseMovingAiMap, serializeMovingAiMap } from '../examples/ia-star/formats/format-movingai-map.ts';
import {
  parseScen,
  SCEN_LIMITS,
  type Scenario,
  serializeScen,
} from '../examples/ia-star/formats/format-movingai-scen.ts';
import { parsePngMap, PNG_MAP_LIMITS } from '../examples/ia-star/formats/format-png-map.ts';
import {
  parseReferenceMap,
  serializeReferenceMap,
} from '../examples/ia-star/formats/format-reference-map.ts';
import { createGridMap, type GridMap, gridPoint, MAX_GRID_SIDE } from '../examples/ia-star/maps/grid-map.ts';
import { MapFormatError } from '../examples/ia-star/formats/map-format-error.ts';
import { makeInstance } from '../examples/imtsp/instances/instance.ts';
import { formatTsplib, parseTsplib, TSPLIB_LIMITS, TsplibParseError } from '../examples/imtsp/tsp/tsplib.ts';
import { assignVariables, encodeVariables } from '../il/checkpoint.ts';
import { parseWeightsJson, type WeightsFiles, WeightsFormatError } from '../il/weights-format.ts';
import {
  applyByteEdits,
  applyTextEdits,
  byteEdits,
  FUZZ_CASES,
  FUZZ_SEED,
  type FuzzTally,
  HANG_MS,
  jsonEdits,
  newTally,
  setAtRandomPath,
  textEdits,
  timed,
} from '../test-support/fuzz-mutate.ts';
import { encode } from 'fast-png';

const tallies: FuzzTally[] = [];
const runOptions = { seed: FUZZ_SEED, numRuns: FUZZ_CASES, endOnFailure: true } as const;

afterAll(() => {
  for (const t of tallies)
    console.log(JSON.stringify({ fuzz: true, ...t, slowestMs: Math.round(t.slowestMs) }));
});

/** Records one case; throws (failing the property) on a crash, a hang or a non-finite result. */
function judge<T>(
  tally: FuzzTally,
  body: () => T,
  cleanError: (e: unknown) => string | null,
  validResult: (v: T) => string | null,
): void {
  tally.cases++;
  const r = timed(body);
  tally.slowestMs = Math.max(tally.slowestMs, r.ms);
  if (r.ms > HANG_MS) {
    tally.hangs++;
    throw new Error(`hang: ${r.ms.toFixed(0)} ms`);
  }
  if (r.error !== undefined) {
    const why = cleanError(r.error);
    if (why !== null) {
      tally.crashes++;
      throw new Error(`crash (${why}): ${String(r.error)}`, { cause: r.error });
    }
    tally.rejected++;
    return;
  }
  const why = validResult(r.value as T);
  if (why !== null) {
    tally.nonFinite++;
    throw new Error(`accepted an invalid result: ${why}`);
  }
  tally.accepted++;
}

const INTERNAL = /undefined|Cannot read|is not a function|is not iterable|Unsupported filter|NaN/;

/** Internal wording in a message, outside what it quotes of the input. */
function internalWording(detail: string): boolean {
  return INTERNAL.test(detail.replace(/'[^']*'|"[^"]*"|got .*$/g, ''));
}

/** A MapFormatError whose message names its line (text formats) and shows no internals. */
function mapError(needsLine: boolean) {
  return (e: unknown): string | null => {
    if (!(e instanceof MapFormatError)) return `not a MapFormatError but ${(e as Error)?.name}`;
    if (needsLine && !/^line \d+: /.test(e.message)) return 'no line in the message';
    if (internalWording(e.detail)) return `internal wording in the message: ${e.detail}`;
    return null;
  };
}

function checkMap(map: GridMap): string | null {
  const { width, height, blocked } = map;
  if (!(Number.isInteger(width) && width >= 1 && width <= MAX_GRID_SIDE)) return `width ${width}`;
  if (!(Number.isInteger(height) && height >= 1 && height <= MAX_GRID_SIDE)) return `height ${height}`;
  if (blocked.length !== width * height) return 'cell count';
  for (const b of blocked) if (b !== 0 && b !== 1) return `cell value ${b}`;
  return null;
}

function checkPoint(map: GridMap, p: { x: number; y: number } | null): string | null {
  if (p === null) return null;
  return Number.isInteger(p.x) &&
    Number.isInteger(p.y) &&
    p.x >= 0 &&
    p.y >= 0 &&
    p.x < map.width &&
    p.y < map.height
    ? null
    : `point (${p.x}, ${p.y}) outside the map`;
}

/** A random small map (as rows of '.' and '@'), with start and goal. */
const smallMap = fc
  .record({
    width: fc.integer({ min: 1, max: 24 }),
    height: fc.integer({ min: 1, max: 24 }),
    seed: fc.nat(),
  })
  .map(({ width, height, seed }) => {
    const map = createGridMap(width, height);
    let s = seed | 1;
    for (let i = 0; i < map.blocked.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      map.blocked[i] = s % 4 === 0 ? 1 : 0;
    }
    const start = gridPoint(seed % width, (seed >> 3) % height);
    const goal = gridPoint((seed >> 5) % width, (seed >> 7) % height);
    map.blocked[start.y * width + start.x] = 0;
    map.blocked[goal.y * width + goal.x] = 0;
    return { map, start, goal };
  });

/** Mostly mutated, sometimes the valid sample itself (so acceptance is exercised too). */
function maybe<E>(edits: fc.Arbitrary<E[]>): fc.Arbitrary<E[]> {
  return fc.oneof({ weight: 1, arbitrary: fc.constant([] as E[]) }, { weight: 7, arbitrary: edits });
}

describe(`fuzz (${FUZZ_CASES} cases per format, seed ${FUZZ_SEED})`, () => {
  it('Moving AI .map', () => {
    const tally = newTally('movingai-map');
    tallies.push(tally);
    fc.assert(
      fc.property(smallMap, maybe(textEdits), ({ map }, edits) => {
        const text = applyTextEdits(serializeMovingAiMap(map), edits);
        judge(tally, () => parseMovingAiMap(text), mapError(true), checkMap);
      }),
      runOptions,
    );
    expect(tally.crashes + tally.hangs + tally.nonFinite).toBe(0);
  });

  it('reference .txt maps', () => {
    const tally = newTally('reference-map');
    tallies.push(tally);
    fc.assert(
      fc.property(smallMap, maybe(textEdits), (scene, edits) => {
        const text = applyTextEdits(serializeReferenceMap(scene), edits);
        judge(
          tally,
          () => parseReferenceMap(text),
          mapError(true),
          (s) => checkMap(s.map) ?? checkPoint(s.map, s.start) ?? checkPoint(s.map, s.goal),
        );
      }),
      runOptions,
    );
    expect(tally.crashes + tally.hangs + tally.nonFinite).toBe(0);
  });

  it('Moving AI .scen', () => {
    const tally = newTally('movingai-scen');
    tallies.push(tally);
    const scenarios = fc.array(
      fc
        .record({
          bucket: fc.nat(50),
          w: fc.integer({ min: 1, max: 4096 }),
          h: fc.integer({ min: 1, max: 4096 }),
          a: fc.nat(),
          b: fc.nat(),
          c: fc.nat(),
          d: fc.nat(),
          length: fc.double({ min: 0, max: 5000, noNaN: true }),
        })
        .map((r): Scenario => ({
          bucket: r.bucket,
          mapName: 'arena.map',
          mapWidth: r.w,
          mapHeight: r.h,
          start: gridPoint(r.a % r.w, r.b % r.h),
          goal: gridPoint(r.c % r.w, r.d % r.h),
          optimalLength: r.length,
          line: 0,
        })),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(scenarios, maybe(textEdits), (list, edits) => {
        const text = applyTextEdits(serializeScen(list), edits);
        judge(
          tally,
          () => parseScen(text),
          mapError(true),
          (out) => {
            for (const s of out) {
              const nums = [s.bucket, s.mapWidth, s.mapHeight, s.start.x, s.start.y, s.goal.x, s.goal.y];
              if (!nums.every((v) => Number.isSafeInteger(v) && v >= 0))
                return `line ${s.line}: a field out of range`;
              if (s.mapWidth > SCEN_LIMITS.maxSide || s.mapHeight > SCEN_LIMITS.maxSide)
                return 'side over the limit';
              if (Math.max(s.start.x, s.start.y, s.goal.x, s.goal.y) >= SCEN_LIMITS.maxSide)
                return 'coordinate over the limit';
              if (!(Number.isFinite(s.optimalLength) && s.optimalLength >= 0)) return 'optimal length';
            }
            return null;
          },
        );
      }),
      runOptions,
    );
    expect(tally.crashes + tally.hangs + tally.nonFinite).toBe(0);
  });

  it('JSON maps (text and structural edits)', () => {
    const tally = newTally('json-map');
    tallies.push(tally);
    const edits = fc.oneof(
      textEdits.map((e) => ({ text: e, json: [] as { pick: number; value: unknown }[] })),
      jsonEdits.map((e) => ({
        text: [] as typeof textEdits extends fc.Arbitrary<infer T> ? T : never,
        json: e,
      })),
    );
    fc.assert(
      fc.property(
        smallMap,
        fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 7, arbitrary: edits }),
        (scene, e) => {
          let text = serializeMapJson(scene);
          if (e) {
            if (e.json.length) {
              let doc: unknown = JSON.parse(text);
              for (const j of e.json) doc = setAtRandomPath(doc, j.pick, j.value);
              text = JSON.stringify(doc, null, 1) ?? '';
            }
            text = applyTextEdits(text, e.text);
          }
          judge(
            tally,
            () => parseMapJson(text),
            (err) => {
              if (!(err instanceof MapFormatError)) return `not a MapFormatError but ${(err as Error)?.name}`;
              if (!/^line \d+: /.test(err.message) && !/"[a-z]+"|rows\[\d+\]/.test(err.message))
                return 'neither a line nor a field in the message';
              return internalWording(err.detail) ? 'internal wording' : null;
            },
            (s) => checkMap(s.map) ?? checkPoint(s.map, s.start) ?? checkPoint(s.map, s.goal),
          );
        },
      ),
      runOptions,
    );
    expect(tally.crashes + tally.hangs + tally.nonFinite).toBe(0);
  });

  it('PNG maps (byte edits, with and without CRCs repaired)', () => {
    const tally = newTally('png');
    tallies.push(tally);
    const image = fc.record({
      width: fc.integer({ min: 1, max: 20 }),
      height: fc.integer({ min: 1, max: 20 }),
      kind: fc.constantFrom(
        { depth: 8, channels: 1 },
        { depth: 16, channels: 1 },
        { depth: 8, channels: 2 },
        { depth: 8, channels: 3 },
        { depth: 8, channels: 4 },
        { depth: 1, channels: 1 },
      ),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(image, maybe(byteEdits), fc.boolean(), (img, edits, repairCrc) => {
        const { width, height } = img;
        const { depth, channels } = img.kind;
        const count = Math.ceil((width * channels * depth) / 8) * height;
        const data = depth === 16 ? new Uint16Array(width * channels * height) : new Uint8Array(count);
        for (let i = 0; i < data.length; i++) data[i] = (img.seed * (i + 7)) % (depth === 16 ? 65536 : 256);
        const png = encode({ width, height, data, depth: depth as 8, channels });
        let bytes = applyByteEdits(png, edits);
        if (repairCrc) bytes = repairCrcs(bytes);
        judge(
          tally,
          () => parsePngMap(bytes),
          mapError(false),
          (s) => (s.map.width > PNG_MAP_LIMITS.maxSide ? 'too wide' : checkMap(s.map)),
        );
      }),
      runOptions,
    );
    expect(tally.crashes + tally.hangs + tally.nonFinite).toBe(0);
  });

  it('TSPLIB .tsp', () => {
    const tally = newTally('tsplib');
    tallies.push(tally);
    const instance = fc
      .array(
        fc.tuple(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        ),
        {
          minLength: 1,
          maxLength: 30,
        },
      )
      .map((pts) =>
        makeInstance(
          'fuzz',
          pts.map((p) => p[0]),
          pts.map((p) => p[1]),
        ),
      );
    fc.assert(
      fc.property(
        instance,
        fc.constantFrom('EUC_2D', 'CEIL_2D', 'ATT'),
        maybe(textEdits),
        (inst, type, edits) => {
          const text = applyTextEdits(formatTsplib(inst, { edgeWeightType: type }), edits);
          judge(
            tally,
            () => parseTsplib(text, 'fuzz'),
            (e) => {
              if (!(e instanceof TsplibParseError)) return `not a TsplibParseError but ${(e as Error)?.name}`;
              return Number.isInteger(e.line) && e.line >= 1 ? null : 'no line';
            },
            (f) => {
              const { x, y } = f.instance;
              if (x.length < 1 || x.length > TSPLIB_LIMITS.maxDimension) return `dimension ${x.length}`;
              let tour = 0;
              for (let i = 0; i < x.length; i++) {
                const lim = TSPLIB_LIMITS.maxAbsCoordinate;
                if (!(Math.abs(x[i]) <= lim && Math.abs(y[i]) <= lim)) return `coordinate of city ${i}`;
                const j = (i + 1) % x.length;
                tour += Math.hypot(x[j] - x[i], y[j] - y[i]);
              }
              return Number.isFinite(tour) ? null : 'non-finite tour length';
            },
          );
        },
      ),
      runOptions,
    );
    expect(tally.crashes + tally.hangs + tally.nonFinite).toBe(0);
  });

  describe('weights (model.json + shard)', () => {
    let sample: WeightsFiles;
    const shapes = [[3, 2], [4], [1, 1, 2]];
    beforeAll(async () => {
      await tf.setBackend('cpu');
      const vars = shapes.map((s, i) => tf.variable(tf.fill(s, i + 0.5)));
      sample = await encodeVariables('demo', vars, { 'p.scale': 2, seed: 1 });
      tf.dispose(vars);
    });

    it('model.json and weights.bin', () => {
      const tally = newTally('weights');
      tallies.push(tally);
      const target = shapes.map((s) => tf.variable(tf.zeros(s)));
      const before = tf.memory().numTensors;
      const edit = fc.oneof(
        fc.record({ where: fc.constant('text' as const), text: textEdits }),
        fc.record({ where: fc.constant('json' as const), json: jsonEdits }),
        fc.record({ where: fc.constant('bin' as const), bin: byteEdits }),
        fc.record({ where: fc.constant('valid' as const) }),
      );
      fc.assert(
        fc.property(edit, (e) => {
          let text = JSON.stringify(sample.json, null, 2);
          let bin: Uint8Array = new Uint8Array(sample.bin);
          if (e.where === 'text') text = applyTextEdits(text, e.text);
          if (e.where === 'json') {
            let doc: unknown = sample.json;
            for (const j of e.json) doc = setAtRandomPath(doc, j.pick, j.value);
            text = JSON.stringify(doc) ?? 'undefined';
          }
          if (e.where === 'bin') bin = applyByteEdits(bin, e.bin);
          judge(
            tally,
            () => {
              const json = parseWeightsJson(text, 'model.json');
              assignVariables('demo', target, { json, bin: new Uint8Array(bin).buffer });
              return target.map((v) => v.dataSync());
            },
            (err) => {
              if (!(err instanceof WeightsFormatError))
                return `not a WeightsFormatError but ${(err as Error)?.name}: ${String(err)}`;
              return /^(model\.json|weights\.bin): .+: expected .+, found /.test(err.message)
                ? null
                : 'no file and field';
            },
            (values) =>
              values.every((a) => Array.from(a).every(Number.isFinite)) ? null : 'non-finite weights',
          );
          if (tf.memory().numTensors !== before) throw new Error('tensors leaked');
        }),
        runOptions,
      );
      tf.dispose(target);
      expect(tally.crashes + tally.hangs + tally.nonFinite).toBe(0);
    });
  });

  it('large valid JSON maps load in seconds', () => {
    const sides = FUZZ_CASES >= 2000 ? [2048, 4096] : [2048];
    for (const side of sides) {
      const map = createGridMap(side, side);
      for (let i = 0; i < map.blocked.length; i += 7) map.blocked[i] = 1;
      const text = serializeMapJson({ map, start: null, goal: null });
      const r = timed(() => parseMapJson(text));
      console.log(
        JSON.stringify({ jsonMap: `${side}×${side}`, mb: text.length / 1e6, ms: Math.round(r.ms) }),
      );
      expect(r.error).toBeUndefined();
      expect(r.ms).toBeLessThan(HANG_MS);
    }
  });
});

/** Recompute every chunk's CRC, so edits reach the checks behind the CRC (header fields, inflate). */
function repairCrcs(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  let offset = 8;
  while (offset + 12 <= out.length) {
    const length = view.getUint32(offset);
    const end = offset + 8 + length;
    if (end + 4 > out.length) break;
    view.setUint32(end, crc32(out.subarray(offset + 4, end)));
    offset = end + 4;
  }
  return out;
}

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
