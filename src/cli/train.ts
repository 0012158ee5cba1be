import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findManifest, loadProblemFactory } from '../examples/registry';
import { describeFlags } from '../il/params/schema';
import { encodeVariables } from '../il/checkpoint';
import { summarise, trainHeadless } from '../il/headless';
import { setupNodeBackend } from '../il/node-backend';
import { intFlag, parseArgs } from './args';
import { CliUsageError, runCli, withoutDebugFlag } from './cli-errors';

/**
 * npm run train -- <example> [--preset ID] [--steps N] [--seed N] [--lr X] [--backend wasm|cpu] [--out DIR]
 *                              [--p.<param> value …]
 * Trains headless and writes tfjs weight files (model.json + weights.bin). Without --out they go to
 * public/weights/<example>/<preset>/, the weights the app ships as "pretrained": this command is how they are made.
 */
const USAGE =
  'usage: npm run train -- <example> [--preset ID] [--steps N] [--seed N] [--lr X] [--backend wasm|cpu] [--out DIR] [--p.<param> value …] [--debug]';
const KNOWN_FLAGS = ['preset', 'steps', 'seed', 'lr', 'backend', 'out', 'help'];

async function main(): Promise<number> {
  const { positional, flags } = parseArgs(withoutDebugFlag(process.argv.slice(2)));
  const manifest = findManifest(positional[0] ?? '');
  const meta = manifest?.meta;
  if (flags.help && manifest) {
    // The example's own settings, from its param schema (what the URL hash and the page's forms read too).
    process.stdout.write(`${USAGE}\n\n${meta?.title} settings (--p.<name>):\n`);
    process.stdout.write(
      `${describeFlags(manifest.params)
        .map((l) => l.replace('--', '--p.'))
        .join('\n')}\n`,
    );
    return 0;
  }
  if (!meta || !manifest) {
    const why = positional[0] ? `unknown example "${positional[0]}"` : 'which example?';
    throw new CliUsageError(`${why} — ${USAGE}`);
  }
  for (const name of Object.keys(flags))
    if (!KNOWN_FLAGS.includes(name) && !name.startsWith('p.'))
      throw new CliUsageError(`unknown option --${name} — ${USAGE}`);
  const preset = meta.presets.find((p) => p.id === (flags.preset ?? meta.presets[0].id));
  if (!preset) {
    throw new CliUsageError(
      `unknown preset ${String(flags.preset)} (known: ${meta.presets.map((p) => p.id).join(', ')})`,
    );
  }
  if (flags.backend !== undefined && flags.backend !== 'cpu' && flags.backend !== 'wasm')
    throw new CliUsageError(`--backend must be wasm or cpu, got ${String(flags.backend)}`);
  const lr = flags.lr === undefined ? undefined : Number(flags.lr);
  if (lr !== undefined && !(Number.isFinite(lr) && lr > 0))
    throw new CliUsageError(`--lr must be a number > 0, got ${String(flags.lr)}`);
  if (flags.out === true) throw new CliUsageError('--out needs a folder');
  let steps: number | undefined;
  let seed: number | undefined;
  try {
    steps = intFlag(flags, 'steps');
    seed = intFlag(flags, 'seed');
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
  const backend = flags.backend === 'cpu' ? 'cpu' : 'wasm';
  const choice = await setupNodeBackend(backend);
  const settings = {
    ...meta.defaults,
    ...preset.settings,
    seed: seed ?? meta.defaults.seed,
    ...(lr !== undefined ? { learningRate: lr } : {}),
  };
  const params = { ...preset.params };
  for (const [k, v] of Object.entries(flags))
    if (k.startsWith('p.'))
      params[k.slice(2)] = v === true ? true : Number.isFinite(Number(v)) ? Number(v) : String(v);
  // The schema refuses what it would otherwise clamp or drop silently: a CLI run must be the run asked for.
  const { messages } = manifest.parseParams(params);
  if (messages.length > 0) throw new CliUsageError(`${messages.join('; ')} (see --help)`);
  const stepCount = steps ?? 500;
  const factory = await loadProblemFactory(meta.id);
  const started = Date.now();
  const run = await trainHeadless(factory, settings, params, stepCount, (r) => {
    if (r.step % Math.max(1, Math.floor(stepCount / 20)) === 0)
      process.stderr.write(
        `step ${r.step}/${stepCount}  U=${r.upper.toPrecision(5)}  L=${r.lower.toPrecision(5)}  ${r.ms.toFixed(1)} ms\n`,
      );
  });
  if (run.divergence) {
    run.trainer.dispose();
    run.problem.dispose();
    throw new Error(`training diverged: ${run.divergence}`);
  }
  const summary = summarise(run.reports, 20);
  const out = typeof flags.out === 'string' ? flags.out : join('public', 'weights', meta.id, preset.id);
  const files = await encodeVariables(meta.id, run.problem.variables, {
    command: `npm run train -- ${process.argv.slice(2).join(' ')}`,
    preset: preset.id,
    seed: settings.seed,
    steps: summary.steps,
    backend: choice.name,
    ulStart: summary.ulStart,
    ulEnd: summary.ulEnd,
    // The params travel with the weights (a planner loading them needs e.g. the guidance scale).
    ...Object.fromEntries(Object.entries(factory.parseParams(params)).map(([k, v]) => [`p.${k}`, v])),
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'model.json'), `${JSON.stringify(files.json, null, 2)}\n`);
  writeFileSync(join(out, files.json.weightsManifest[0].paths[0]), Buffer.from(files.bin));
  run.trainer.dispose();
  run.problem.dispose();
  console.log(
    JSON.stringify({
      example: meta.id,
      preset: preset.id,
      out,
      ...summary,
      backend: choice.name,
      seconds: (Date.now() - started) / 1000,
    }),
  );
  return 0;
}

await runCli('train', main);
