import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath, sharedDataTitle } from '../test-support/shared-data.ts';

/** Runs `tsx src/cli/tool.ts plan ...` (what `npm run plan --` runs) and parses its JSON lines. */
function plan(...args: string[]): {
  status: number | null;
  lines: Record<string, unknown>[];
  stderr: string;
} {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/tool.ts', 'plan', ...args], {
    encoding: 'utf8',
  });
  const lines = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: r.status, lines, stderr: r.stderr };
}

describe('npm run plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
  const mapFile = join(dir, 'gap.map');
  writeFileSync(mapFile, 'type octile\nheight 3\nwidth 5\nmap\n..@..\n.....\n..@..\n');

  it('plans one query and prints a JSON line and a summary line', () => {
    const r = plan('--map', mapFile, '--start', '0,0', '--goal', '4,0');
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatchObject({
      start: { x: 0, y: 0 },
      goal: { x: 4, y: 0 },
      success: true,
      optimalLength: null,
    });
    expect(r.lines[0].pathLength as number).toBeCloseTo(2 + 2 * Math.SQRT2, 9);
    expect(r.lines[1]).toMatchObject({ summary: true, planner: 'astar', count: 1, successRate: 1 });
  });

  it('fails with a message and a non-zero exit on bad arguments and bad files', () => {
    const noMap = plan('--start', '0,0');
    expect(noMap.status).toBe(2);
    expect(noMap.stderr).toContain('--map FILE is required');
    expect(
      plan('--map', mapFile, '--planner', 'teleport', '--start', '0,0', '--goal', '1,1').stderr,
    ).toContain("unknown planner 'teleport'");
    expect(plan('--map', mapFile, '--start', '0;0', '--goal', '1,1').stderr).toContain('--start expects x,y');
    expect(
      plan('--map', mapFile, '--weight', '0.5', '--planner', 'wastar', '--start', '0,0', '--goal', '1,1')
        .status,
    ).toBe(2);
    const bad = join(dir, 'bad.map');
    writeFileSync(bad, 'type octile\nheight 3\nwidht 5\nmap\n');
    const r = plan('--map', bad, '--start', '0,0', '--goal', '1,1');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("line 3: expected 'width <W>', got 'widht 5'");
  });

  it.skipIf(!hasSharedData)(
    sharedDataTitle('reproduces every optimal length of a Moving AI scenario file'),
    () => {
      const r = plan(
        '--map',
        sharedDataPath('movingai', 'arena.map'),
        '--scen',
        sharedDataPath('movingai', 'arena.map.scen'),
      );
      expect(r.status).toBe(0);
      expect(r.lines).toHaveLength(131);
      expect(r.lines[130]).toMatchObject({
        count: 130,
        successRate: 1,
        meanPathRatio: 1,
        optimalMismatches: 0,
      });
      const wastar = plan(
        '--map',
        sharedDataPath('movingai', 'arena.map'),
        '--scen',
        sharedDataPath('movingai', 'arena.map.scen'),
        '--planner',
        'wastar',
        '--weight',
        '2',
      );
      expect(wastar.lines[130].meanPathRatio as number).toBeLessThanOrEqual(2);
    },
  );
});
