import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { uniformInstance } from '../instances/generators';
import { formatTsplib } from '../tsp/tsplib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function mtsp(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(tsx, ['src/cli/tool.ts', 'mtsp', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run mtsp (the real entry point)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imtsp-cli-'));
  const good = join(dir, 'u40.tsp');
  writeFileSync(good, formatTsplib(uniformInstance({ n: 40, seed: 3, name: 'u40' })));
  const bad = join(dir, 'bad.tsp');
  writeFileSync(
    bad,
    'NAME : bad\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 zero 1\n',
  );

  it('prints one JSON line and exits 0; exits 1 naming the line of a bad file; exits 2 on bad usage', () => {
    const ok = mtsp(['--tsp', good, '--agents', '3', '--method', 'cluster', '--seed', '1']);
    expect(ok.status).toBe(0);
    const lines = ok.stdout.trim().split('\n');
    expect(lines.length).toBe(1);
    const report = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'instance',
      'agents',
      'method',
      'distance',
      'maxTour',
      'sumTour',
      'tours',
      'ms',
    ]);
    expect(report.instance).toBe('u40');

    const broken = mtsp(['--tsp', bad, '--agents', '2']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`${bad}:7: x coordinate of node 2`);
    expect(broken.stdout).toBe('');

    const usage = mtsp(['--tsp', good]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--agents M is required');

    const missing = mtsp(['--tsp', join(dir, 'nope.tsp'), '--agents', '2']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });
});
