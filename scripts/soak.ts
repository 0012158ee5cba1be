/**
 * `npm run soak -- [--steps N] [--every K] [--examples a,b]`: long runs, not part of `npm test`. For every example
 * (first preset, smallest batch) on wasm: N training steps through the TrainingSession, tf.memory().numTensors and the
 * JS heap sampled every K steps, their least-squares slopes per 1,000 steps reported; then divergence injected by an
 * absurd learning rate must be refused (weights kept) and training must resume at the suggested lr/10.
 * One JSON line per example, then a summary line; exit 1 when a slope or a divergence check fails.
 */
import * as tf from '@tensorflow/tfjs';
import { parseArgs, intFlag } from '../src/cli/args';
import { exposeGc } from '../src/cli/expose-gc';
import { examples } from '../src/examples/registry';
import { setupNodeBackend } from '../src/il/node-backend';
import { TrainingSession, type SessionStatus } from '../src/il/session';

const { flags } = parseArgs(process.argv.slice(2));
const steps = intFlag(flags, 'steps') ?? 10_000;
const every = intFlag(flags, 'every') ?? Math.max(1, Math.floor(steps / 20));
const only = typeof flags.examples === 'string' ? flags.examples.split(',') : null;

const gc = exposeGc() ?? ((): void => undefined);

/** Least-squares slope of y over x, scaled to "per 1,000 steps". */
function slopePer1000(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxx > 0 ? (1000 * sxy) / sxx : 0;
}

await setupNodeBackend('wasm');
let failures = 0;
for (const { id, meta, loadProblem } of examples) {
  if (only && !only.includes(id)) continue;
  const preset = meta.presets[0];
  const settings = { ...meta.defaults, ...preset.settings, batchSize: Math.min(...meta.batchSizes) };
  let status: SessionStatus = { state: 'loading', step: 0 };
  const session = new TrainingSession(
    { reports: () => undefined, snapshot: () => undefined, status: (s) => (status = s) },
    async () => loadProblem(),
  );
  await session.load({ exampleId: id, settings, params: preset.params });
  const xs: number[] = [];
  const tensors: number[] = [];
  const heapMb: number[] = [];
  const started = Date.now();
  for (let done = 0; done < steps; done += every) {
    await session.step(Math.min(every, steps - done));
    if (status.state !== 'idle') break;
    gc();
    xs.push(status.step);
    tensors.push(tf.memory().numTensors);
    heapMb.push(process.memoryUsage().heapUsed / 2 ** 20);
  }
  // Divergence injected: an absurd learning rate must be refused, the weights kept, and lr/10 must train again.
  const before = status.step;
  session.setLearningRate(1e12);
  await session.step(5);
  const diverged = status.state === 'diverged';
  // Some problems stay finite at any learning rate (bounded costs, saturating softmax): nothing to catch there.
  const stayedFinite = !diverged && status.state === 'idle' && status.step === before + 5;
  const suggested = status.suggestedLearningRate;
  let resumed = false;
  if (diverged && suggested !== undefined) {
    let lr = suggested;
    // lr/10 each time it is refused again, as the page offers it.
    for (let tries = 0; tries < 12 && !resumed; tries++, lr /= 10) {
      session.setLearningRate(lr);
      await session.step(1);
      resumed = status.state === 'idle' && status.step > before;
    }
  }
  const tensorSlope = slopePer1000(xs, tensors);
  const heapSlope = slopePer1000(xs, heapMb);
  const ok = Math.abs(tensorSlope) < 1e-9 && heapSlope < 5 && (stayedFinite || (diverged && resumed));
  if (!ok) failures++;
  console.log(
    JSON.stringify({
      example: id,
      preset: preset.id,
      steps: xs.at(-1) ?? 0,
      seconds: Math.round((Date.now() - started) / 1000),
      tensors: { first: tensors[0], last: tensors.at(-1), slopePer1000: tensorSlope },
      heapMb: { first: heapMb[0], last: heapMb.at(-1), slopePer1000: Number(heapSlope.toFixed(3)) },
      absurdLearningRate: diverged
        ? 'refused, weights restored'
        : stayedFinite
          ? 'stayed finite'
          : status.state,
      resumedAtLowerRate: diverged ? resumed : null,
      ok,
    }),
  );
}
console.log(JSON.stringify({ summary: true, steps, every, failures }));
process.exit(failures > 0 ? 1 : 0);
