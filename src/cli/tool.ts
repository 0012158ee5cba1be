/**
 * `npm run <tool> -- …` for every example tool (plan, mtsp, pgo, …): finds the example whose manifest offers the
 * tool in the registry and runs it with Node's files. Bad input ends with one line and a non-zero exit (2 usage,
 * 1 bad file or failed run); `--debug` adds the stack.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { examples } from '../examples/registry';
import { ToolUsageError, type ToolIo } from '../il/example/tool';
import { runCli, withoutDebugFlag } from './cli-errors';
import { projectRoot, readSharedData } from './shared-data-dir';

const io: ToolIo = {
  print: (line) => process.stdout.write(`${line}\n`),
  log: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => new Uint8Array(readFileSync(path)),
  writeFile: (path, data) => writeFileSync(path, data),
  readSharedData,
  exists: (path) => existsSync(path),
  projectPath: (relative) => join(projectRoot, relative),
};

const [name, ...rest] = process.argv.slice(2);
const tools = examples.flatMap((e) => Object.entries(e.tools));
const loader = tools.find(([tool]) => tool === name)?.[1];

await runCli(
  name ?? 'tool',
  async () => {
    if (!loader) {
      process.stderr.write(`unknown tool "${name ?? ''}" (known: ${tools.map(([t]) => t).join(', ')})\n`);
      return 2;
    }
    const run = await loader();
    try {
      return await run(withoutDebugFlag(rest), io);
    } catch (e) {
      if (!(e instanceof ToolUsageError)) throw e;
      if (e.message) process.stderr.write(`${name}: ${e.message}\n${e.usage ? '\n' : ''}`);
      if (e.usage) process.stderr.write(`${e.usage}\n`);
      return e.message ? 2 : 0;
    }
  },
  rest,
);
