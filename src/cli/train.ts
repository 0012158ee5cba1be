import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findExample } from '../examples/catalog';
import { loadProblemFactory } from '../examples/problems';
import { encodeVariables } from '../il/checkpoint';
import { summarise, trainHeadless } from '../il/headless';
import { setupNodeBackend } from '../il/node-backend';
import { intFlag, parseArgs } from './args';

/**
 * npm run train -- <example> [--preset ID] [--steps N] [--seed N] [--lr X] [--backend wasm|cpu] [--out DIR]
 *                              [--p.<param> value …]
 * Trains headless and writes tfjs weight files (model.json + weights.bin). Without --out they go to
 * public/weights/<example>/<preset>/, the weights the app ships as "pretrained": this command is how they are made.
 */
async function main(): Promise<void> {
  const { positional, flags } = parseArgs(process.argv.slice(2));
  const meta = findExample(positional[0] ?? '');
  if (!meta) {
    console.error('usage: npm run train -- <example> [--preset ID] [--steps N] [--seed N] [--out DIR]');
    process.exit(2);
  }
  const preset = meta.presets.find((p) => p.id === (flags.preset ?? meta.presets[0].id));
  if (!preset) {
    console.error(
      `unknown preset ${String(flags.preset)} (known: ${meta.presets.map((p) => p.id).join(', ')})`,
    );
    process.exit(2);
  }
  const backend = flags.backend === 'cpu' ? 'cpu' : 'wasm';
  const choice = await setupNodeBackend(backend);
  const settings = {
    ...meta.defaults,
    ...preset.settings,
    seed: intFlag(flags, 'seed') ?? meta.defaults.seed,
    ...(flags.lr !== undefined ? { learningRate: Number(flags.lr) } : {}),
  };
  const params = { ...preset.params };
  for (const [k, v] of Object.entries(flags))
    if (k.startsWith('p.'))
      params[k.slice(2)] = v === true ? true : Number.isFinite(Number(v)) ? Number(v) : String(v);
  const steps = intFlag(flags, 'steps') ?? 500;
  const factory = await loadProblemFactory(meta.id);
  const started = Date.now();
  const run = await trainHeadless(factory, settings, params, steps, (r) => {
    if (r.step % Math.max(1, Math.floor(steps / 20)) === 0)
      process.stderr.write(
        `step ${r.step}/${steps}  U=${r.upper.toPrecision(5)}  L=${r.lower.toPrecision(5)}  ${r.ms.toFixed(1)} ms\n`,
      );
  });
  if (run.divergence) {
    console.error(`training diverged: ${run.divergence}`);
    process.exit(1);
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
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
