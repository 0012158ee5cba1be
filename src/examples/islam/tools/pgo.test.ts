import { describe, expect, it } from 'vitest';
import { run } from './pgo';

const GRAPH = [
  'VERTEX_SE2 0 0 0 0',
  'VERTEX_SE2 1 1.2 0.1 0.1',
  'VERTEX_SE2 2 1.9 1.1 1.4',
  'EDGE_SE2 0 1 1 0 0 100 0 0 100 0 1000',
  'EDGE_SE2 1 2 1 0 1.5707963 100 0 0 100 0 1000',
  'EDGE_SE2 0 2 2 0 1.5707963 100 0 0 100 0 1000',
].join('\n');

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const tool = {
    print: (l: string) => void out.push(l),
    log: (l: string) => void err.push(l),
    readFile: (p: string): Uint8Array => {
      if (!(p in files)) throw new Error('ENOENT');
      return new TextEncoder().encode(files[p]);
    },
    writeFile: () => undefined,
    readSharedData: (): Uint8Array | null => null,
    exists: (p: string) => p in files,
    projectPath: (p: string) => p,
  };
  return { tool, out, err };
}

describe('npm run pgo', () => {
  it('optimises a g2o file and prints one JSON line', async () => {
    const { tool, out } = io({ 'g.g2o': GRAPH });
    expect(await run(['--g2o', 'g.g2o'], tool)).toBe(0);
    expect(out).toHaveLength(1);
    const r = JSON.parse(out[0]) as Record<string, number>;
    expect(r.poses).toBe(3);
    expect(r.edges).toBe(3);
    // A consistent triangle (the loop agrees with the chain): the optimum has chi² 0.
    expect(r.finalChi2).toBeLessThan(1e-12);
    expect(r.finalChi2).toBeLessThan(r.initialChi2);
    expect(r.maxGradient).toBeLessThan(1e-6);
  });

  it('refuses bad usage (2) and bad files (1) with one line', async () => {
    const a = io({});
    expect(await run([], a.tool)).toBe(2);
    expect(await run(['--g2o', 'x.g2o', '--max-iterations', '0'], a.tool)).toBe(2);
    expect(await run(['--what', '1'], a.tool)).toBe(2);
    expect(await run(['--g2o', 'missing.g2o'], a.tool)).toBe(1);
    const b = io({ 'bad.g2o': 'EDGE_SE2 0 1 1 0 0 1 0 0 1 0\n' });
    expect(await run(['--g2o', 'bad.g2o'], b.tool)).toBe(1);
    expect(b.err[0]).toMatch(/line 1: EDGE_SE2 needs 11 numbers/);
  });
});
