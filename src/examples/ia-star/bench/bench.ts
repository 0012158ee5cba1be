import type { BenchRunner } from '../../../il/bench';
import { summarise, trainHeadless } from '../../../il/headless.ts';
import { setupNodeBackend } from '../../../il/node-backend.ts';
import { dastarBackward, dastarForward, DastarWorkspace, neuralAstarModel } from '../learning/dastar.ts';
import type { EvaluateResult } from '../contract.ts';
import { iaStarFactory } from '../problem.ts';
import { loadReferenceBatch, type ReferenceBatch } from '../learning/reference-batch.ts';
import { DEFAULT_IA_STAR_PARAMS } from '../params.ts';
import { measureStepMemory, timeCnnStep, timeCnnStepStockInputGrad } from './bench-cnn.ts';
import { acrossSeedRows, loadGuidanceNet, perSeedRows, seedJson } from './bench-classes.ts';
import { netGuidance } from '../learning/guidance.ts';
import { acrossSeeds, CLASS_GOAL, evaluateByClass, type ClassFigures } from '../learning/class-evaluation.ts';
import { CLASS_SUITE_SEED, classSuite, type ClassQueries, SUITE_SIDES } from '../learning/class-suite.ts';
import { GuidanceNet } from '../learning/model.ts';
import { guidanceSettingOf, parseIaStarParams, type IaStarParams } from '../params.ts';
import type * as tf from '@tensorflow/tfjs';

/**
 * Published figures, not measured here: PyTorch 1.13 on one thread of a 2-core CPU (another machine), from
 * ../shared/data/README.md. Search forward + backward of a batch of 32 (ms), and Neural A*'s training step minus its
 * search (full step about 1,235 ms − 168 ms search ≈ 1,070 ms: CNN encoder depth 4, batch 32, 32×32, L1, Adam).
 * Ratios against them say so in their names (…VsPublishedPytorch2coreCpu…), and carry the machine in their label.
 */
const PUBLISHED_MACHINE = 'PyTorch 1.13, 1 thread, 2-core CPU (published figure, another machine)';
const PUBLISHED_PYTORCH_MS = {
  dastarBatch: { 32: { neuralAstar: 168, iaStar: 87 }, 64: { neuralAstar: 2298, iaStar: 931 } },
  trainStepNeuralAstarCnn: 1070,
} as const;

/** Warm-ups and timed runs of the differentiable search (median), timed before any training in this process. */
const DASTAR_WARMUPS = 20;
const DASTAR_RUNS = 31;

/** Differentiable search forward + backward (L1 to the path, as Neural A* trains) over the 32 maps; ms per batch. */
function timeDastarBatchOnce(batch: ReferenceBatch): number {
  const ws = new DastarWorkspace(batch.size * batch.size);
  const model = neuralAstarModel(batch.size);
  const grad = new Float32Array(batch.size * batch.size);
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
  return performance.now() - t0;
}

