import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../il/rng';
import { hasSharedData, sharedDataPath, sharedDataTitle } from '../../../test-support/shared-data';
import { clusteredInstance, uniformInstance } from '../instances/generators';
import { makeInstance } from '../instances/instance';
import { formatTsplib, parseTsplib, TsplibParseError } from './tsplib';

const TINY = [
  'NAME : tiny',
  'TYPE : TSP',
  'COMMENT : four points',
  'DIMENSION : 4',
  'EDGE_WEIGHT_TYPE : EUC_2D',
  'NODE_COORD_SECTION',
  '1 0 0',
  '2 3 0',
  '3 3 4',
  '4 0 4',
  'EOF',
];

/** TINY with 1-based line `line` replaced by `text` (or removed when text is null). */
function edit(line: number, text: string | null): string {
  const lines = [...TINY];
  if (text === null) lines.splice(line - 1, 1);
  else lines[line - 1] = text;
  return lines.join('\n');
}

function parseError(text: string): TsplibParseError {
  try {
    parseTsplib(text);
  } catch (error) {
    if (error instanceof TsplibParseError) return error;
    throw new Error(`threw something other than TsplibParseError: ${String(error)}`, { cause: error });
  }
  throw new Error('parsed without error');
}

describe('parseTsplib', () => {
  it('reads a well-formed file, node 1 becoming the depot', () => {
    const file = parseTsplib(TINY.join('\n'));
    expect(file.instance.name).toBe('tiny');
    expect(file.edgeWeightType).toBe('EUC_2D');
    expect(file.comment).toBe('four points');
    expect(Array.from(file.instance.x)).toEqual([0, 3, 3, 0]);
    expect(Array.from(file.instance.y)).toEqual([0, 0, 4, 4]);
  });

  it('accepts the variations found in real files', () => {
    const variant = [
      '\uFEFFname: tiny2',
      'TYPE: TSP',
      'COMMENT : one',
      'COMMENT : two',
      'DIMENSION:3',
      'EDGE_WEIGHT_TYPE :\tCEIL_2D',
      'DISPLAY_DATA_TYPE : COORD_DISPLAY',
      '',
      'NODE_COORD_SECTION',
      '  3   1.5e+03\t-2 ',
      '1 .5 0.25',
      '2 +7 -0',
      'DISPLAY_DATA_SECTION',
      '1 0 0',
    ].join('\r\n');
    const file = parseTsplib(variant);
    expect(file.instance.name).toBe('tiny2');
    expect(file.edgeWeightType).toBe('CEIL_2D');
    expect(file.comment).toBe('one\ntwo');
    expect(Array.from(file.instance.x)).toEqual([0.5, 7, 1500]);
    expect(Array.from(file.instance.y)).toEqual([0.25, -0, -2]);
    expect(parseTsplib(edit(1, null), 'fallback').instance.name).toBe('fallback');
    expect(parseTsplib(`${TINY.join('\n')}\nanything after EOF is ignored`).instance.x.length).toBe(4);
    expect(parseTsplib(edit(11, null)).instance.x.length).toBe(4); // EOF is optional
    expect(parseTsplib(edit(5, 'EDGE_WEIGHT_TYPE : ATT')).edgeWeightType).toBe('ATT');
  });

  const malformed: [string, string, number, string][] = [
    ['empty file', '', 1, 'no DIMENSION'],
    ['other problem type', edit(2, 'TYPE : ATSP'), 2, 'TYPE ATSP is not supported'],
    ['zero dimension', edit(4, 'DIMENSION : 0'), 4, 'DIMENSION must be a whole number'],
    ['fractional dimension', edit(4, 'DIMENSION : 3.5'), 4, 'DIMENSION must be a whole number'],
    ['text dimension', edit(4, 'DIMENSION : four'), 4, 'DIMENSION must be a whole number'],
    ['geographic weights', edit(5, 'EDGE_WEIGHT_TYPE : GEO'), 5, 'EDGE_WEIGHT_TYPE GEO is not supported'],
    ['explicit weights', edit(5, 'EDGE_WEIGHT_TYPE : EXPLICIT'), 5, 'EXPLICIT is not supported'],
    [
      'explicit matrix format',
      edit(3, 'EDGE_WEIGHT_FORMAT : FULL_MATRIX'),
      3,
      'EDGE_WEIGHT_FORMAT is not supported',
    ],
    ['3-D coordinates', edit(3, 'NODE_COORD_TYPE : THREED_COORDS'), 3, 'THREED_COORDS is not supported'],
    ['missing weight type', edit(5, null), 10, 'no EDGE_WEIGHT_TYPE'],
    ['keyword without value', edit(1, 'NAME :'), 1, 'NAME has no value'],
    ['unknown keyword', edit(3, 'COLOUR : blue'), 3, 'unknown keyword "COLOUR"'],
    ['free text in the header', edit(3, 'four points'), 3, 'expected "KEYWORD : value"'],
    ['number in the header', edit(3, '1 0 0'), 3, 'expected "KEYWORD : value"'],
    ['repeated keyword', edit(3, 'DIMENSION : 4'), 4, 'DIMENSION appears again (first on line 3)'],
    [
      'section before dimension',
      edit(4, 'NODE_COORD_SECTION'),
      4,
      'NODE_COORD_SECTION comes before DIMENSION',
    ],
    ['section with a value', edit(6, 'NODE_COORD_SECTION : 4'), 6, 'takes no value'],
    ['two fields', edit(8, '2 3'), 8, 'needs 3 fields'],
    ['four fields', edit(8, '2 3 0 1'), 8, 'needs 3 fields'],
    ['fractional id', edit(8, '2.0 3 0'), 8, 'node id "2.0" is not a whole number'],
    ['id zero', edit(8, '0 3 0'), 8, 'outside 1..4'],
    ['id too large', edit(8, '5 3 0'), 8, 'outside 1..4'],
    ['bad x', edit(8, '2 three 0'), 8, 'x coordinate of node 2'],
    ['infinite y', edit(8, '2 3 1e999'), 8, 'y coordinate of node 2'],
    ['NaN y', edit(8, '2 3 NaN'), 8, 'y coordinate of node 2'],
    ['repeated node', edit(9, '2 3 4'), 9, 'node 2 appears again (first on line 8)'],
    ['missing node', edit(9, null), 10, 'has 3 of the 4 nodes of DIMENSION; missing 3'],
    ['more nodes than DIMENSION', edit(4, 'DIMENSION : 3'), 10, 'outside 1..3'],
    ['nodes cut short by a keyword', edit(10, 'DEMAND_SECTION'), 10, 'has 3 of the 4 nodes'],
    [
      'unsupported section',
      `${TINY.slice(0, 10).join('\n')}\nDEPOT_SECTION\n1\n-1\nEOF`,
      11,
      'DEPOT_SECTION is not supported',
    ],
    ['tour file', edit(6, 'TOUR_SECTION'), 6, 'TOUR_SECTION is not supported'],
    ['no coordinates', TINY.slice(0, 5).join('\n'), 5, 'no NODE_COORD_SECTION'],
    ['repeated section', `${TINY.slice(0, 10).join('\n')}\nNODE_COORD_SECTION\n1 0 0`, 11, 'appears again'],
    [
      'absurd dimension',
      edit(4, 'DIMENSION : 900000000000'),
      4,
      'from 1 to 1000 (the cities this app solves)',
    ],
    [
      'a coordinate of 1e200',
      edit(8, '2 1e200 0'),
      8,
      'x coordinate of node 2 must lie in [-1e9, 1e9], found "1e200"',
    ],
    ['a coordinate of -1e308', edit(9, '3 0 -1e308'), 9, 'y coordinate of node 3 must lie in [-1e9, 1e9]'],
  ];

  for (const [what, text, line, reason] of malformed) {
    it(`rejects ${what} with line ${line}`, () => {
      const error = parseError(text);
      expect(error.line).toBe(line);
      expect(error.reason).toContain(reason);
      expect(error.message).toBe(`line ${line}: ${error.reason}`);
    });
  }

  it('rejects input that is not text', () => {
    const error = parseError(42 as unknown as string);
    expect(error.line).toBe(1);
  });

  it('throws nothing but TsplibParseError on randomly damaged files', () => {
    const rng = createRng(11);
    const base = TINY.join('\n');
    const alphabet = '0123456789 .:-+eE\nNAMETYPSCIO_\t#x';
    let rejected = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const chars = base.split('');
      const edits = rng.int(1, 4);
      for (let e = 0; e < edits; e++) {
        const at = rng.int(0, chars.length - 1);
        const op = rng.int(0, 2);
        const ch = alphabet[rng.int(0, alphabet.length - 1)];
        if (op === 0) chars[at] = ch;
        else if (op === 1) chars.splice(at, 0, ch);
        else chars.splice(at, 1);
      }
      const text = chars.join('');
      const lineCount = text.split('\n').length;
      try {
        const file = parseTsplib(text);
        expect(file.instance.x.length).toBe(file.instance.y.length);
        expect(Array.from(file.instance.x).every(Number.isFinite)).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(TsplibParseError);
        const { line } = error as TsplibParseError;
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(lineCount);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(1000);
  });
});

describe('formatTsplib', () => {
  it('round-trips coordinates exactly', () => {
    for (const inst of [uniformInstance({ n: 60, seed: 1 }), clusteredInstance({ n: 40, seed: 2 })]) {
      const back = parseTsplib(formatTsplib(inst, { comment: 'generated' }));
      expect(back.instance.name).toBe(inst.name);
      expect(back.comment).toBe('generated');
      expect(back.edgeWeightType).toBe('EUC_2D');
      expect(Array.from(back.instance.x)).toEqual(Array.from(inst.x));
      expect(Array.from(back.instance.y)).toEqual(Array.from(inst.y));
    }
    const odd = makeInstance('two\nlines', [1e-7, -3.5, 1e9, 0.1 + 0.2], [5e-324, 123456789.123, -0.0001, 2]);
    const back = parseTsplib(formatTsplib(odd, { edgeWeightType: 'ATT' }));
    expect(back.instance.name).toBe('two lines');
    expect(back.edgeWeightType).toBe('ATT');
    expect(Array.from(back.instance.x)).toEqual(Array.from(odd.x));
    expect(Array.from(back.instance.y)).toEqual(Array.from(odd.y));
  });
});

describe.skipIf(!hasSharedData)(sharedDataTitle('TSPLIB benchmark files'), () => {
  it('parses eil51, berlin52 and st70 with their dimensions and first nodes', () => {
    const expected: [string, number, number, number][] = [
      ['eil51', 51, 37, 52],
      ['berlin52', 52, 565, 575],
      ['st70', 70, 64, 96],
    ];
    for (const [name, n, x0, y0] of expected) {
      const file = parseTsplib(readFileSync(sharedDataPath('tsplib', `${name}.tsp`), 'utf8'));
      expect(file.instance.name).toBe(name);
      expect(file.edgeWeightType).toBe('EUC_2D');
      expect(file.instance.x.length).toBe(n);
      expect([file.instance.x[0], file.instance.y[0]]).toEqual([x0, y0]);
      const again = parseTsplib(formatTsplib(file.instance));
      expect(Array.from(again.instance.x)).toEqual(Array.from(file.instance.x));
    }
  });
});
