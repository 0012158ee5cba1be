import { describe, expect, it } from 'vitest';
import { closedTourLength } from '../tsp/distance';
import { uniformInstance } from '../instances/generators';
import { getMtspMethod, listMtspMethods } from '../allocation/methods';
import { MtspUsageError, parseMtspArgs, runMtspCommand } from './mtsp-command';
import { solveTour } from '../tsp/tsp-solve';
import { formatTsplib, TsplibParseError } from '../tsp/tsplib';

describe('parseMtspArgs', () => {
  it('reads flags with defaults', () => {
    expect(parseMtspArgs(['--tsp', 'a.tsp', '--agents', '3'])).toEqual({
      tsp: 'a.tsp',
      agents: 3,
      method: 'local-search',
      seed: 0,
      weights: undefined,
      timeLimitMs: undefined,
      distance: 'euclidean',
    });
    const full = parseMtspArgs([
      '--agents',
      '2',
      '--tsp',
      'b',
      '--method',
      'random',
      '--seed',
      '7',
      '--distance',
      'tsplib',
    ]);
    expect(full).toMatchObject({ agents: 2, method: 'random', seed: 7, distance: 'tsplib' });
  });

  const bad: [string[], RegExp][] = [
    [['--agents', '2'], /--tsp FILE.tsp is required/],
    [['--tsp', 'a'], /--agents M is required/],
    [['--tsp', 'a', '--agents', '0'], /whole number ≥ 1/],
    [['--tsp', 'a', '--agents', '2.5'], /whole number/],
    [['--tsp', 'a', '--agents', '2', '--method', 'magic'], /unknown method "magic" \(available: .*random/],
    [['--tsp', 'a', '--agents', '2', '--frobnicate', '1'], /unknown argument "--frobnicate"/],
    [['--tsp', 'a', '--agents'], /--agents needs a value/],
    [['--tsp', 'a', '--tsp', 'b', '--agents', '2'], /given twice/],
    [['--tsp', 'a', '--agents', '2', '--distance', 'manhattan'], /euclidean or tsplib/],
    [['--tsp', 'a', '--agents', '2', '--seed', '-1'], /--seed needs a whole number ≥ 0/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${argv.join(' ')}`, () => {
      expect(() => parseMtspArgs(argv)).toThrow(MtspUsageError);
      expect(() => parseMtspArgs(argv)).toThrow(message);
    });
  }
});

describe('runMtspCommand', () => {
  const inst = uniformInstance({ n: 60, seed: 21, name: 'u60' });
  const text = formatTsplib(inst);

  it('solves with every registered method and reports consistent tours', async () => {
    for (const method of ['random', 'cluster', 'local-search']) {
      const report = await runMtspCommand(
        parseMtspArgs(['--tsp', 'x.tsp', '--agents', '4', '--method', method]),
        text,
        'x.tsp',
      );
      expect(report).toMatchObject({ instance: 'u60', agents: 4, method, distance: 'euclidean' });
      expect(report.tours.length).toBe(4);
      const lengths = report.tours.map((t) => closedTourLength(inst, t, 'euclidean'));
      expect(report.maxTour).toBeCloseTo(Math.max(...lengths), 9);
      expect(report.sumTour).toBeCloseTo(
        lengths.reduce((a, b) => a + b, 0),
        9,
      );
      expect(report.tours.flatMap((t) => t.slice(1)).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 59 }, (_, i) => i + 1),
      );
      expect(report.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('with one agent is a plain TSP solve', async () => {
    const report = await runMtspCommand(
      parseMtspArgs(['--tsp', 'x', '--agents', '1', '--method', 'random']),
      text,
      'x',
    );
    const quality = solveTour(
      inst,
      Array.from({ length: 60 }, (_, i) => i),
      { quality: { seed: 0 } },
    );
    expect(report.maxTour).toBeCloseTo(quality.length, 12);
    expect(report.sumTour).toBe(report.maxTour);
  });

  it('passes malformed files on as TsplibParseError', async () => {
    await expect(
      runMtspCommand(parseMtspArgs(['--tsp', 'x', '--agents', '2']), 'NAME : x\nDIMENSION : 2\n', 'x'),
    ).rejects.toThrow(TsplibParseError);
  });
});

describe('method list', () => {
  it('lists every method, fixed at build time, and refuses an unknown one by name', () => {
    expect(listMtspMethods().map((m) => m.id)).toEqual(['random', 'cluster', 'local-search', 'learned']);
    expect(getMtspMethod('cluster')?.needsWeights).toBe(false);
    expect(() => parseMtspArgs(['--tsp', 'a', '--agents', '2', '--method', 'nope'])).toThrow(/nope/);
  });
});