function timeDastarBatch(batch: ReferenceBatch, warmups: number, runs: number): number {
  for (let r = 0; r < warmups; r++) timeDastarBatchOnce(batch);
  const times = Array.from({ length: runs }, () => timeDastarBatchOnce(batch));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * npm run bench -- ia-star [--seed N] [--steps N] [--seeds K] [--mode ia-star|neural-astar] [--test N]
 *   [--maps-per-side N] [--game-queries N] [--weights DIR] [--timings false] [--lr X] [--p.<param> value …]
 *   [--cnn-runs N] [--cnn-before false] [--memory false]
 * Unless --timings false, first, in a process that has trained nothing yet: the wasm heap over one 64×64 batch-32
 * training step, the differentiable search on the published planners' maps (20 warm-ups, median of 31) and Neural
 * A*'s CNN training step (bench-cnn.ts, with this project's wasm Conv2DBackpropInput and, unless --cnn-before false,
 * wasm's stock one). Then trains from scratch in Node (wasm) from K seeds (seed, seed+1, …; default 3): the first
 * seed is also evaluated on generated 64×64 test maps against A* (ties to the larger g) and weighted A* (today's
 * fields); every seed is evaluated by map class on the held-out class suite (class-suite.ts) with the classic
 * engine counting expansions, as `npm run plan` does: `byClass` (mean ± sd over seeds) and `seeds`. --weights DIR
 * evaluates a saved network by class instead of training (e.g. the shipped public/weights/ia-star/ia-star).
 */
export const run: BenchRunner = async ({
  seed,
  steps = 300,
  backend,
  flags,
  log,
  readSharedData,
  collectGarbage,
  readFile,
}) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  const suite = classSuite(
    CLASS_SUITE_SEED,
    Number(flags['maps-per-side'] ?? 16),
    Number(flags['game-queries'] ?? 20),
    readSharedData,
  );
  if (!suite.some((c) => c.id === 'game'))
    log('ia-star: ../shared/data/movingai is absent: the game-map class is skipped');
  if (typeof flags.weights === 'string') return benchSavedWeights(flags.weights, suite, readFile, log);
  const timingsOn = flags.timings !== 'false';
  // First of all (wasm's heap only grows): the memory of one of this page's own training steps at 64×64, batch 32.
  // Neural A*'s CNN at 64×64 batch 32 does not fit wasm's 4 GB heap at all (batch 8 takes about 1.3 GB).
  const memory64 =
    !timingsOn || flags['memory'] === 'false'
      ? null
      : await measureStepMemory('iA* U-Net (model.ts) + search, 64×64, batch 32, one step', async () => {
          const one = await trainHeadless(
            iaStarFactory,
            { seed, learningRate: 5e-4, batchSize: 32, optimizer: 'adam' },
            { ...DEFAULT_IA_STAR_PARAMS, trainSize: 64, trainMaps: 32 },
            1,
          );
          one.trainer.dispose();
          one.problem.dispose();
        });
  if (memory64) log(`ia-star: one 64×64 batch-32 step: wasm heap ${memory64.wasmHeapMBAfter} MB after it`);
  const timings: Record<32 | 64, number | null> = { 32: null, 64: null };
  for (const size of timingsOn ? ([32, 64] as const) : []) {
    const batch = loadReferenceBatch(readSharedData, size);
    if (!batch) {
      log(`ia-star: ../shared/data/neural-astar-reference is absent: msDastarBatch ${size} skipped`);
      continue;
    }
    collectGarbage?.();
    timings[size] = timeDastarBatch(batch, DASTAR_WARMUPS, DASTAR_RUNS);
    log(
      `ia-star: differentiable search ${size}×${size} batch 32: ${timings[size]!.toFixed(2)} ms (median of ${DASTAR_RUNS})`,
    );
  }
  const cnn = timingsOn ? await timeNeuralAstarCnn(flags, choice.name, log, collectGarbage) : null;
  const mode = flags.mode === 'neural-astar' ? 'neural-astar' : 'ia-star';
  const testCount = Number(flags.test ?? 100);
  // --p.<param> value: any training setting of the page (e.g. --p.trainKind mixed), as `npm run train` takes them.
  const overrides = Object.fromEntries(
    Object.entries(flags)
      .filter(([k]) => k.startsWith('p.'))
      .map(([k, v]) => [k.slice(2), v]),
  );
  const params: IaStarParams = parseIaStarParams({ ...DEFAULT_IA_STAR_PARAMS, ...overrides, mode });
  const learningRate = Number(flags.lr ?? 5e-4);
  const seeds = Array.from({ length: Math.max(1, Number(flags.seeds ?? 3)) }, (_, k) => seed + k);
  const perSeed: ClassFigures[][] = [];
  let firstSeed: { summary: ReturnType<typeof summarise>; diverged: unknown; ev: EvaluateResult } | null =
    null;
  for (const s of seeds) {
    const settings = { seed: s, learningRate, batchSize: 16, optimizer: 'adam' as const };
    log(
      `ia-star: seed ${s}: training ${mode} on ${params.trainKind} ${params.trainSize}² maps for ${steps} steps (batch 16, lr ${learningRate}) on ${choice.name}`,
    );
    const run = await trainHeadless(iaStarFactory, settings, params, steps, (r) => {
      if (r.step % 50 === 0) log(`  step ${r.step}: U = ${r.upper.toFixed(4)}, ${r.ms.toFixed(0)} ms`);
    });
    if (!firstSeed) {
      log(`ia-star: evaluating on ${testCount} test maps of 64×64`);
      const ev = (await run.problem.command!('evaluate', {
        split: 'test',
        count: testCount,
        size: 64,
      })) as EvaluateResult;
      firstSeed = { summary: summarise(run.reports, 25), diverged: run.divergence ?? null, ev };
    }
    log(`ia-star: seed ${s}: evaluating by map class (${suite.map((c) => c.id).join(', ')})`);
    const net = copyOfNet(run.problem.variables);
    perSeed.push(await evaluateByClass(suite, netGuidance(net, guidanceSettingOf(params))));
    net.dispose();
    run.trainer.dispose();
    run.problem.dispose();
  }
  const { summary, ev } = firstSeed!;
  const byClass = acrossSeeds(perSeed);
  const w = (x: number) => ev.wastar.find((p) => p.weight === x)!;

  const published = PUBLISHED_PYTORCH_MS.dastarBatch;
  const ratio = (size: 32 | 64) => {
    const ms = timings[size];
    return ms ? published[size].neuralAstar / ms : null;
  };
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
      [
        'differentiable search, batch 32',
        `this engine ms (median of ${DASTAR_RUNS})`,
        `Neural A* ms: ${PUBLISHED_MACHINE}`,
        'published ms / ours',
        '',
      ],
      ['32×32', timings[32] ?? 'skipped', published[32].neuralAstar, ratio(32) ?? '', ''],
      ['64×64', timings[64] ?? 'skipped', published[64].neuralAstar, ratio(64) ?? '', ''],
      ['', '', '', '', ''],
      [
        "Neural A*'s CNN step (depth 4, batch 32, 32×32)",
        `this stack ms (${choice.name}, median)`,
        `PyTorch ms: ${PUBLISHED_MACHINE}`,
        'ours / published',
        'stock wasm Conv2DBackpropInput ms',
      ],
      [
        'train step without search',
        cnn?.ms ?? 'skipped',
        PUBLISHED_PYTORCH_MS.trainStepNeuralAstarCnn,
        cnn ? cnn.ms / PUBLISHED_PYTORCH_MS.trainStepNeuralAstarCnn : '',
        cnn?.msStockInputGrad ?? 'not run',
      ],
      ['', '', '', '', ''],
      ...perSeedRows(seeds, perSeed),
      ['', '', '', '', ''],
      ...acrossSeedRows(byClass),
    ],
    json: {
      seed,
      backend: choice.name,
      mode,
      params,
      learningRate,
      ...summary,
      diverged: firstSeed!.diverged,
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
      msDastarBatchMethod: `median of ${DASTAR_RUNS} after ${DASTAR_WARMUPS} warm-ups, before any training in this process`,
      ratioPublishedPytorch2coreCpuMsOverOursDastarBatch: { 32: ratio(32), 64: ratio(64) },
      publishedPytorch2coreCpuMsDastarBatch: { 32: published[32].neuralAstar, 64: published[64].neuralAstar },
      publishedFiguresMachine: PUBLISHED_MACHINE,
      msTrainStepNeuralAstarCnn: cnn?.ms ?? null,
      msTrainStepNeuralAstarCnnMethod: cnn?.method ?? 'skipped (--timings false)',
      msTrainStepNeuralAstarCnnStockWasmInputGrad: cnn?.msStockInputGrad ?? null,
      speedupOwnConv2DBackpropInputVsStockWasm:
        cnn?.msStockInputGrad == null ? null : cnn.msStockInputGrad / cnn.ms,
      publishedPytorch2coreCpuMsTrainStepNeuralAstarCnn: PUBLISHED_PYTORCH_MS.trainStepNeuralAstarCnn,
      ratioOursOverPublishedPytorch2coreCpuTrainStepNeuralAstarCnn: cnn
        ? cnn.ms / PUBLISHED_PYTORCH_MS.trainStepNeuralAstarCnn
        : null,
      memoryTrainStep64Batch32: memory64,
      tieRule: 'A*: equal f (within 1e-9) → larger g',
      classGoal: CLASS_GOAL,
      classSuite: classSuiteJson(suite),
      byClass,
      seeds: perSeed.map((classes, i) => seedJson(seeds[i], classes)),
      goalMetEverySeedEveryClass: Object.values(byClass).every((c) => c.seedsMeetingGoal === c.seeds),
    },
  };
};

