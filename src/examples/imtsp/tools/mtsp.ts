/**
 * `npm run mtsp -- --tsp FILE.tsp --agents M [--method ID] [--seed N] [--weights PATH]`: solve a min-max
 * multi-agent TSP from a TSPLIB file and print one JSON line. Exit codes: 0 solved, 1 bad file, 2 bad usage.
 */
import { ToolUsageError, type ToolRunner } from '../../../il/example/tool';
import { setupNodeBackend } from '../../../il/node-backend';
import { mtspUsage, parseMtspArgs, runMtspCommand, type MtspCommand } from '../commands/mtsp-command';
import { MtspUsageError } from '../commands/mtsp-usage-error';
import { TsplibParseError } from '../tsp/tsplib';

export const run: ToolRunner = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) throw new ToolUsageError('', mtspUsage());
  let command: MtspCommand;
  try {
    command = parseMtspArgs([...argv]);
  } catch (error) {
    if (error instanceof MtspUsageError) throw new ToolUsageError(error.message, mtspUsage());
    throw error;
  }
  let text: string;
  try {
    text = new TextDecoder().decode(io.readFile(command.tsp));
  } catch (error) {
    io.log(`mtsp: cannot read ${command.tsp}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    // The learned method runs a tfjs network: wasm, as everywhere in Node.
    if (command.method === 'learned') await setupNodeBackend('wasm');
    const result = await runMtspCommand(command, text, command.tsp, async (path) => io.readFile(path));
    io.print(JSON.stringify(result));
    return 0;
  } catch (error) {
    if (error instanceof TsplibParseError) {
      io.log(`mtsp: ${command.tsp}:${error.line}: ${error.reason}`);
      return 1;
    }
    if (error instanceof MtspUsageError) throw new ToolUsageError(error.message);
    // Anything else (missing or refused --weights, a failed solve): the runner's one line, the stack with --debug.
    throw error;
  }
};
