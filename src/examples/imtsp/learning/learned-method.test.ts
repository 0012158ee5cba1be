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

function mtsp(args: string[]) {
  const run = spawnSync(tsx, ['src/cli/tool.ts', 'mtsp', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run mtsp -- --method learned', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imtsp-learned-'));
  const file = join(dir, 'u60.tsp');
  writeFileSync(file, formatTsplib(uniformInstance({ n: 60, seed: 11, name: 'u60' })));

  it('solves with the shipped weights by default, and says which weights it cannot read', () => {
    const ok = mtsp(['--tsp', file, '--agents', '4', '--method', 'learned']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const report = JSON.parse(ok.stdout.trim()) as { method: string; tours: number[][]; maxTour: number };
    expect(report.method).toBe('learned');
    expect(report.tours.length).toBe(4);
    expect(
      report.tours
        .flat()
        .filter((c) => c !== 0)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 59 }, (_, i) => i + 1));
    expect(report.maxTour).toBeGreaterThan(0);

    const missing = mtsp([
      '--tsp',
      file,
      '--agents',
      '4',
      '--method',
      'learned',
      '--weights',
      join(dir, 'nope'),
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect(missing.stdout).toBe('');
  });
});
