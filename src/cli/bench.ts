import { readFileSync } from 'node:fs';
import { parseArgs, intFlag, formatTable } from './args';
import { exposeGc } from './expose-gc';
import { readSharedData } from './shared-data-dir';
import { CliUsageError, runCli, withoutDebugFlag } from './cli-errors';
import { examples } from '../examples/registry';

/** Every bench of every example, by the name `npm run bench -- <name>` takes. */
const benchLoaders = Object.fromEntries(examples.flatMap((e) => Object.entries(e.benches)));

/**
 * npm run bench -- <example> [--seed N] [--steps N] [--backend cpu|wasm] [--flag value …]
 * Prints a human-readable table, then, as the very last line, one JSON object.
 */
async function main(): Promise<number> {
  const { positional, flags } = parseArgs(withoutDebugFlag(process.argv.slice(2)));
  const id = positional[0];
  if (!id || !Object.hasOwn(benchLoaders, id)) {
    throw new CliUsageError(
      `${id ? `unknown example "${id}" — ` : ''}usage: npm run bench -- <${Object.keys(benchLoaders).join('|')}> [--seed N] [--steps N] [--backend cpu|wasm] [--debug]`,
    );
  }
  const backend = flags.backend;
  if (backend !== undefined && backend !== 'cpu' && backend !== 'wasm')
    throw new CliUsageError(`--backend must be cpu or wasm, got ${String(backend)}`);
  let seed: number | undefined;
  let steps: number | undefined;
  try {
    seed = intFlag(flags, 'seed');
    steps = intFlag(flags, 'steps');
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
  const { seed: _s, steps: _t, backend: _b, ...rest } = flags;
  const run = await benchLoaders[id]();
  const result = await run({
    seed: seed ?? 1,
    steps,
    backend: backend as 'cpu' | 'wasm' | undefined,
    flags: rest,
    log: (line) => process.stderr.write(`${line}\n`),
    readFile: (path) => new Uint8Array(readFileSync(path)),
    collectGarbage: exposeGc(),
    readSharedData,
  });
  console.log(formatTable(result.table));
  console.log(JSON.stringify({ example: id, ...result.json }));
  return 0;
}

await runCli('bench', main);
