import type { BenchRunner } from '../../cli/bench-types.ts';
import { summarise, trainHeadless } from '../../il/headless.ts';
import { setupNodeBackend } from '../../il/node-backend.ts';
import { dastarBackward, dastarForward, DastarWorkspace, neuralAstarModel } from './dastar.ts';
import type { EvaluateResult } from './problem.ts';
import { iaStarFactory } from './problem.ts';
import { loadReferenceBatch, type ReferenceBatch } from './reference-batch.ts';
import { DEFAULT_IA_STAR_PARAMS } from './params.ts';

/** Reference timings (ms, 2-core CPU, PyTorch, one thread) of search forward + backward, batch 32, from the README. */
const REFERENCE_MS = {
  32: { neuralAstar: 168, iaStar: 87 },
  64: { neuralAstar: 2298, iaStar: 931 },
} as const;

/** Differentiable search forward + backward (L1 to the path, as Neural A* trains) over the 32 maps; median ms. */
function timeDastarBatch(batch: ReferenceBatch, repeats: number): number {
  const ws = new DastarWorkspace(batch.size * batch.size);
  const model = neuralAstarModel(batch.size);
  const grad = new Float32Array(batch.size * batch.size);
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    batch.maps.forEach((map, i) => {
      const result = dastarForward(
        { map, start: batch.starts[i], goal: batch.goals[i], guidance: batch.costs[i] },
        model,
        ws,
      );
      const upstream = new Float32Array(grad.length);
      for (const c of result.expansionOrder) upstream[c] = 1;
      for (const c of result.path) upstream[c] -= 1;
      dastarBackward(result, model, upstream, grad, ws);
    });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * npm run bench -- ia-star [--seed N] [--steps N] [--mode ia-star|neural-astar] [--test N]
 * Trains from scratch in Node (wasm), evaluates on generated 64×64 test maps against A* (ties to the larger g) and
 * weighted A*, and times the differentiable search on the published planners' maps.
 */
export const run: BenchRunner = async ({ seed, steps = 300, backend, flags, log, readSharedData }) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  const mode = flags.mode === 'neural-astar' ? 'neural-astar' : 'ia-star';
  const testCount = Number(flags.test ?? 100);
  const settings = { seed, learningRate: 5e-4, batchSize: 16, optimizer: 'adam' as const };
  log(`ia-star: training ${mode} for ${steps} steps (batch 16, 32×32) on ${choice.name}`);
  const run = await trainHeadless(
    iaStarFactory,
    settings,
    { ...DEFAULT_IA_STAR_PARAMS, mode },
    steps,
    (r) => {
      if (r.step % 50 === 0) log(`  step ${r.step}: U = ${r.upper.toFixed(4)}, ${r.ms.toFixed(0)} ms`);
    },
  );
  const summary = summarise(run.reports, 25);
  log(`ia-star: evaluating on ${testCount} test maps of 64×64`);
  const ev = (await run.problem.command!('evaluate', {
    split: 'test',
    count: testCount,
    size: 64,
  })) as EvaluateResult;
  run.trainer.dispose();
  run.problem.dispose();
  const w = (x: number) => ev.wastar.find((p) => p.weight === x)!;

  const timings: Record<string, number | null> = { 32: null, 64: null };
  for (const size of [32, 64] as const) {
    const batch = loadReferenceBatch(readSharedData, size);
    if (!batch) {
      log(`ia-star: ../shared/data/neural-astar-reference is absent: msDastarBatch ${size} skipped`);
      continue;
    }
    timeDastarBatch(batch, 1);
    timings[size] = timeDastarBatch(batch, 7);
  }
  const speedup = (size: 32 | 64) => (timings[size] ? REFERENCE_MS[size].neuralAstar / timings[size] : null);
  const beatsCurve = ev.wastar.every(
    (p) =>
      !(
        p.expandedRatioVsAstar <= ev.learned.expandedRatioVsAstar &&
        p.pathRatioVsOptimal <= ev.learned.pathRatioVsOptimal
      ),
  );
  return {
    table: [
      ['planner (64×64 test)', 'expanded / A*', 'path / optimal', 'success', 'ms per plan'],
      ['A* (ties → larger g)', 1, 1, ev.astar.successRate, ev.astar.msPerPlan],
      ...ev.wastar
        .filter((p) => p.weight > 1)
        .map((p) => [
          `weighted A* w=${p.weight}`,
          p.expandedRatioVsAstar,
          p.pathRatioVsOptimal,
          p.successRate,
          p.msPerPlan,
        ]),
      [
        `learned (${mode})`,
        ev.learned.expandedRatioVsAstar,
        ev.learned.pathRatioVsOptimal,
        ev.learned.successRate,
        ev.learned.msPerPlan,
      ],
      ['', '', '', '', ''],
      ['differentiable search, batch 32', 'this engine ms', 'Neural A* ms', 'speed-up', ''],
      ['32×32', timings[32] ?? 'skipped', REFERENCE_MS[32].neuralAstar, speedup(32) ?? '', ''],
      ['64×64', timings[64] ?? 'skipped', REFERENCE_MS[64].neuralAstar, speedup(64) ?? '', ''],
    ],
    json: {
      seed,
      backend: choice.name,
      mode,
      ...summary,
      diverged: run.divergence ?? null,
      msPerTrainStep: summary.msPerStep,
      testMaps: ev.learned.count,
      expandedRatioVsAstar: ev.learned.expandedRatioVsAstar,
      pathRatioVsOptimal: ev.learned.pathRatioVsOptimal,
      successRate: ev.learned.successRate,
      neuralAstarMetrics: { opt: ev.learned.opt, exp: ev.learned.exp, hmean: ev.learned.hmean },
      wastar15: {
        expandedRatioVsAstar: w(1.5).expandedRatioVsAstar,
        pathRatioVsOptimal: w(1.5).pathRatioVsOptimal,
      },
      wastar2: {
        expandedRatioVsAstar: w(2).expandedRatioVsAstar,
        pathRatioVsOptimal: w(2).pathRatioVsOptimal,
      },
      beatsWeightedAstarCurve: beatsCurve,
      msDastarBatch: { 32: timings[32], 64: timings[64] },
      speedupVsNeuralAstarReference: { 32: speedup(32), 64: speedup(64) },
      tieRule: 'A*: equal f (within 1e-9) → larger g',
    },
  };
};
