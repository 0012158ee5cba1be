import type { ToolRunner } from '../../../il/example/tool';
import { optimiseG2oText } from '../g2o-command';

const USAGE = 'usage: npm run pgo -- --g2o FILE [--max-iterations N] [--initial-lambda X]';

/**
 * `npm run pgo -- --g2o FILE [--max-iterations N] [--initial-lambda X]`: optimises a g2o 2D pose graph (VERTEX_SE2 /
 * EDGE_SE2) by LM with the sparse Cholesky and prints one JSON line: poses, edges, initialChi2, finalChi2, iterations,
 * maxGradient (max |∇ chi²|), ms. Exit codes: 0 solved, 1 a bad file, 2 bad usage.
 */
export const run: ToolRunner = async (argv, io) => {
  const flags = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--help' || a === '-h') {
      io.print(USAGE);
      return 0;
    }
    if (!a.startsWith('--') || k + 1 >= argv.length) {
      io.log(`pgo: ${a.startsWith('--') ? `${a} needs a value` : `unexpected "${a}"`} — ${USAGE}`);
      return 2;
    }
    flags.set(a.slice(2), argv[++k]);
  }
  for (const name of flags.keys())
    if (!['g2o', 'max-iterations', 'initial-lambda'].includes(name)) {
      io.log(`pgo: unknown option --${name} — ${USAGE}`);
      return 2;
    }
  const file = flags.get('g2o');
  if (!file) {
    io.log(`pgo: which file? — ${USAGE}`);
    return 2;
  }
  const maxIterations = Number(flags.get('max-iterations') ?? 1000);
  const initialLambda = Number(flags.get('initial-lambda') ?? 1e-5);
  if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > 5000) {
    io.log('pgo: --max-iterations must be a whole number in 1–5000');
    return 2;
  }
  if (!(initialLambda > 0 && initialLambda < 1e12)) {
    io.log('pgo: --initial-lambda must be a number > 0');
    return 2;
  }
  let text: string;
  try {
    text = new TextDecoder().decode(io.readFile(file));
  } catch (e) {
    io.log(`pgo: cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const result = optimiseG2oText({ text, maxIterations, initialLambda });
  if (!result.ok) {
    io.log(`pgo: ${file}: ${result.message}`);
    return 1;
  }
  io.print(
    JSON.stringify({
      file,
      poses: result.poses,
      edges: result.edges,
      start: result.startFrom,
      initialChi2: result.initialChi2,
      finalChi2: result.finalChi2,
      iterations: result.iterations,
      maxGradient: result.maxGradient,
      ms: Math.round(result.ms),
    }),
  );
  return 0;
};