interface CnnFigures {
  ms: number;
  method: string;
  msStockInputGrad: number | null;
}

/** Neural A*'s CNN training step, with this project's kernels, then with wasm's stock Conv2DBackpropInput. */
async function timeNeuralAstarCnn(
  flags: Record<string, string | boolean>,
  backendName: string,
  log: (line: string) => void,
  collectGarbage: (() => void) | null,
): Promise<CnnFigures> {
  const runs = Math.max(1, Number(flags['cnn-runs'] ?? 7));
  const warmups = 3;
  const wasm = backendName === 'wasm';
  collectGarbage?.();
  const ms = timeCnnStep(32, 32, warmups, runs);
  log(
    `ia-star: Neural A* CNN step, 32×32 batch 32: ${ms.toFixed(0)} ms (median of ${runs} after ${warmups} warm-ups)`,
  );
  let msStockInputGrad: number | null = null;
  if (wasm && flags['cnn-before'] !== 'false') {
    collectGarbage?.();
    msStockInputGrad = await timeCnnStepStockInputGrad(32, 32, 1, 3);
    log(
      `ia-star: same with wasm's stock Conv2DBackpropInput: ${msStockInputGrad.toFixed(0)} ms (median of 3)`,
    );
  }
  return {
    ms,
    method: `${backendName}, one thread, median of ${runs} steps after ${warmups} warm-ups (forward, L1, backward, Adam; no search)`,
    msStockInputGrad,
  };
}

