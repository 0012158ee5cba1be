import { existsSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { parseArgs, intFlag, formatTable } from './args';
import { sharedDataDir } from './shared-data-dir';
import { examples } from '../examples/registry';

/** Every bench of every example, by the name `npm run bench -- <name>` takes. */
const benchLoaders = Object.fromEntries(examples.flatMap((e) => Object.entries(e.benches)));

/**
 * npm run bench -- <example> [--seed N] [--steps N] [--backend cpu|wasm] [--flag value …]
 * Prints a human-readable table, then, as the very last line, one JSON object.
 */
async function main(): Promise<void> {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  const id = positional[0];
  if (!id || !benchLoaders[id]) {
    console.error(
      `usage: npm run bench -- <${Object.keys(benchLoaders).join('|')}> [--seed N] [--steps N] [--backend cpu|wasm]`,
    );
    process.exit(2);
  }
  const backend = flags.backend;
  if (backend !== undefined && backend !== 'cpu' && backend !== 'wasm') {
    console.error(`--backend must be cpu or wasm, got ${String(backend)}`);
    process.exit(2);
  }
  const { seed: _s, steps: _t, backend: _b, ...rest } = flags;
  const run = await benchLoaders[id]();
  const result = await run({
    seed: intFlag(flags, 'seed') ?? 1,
    steps: intFlag(flags, 'steps'),
    backend: backend as 'cpu' | 'wasm' | undefined,
    flags: rest,
    log: (line) => process.stderr.write(`${line}\n`),
    readFile: (path) => new Uint8Array(readFileSync(path)),
    collectGarbage: exposeGc(),
    readSharedData: (relativePath) => {
      const path = join(sharedDataDir, relativePath);
      return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
    },
  });
  console.log(formatTable(result.table));
  console.log(JSON.stringify({ example: id, ...result.json }));
}

/** V8's gc(), exposed at run time (no --expose-gc flag needed on the command line); null where V8 refuses. */
function exposeGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : null;
  } catch {
    return null;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
