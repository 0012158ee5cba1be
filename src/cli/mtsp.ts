/**
 * `npm run mtsp -- --tsp FILE.tsp --agents M [--method ID] [--seed N] [--weights PATH]`: solve a min-max
 * multi-agent TSP from a TSPLIB file and print one JSON line. Exit codes: 0 solved, 1 bad file, 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setupNodeBackend } from '../il/node-backend';
import {
  MtspUsageError,
  type MtspCommand,
  mtspUsage,
  parseMtspArgs,
  runMtspCommand,
  TsplibParseError,
} from '../examples/imtsp/mtsp-command';
import { reportFailure, hasDebugFlag, withoutDebugFlag } from './cli-errors';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${mtspUsage()}\n`);
    return 0;
  }
  let command: MtspCommand;
  try {
    command = parseMtspArgs(withoutDebugFlag(argv));
  } catch (error) {
    if (!(error instanceof MtspUsageError)) throw error;
    process.stderr.write(`mtsp: ${error.message}\n\n${mtspUsage()}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(command.tsp, 'utf8');
  } catch (error) {
    process.stderr.write(`mtsp: cannot read ${command.tsp}: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    // The learned method runs a tfjs network: wasm, as everywhere in Node.
    if (command.method === 'learned') await setupNodeBackend('wasm');
    const result = await runMtspCommand(command, text, command.tsp, (path) => readFile(path));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof TsplibParseError) {
      process.stderr.write(`mtsp: ${command.tsp}:${error.line}: ${error.reason}\n`);
      return 1;
    }
    if (error instanceof MtspUsageError) {
      process.stderr.write(`mtsp: ${error.message}\n`);
      return 2;
    }
    // Anything else (missing or refused --weights, a failed solve): one line, the stack only with --debug.
    return reportFailure('mtsp', error, hasDebugFlag(argv));
  }
}

const argv = process.argv.slice(2);
process.exitCode = await main(argv).catch((error: unknown) =>
  reportFailure('mtsp', error, hasDebugFlag(argv)),
);