function classSuiteJson(suite: readonly ClassQueries[]) {
  return {
    seed: CLASS_SUITE_SEED,
    generatedSides: SUITE_SIDES,
    classes: suite.map((c) => ({ id: c.id, label: c.label, queries: c.queries.length })),
    method:
      'expansions counted by the classic engine (as npm run plan): mean over queries of expanded / A*, path / optimal',
  };
}

/** A fresh GuidanceNet holding a copy of a trained problem's variables (the problem keeps its own). */
function copyOfNet(variables: readonly tf.Variable[]): GuidanceNet {
  const net = new GuidanceNet(0);
  net.variables.forEach((v, i) => v.assign(variables[i]));
  return net;
}

/** `--weights DIR`: no training, the saved network by map class (e.g. the shipped weights). */
async function benchSavedWeights(
  folder: string,
  suite: readonly ClassQueries[],
  readFile: (path: string) => Uint8Array,
  log: (line: string) => void,
) {
  const { net, setting } = await loadGuidanceNet(folder, readFile);
  log(`ia-star: evaluating ${folder} by map class (${setting.form}, scale ${setting.scale})`);
  const classes = await evaluateByClass(suite, netGuidance(net, setting));
  net.dispose();
  const byClass = acrossSeeds([classes]);
  return {
    table: [...perSeedRows([0], [classes]), ['', '', '', '', '', '', ''], ...acrossSeedRows(byClass)],
    json: {
      weights: folder,
      classGoal: CLASS_GOAL,
      classSuite: classSuiteJson(suite),
      byClass,
      seeds: [seedJson(0, classes)],
    },
  };
}
