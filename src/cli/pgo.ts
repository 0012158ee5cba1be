/**
 * `npm run pgo -- --g2o FILE [--max-iterations N] [--initial-lambda X]`: the pose-graph optimiser of the example whose
 * manifest offers the `pgo` tool (iSLAM), reached through the registry. One JSON line on stdout.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { examples } from '../examples/registry';

const sharedData = new URL('../../../shared/data/', import.meta.url);
const manifest = examples.find((m) => 'pgo' in m.tools);
if (!manifest) {
  process.stderr.write('pgo: no example offers the pgo tool\n');
  process.exit(1);
}
const tool = await manifest.tools.pgo();
const code = await tool(process.argv.slice(2), {
  print: (line) => process.stdout.write(`${line}\n`),
  log: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path),
  writeFile: (path, data) => writeFileSync(path, data),
  readSharedData: (relative) => {
    const url = new URL(relative, sharedData);
    return existsSync(url) ? readFileSync(url) : null;
  },
});
process.exitCode = code;
