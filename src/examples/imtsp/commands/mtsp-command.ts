import type { MtspSolution } from '../allocation/allocation';
import {
  getMtspMethod,
  listMtspMethods,
  solveSingleAgent,
  type MtspMethodContext,
} from '../allocation/methods';
import { MtspUsageError } from './mtsp-usage-error';
import { parseTsplib, TSPLIB_METRIC, TsplibParseError } from '../tsp/tsplib';

/** The command line of `npm run mtsp` (parsing and running are pure; the Node entry point does the I/O). */
export interface MtspCommand {
  tsp: string;
  agents: number;
  method: string;
  seed: number;
  weights?: string;
  timeLimitMs?: number;
  /** `euclidean` (unrounded, the iMTSP problem) or `tsplib` (the file's own integer convention). */
  distance: 'euclidean' | 'tsplib';
}

/** What the command prints as its one JSON line. */
export interface MtspReport {
  instance: string;
  agents: number;
  method: string;
  distance: 'euclidean' | 'tsplib';
  maxTour: number;
  sumTour: number;
  /** Per agent, 0-based city indices (city 0 is the depot, node 1 of the file), starting at the depot. */
  tours: number[][];
  ms: number;
}

export { MtspUsageError } from './mtsp-usage-error';

export function mtspUsage(): string {
  const methods = listMtspMethods()
    .map((m) => `    ${m.id.padEnd(13)}${m.summary}`)
    .join('\n');
  return [
    'usage: npm run mtsp -- --tsp FILE.tsp --agents M [--method ID] [--seed N] [--weights PATH]',
    '                       [--time-limit MS] [--distance euclidean|tsplib]',
    'Solves min-max multi-agent TSP from the depot (node 1 of the file) and prints one JSON line:',
    '{instance, agents, method, distance, maxTour, sumTour, tours, ms}. --agents 1 is a plain TSP solve.',
    'methods (default local-search):',
    methods,
  ].join('\n');
}

function wholeNumber(flag: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new MtspUsageError(`${flag} needs a whole number ≥ ${min}, got "${text}"`);
  }
  return Number(text);
}

/** Parse argv (without node and the script); throws MtspUsageError with a one-line reason. */
export function parseMtspArgs(argv: readonly string[]): MtspCommand {
  const values = new Map<string, string>();
  const known = ['--tsp', '--agents', '--method', '--seed', '--weights', '--time-limit', '--distance'];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!known.includes(flag)) throw new MtspUsageError(`unknown argument "${flag}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new MtspUsageError(`${flag} needs a value`);
    if (values.has(flag)) throw new MtspUsageError(`${flag} is given twice`);
    values.set(flag, value);
    i++;
  }
  const tsp = values.get('--tsp');
  if (tsp === undefined) throw new MtspUsageError('--tsp FILE.tsp is required');
  const agentsText = values.get('--agents');
  if (agentsText === undefined) throw new MtspUsageError('--agents M is required');
  const method = values.get('--method') ?? 'local-search';
  const found = getMtspMethod(method);
  if (found === undefined) {
    const ids = listMtspMethods().map((m) => m.id);
    throw new MtspUsageError(`unknown method "${method}" (available: ${ids.join(', ')})`);
  }
  const weights = values.get('--weights');
  if (found.needsWeights && weights === undefined)
    throw new MtspUsageError(`method ${method} needs --weights PATH`);
  const distance = values.get('--distance') ?? 'euclidean';
  if (distance !== 'euclidean' && distance !== 'tsplib') {
    throw new MtspUsageError(`--distance must be euclidean or tsplib, got "${distance}"`);
  }
  const limit = values.get('--time-limit');
  return {
    tsp,
    agents: wholeNumber('--agents', agentsText, 1),
    method,
    seed: values.has('--seed') ? wholeNumber('--seed', values.get('--seed')!, 0) : 0,
    weights,
    timeLimitMs: limit === undefined ? undefined : wholeNumber('--time-limit', limit, 1),
    distance,
  };
}

function report(name: string, command: MtspCommand, solution: MtspSolution, ms: number): MtspReport {
  return {
    instance: name,
    agents: command.agents,
    method: command.method,
    distance: command.distance,
    maxTour: solution.maxTour,
    sumTour: solution.sumTour,
    tours: solution.tours.map((t) => Array.from(t)),
    ms: Math.round(ms * 1000) / 1000,
  };
}

/**
 * Run a parsed command on the text of its `.tsp` file. Throws TsplibParseError for a malformed file
 * and MtspUsageError for an impossible request.
 */
export async function runMtspCommand(
  command: MtspCommand,
  fileText: string,
  fileName: string,
  readFile?: MtspMethodContext['readFile'],
): Promise<MtspReport> {
  const parsed = parseTsplib(fileText, fileName.replace(/^.*[\\/]/, '').replace(/\.tsp$/i, ''));
  const method = getMtspMethod(command.method);
  if (method === undefined) throw new MtspUsageError(`unknown method "${command.method}"`);
  const context: MtspMethodContext = {
    seed: command.seed,
    weights: command.weights,
    timeLimitMs: command.timeLimitMs,
    tsp: { metric: command.distance === 'tsplib' ? TSPLIB_METRIC[parsed.edgeWeightType] : 'euclidean' },
    readFile,
  };
  if (command.agents > 1) await method.prepare?.(context);
  const start = performance.now();
  const solution =
    command.agents === 1
      ? solveSingleAgent(parsed.instance, context)
      : await method.solve(parsed.instance, command.agents, context);
  return report(parsed.instance.name, command, solution, performance.now() - start);
}

export { TsplibParseError };
