import type { BenchRunner } from '../../../il/bench';
import { assignVariables, readWeightsFolder } from '../../../il/checkpoint.ts';
import { summarise, trainHeadless, type HeadlessSummary } from '../../../il/headless.ts';
import { setupNodeBackend } from '../../../il/node-backend.ts';
import { iplannerMeta } from '../meta.ts';
import { DEFAULT_CAMERA } from '../sensing/camera.ts';
import {
  classicalMetrics,
  heldOutEpisodes,
  learnedMetrics,
  type DriveOptions,
  type EvalEpisode,
} from '../evaluation/evaluation.ts';
import { iplannerFactory, type IPlannerProblem } from '../problem.ts';
import { WORLD_KINDS, type WorldKind } from '../worlds/types.ts';
import {
  TABLE_HEAD,
  drivenRow,
  goalsOf,
  plannerResult,
  seedMean,
  tableRow,
  type PlannerResult,
} from './bench-summary.ts';

/** The fixed budget per seed: about two minutes of training on one wasm core, then the held-out evaluation. */
const DEFAULT_STEPS = 4000;
/** Every kind the page offers, and corridors, which the default preset never trains on. */
const DEFAULT_KINDS: WorldKind[] = ['forest', 'rooms', 'garage', 'corridors'];
const DEFAULT_PRESET = 'forest-rooms-garage';

function listFlag(value: string | boolean | undefined): string[] {
  return typeof value === 'string' ? value.split(',').filter((s) => s.length > 0) : [];
}

function kindsFlag(value: string | boolean | undefined): WorldKind[] {
  const names = listFlag(value);
  if (!names.length) return DEFAULT_KINDS;
  for (const n of names)
    if (!(WORLD_KINDS as readonly string[]).includes(n))
      throw new Error(`--kinds: unknown world kind ${n} (known: ${WORLD_KINDS.join(', ')})`);
  return names as WorldKind[];
}

/**
 * For each training seed (--seeds 1,2,3, default --seed): train the preset (default forest + rooms + garage) for
 * --steps, then drive the learned planner through held-out worlds of every kind (test-split seeds; corridors never
 * trained on) beside the two classical planners: privileged (one A* plan on the fully known cost map) and
 * depth-only (an online map from the same depth images, A* + smoothing, replanning at the same rate). With
 * --weights DIR[,DIR…] it also evaluates those weight files (e.g. the shipped ones) on the same episodes; --steps 0
 * skips training.
 */
export const run: BenchRunner = async ({ seed, steps = DEFAULT_STEPS, backend, flags, log, readFile }) => {
  const choice = await setupNodeBackend(backend ?? 'wasm');
  const presetId = typeof flags.preset === 'string' ? flags.preset : DEFAULT_PRESET;
  const preset = iplannerMeta.presets.find((p) => p.id === presetId);
  if (!preset) throw new Error(`unknown preset ${presetId}`);
  const seeds = listFlag(flags.seeds).map(Number);
  if (!seeds.length) seeds.push(seed);
  const kinds = kindsFlag(flags.kinds);
  const worlds = Number(flags.worlds ?? 10);
  const perWorld = Number(flags.episodes ?? 5);
  // Drive options shared by the learned and the depth-only planner: --replan N (time steps per plan), --lookahead M.
  const drive: Partial<DriveOptions> = {
    ...(flags.replan !== undefined ? { replanEvery: Number(flags.replan) } : {}),
    ...(flags.lookahead !== undefined ? { drive: { lookahead: Number(flags.lookahead) } } : {}),
  };

  log(`iplanner: ${worlds}×${perWorld} held-out episodes per kind (${kinds.join(', ')})`);
  const sets: EvalEpisode[][] = kinds.map((kind) => heldOutEpisodes([kind], worlds, perWorld));
  log('iplanner: classical baselines (privileged; depth-only, closed loop)');
  const base = sets.map((episodes) => classicalMetrics(DEFAULT_CAMERA, episodes, drive));
  const privileged = plannerResult(
    kinds,
    base.map((b) => b.classical),
  );
  const depthOnly = plannerResult(
    kinds,
    base.map((b) => drivenRow(b.depthOnly)),
  );

  const evaluate = async (problem: IPlannerProblem): Promise<PlannerResult> => {
    const rows = [];
    for (const episodes of sets)
      rows.push(
        drivenRow(
          (await learnedMetrics(problem.net, problem.op, problem.camera, episodes, drive, 40)).metrics,
        ),
      );
    return plannerResult(kinds, rows);
  };
  const params = iplannerFactory.parseParams(preset.params);

  const perSeed: { seed: number; result: PlannerResult; summary: HeadlessSummary; trainSeconds: number }[] =
    [];
  if (steps > 0)
    for (const s of seeds) {
      const settings = { ...iplannerMeta.defaults, ...preset.settings, seed: s };
      log(`iplanner: seed ${s}: training ${steps} steps on ${choice.name} (preset ${preset.id})`);
      const started = Date.now();
      const trained = await trainHeadless(iplannerFactory, settings, preset.params, steps, (r) => {
        if (r.step % 1000 === 0) log(`  step ${r.step}: U ${r.upper.toFixed(3)}, ${r.ms.toFixed(1)} ms`);
      });
      const trainSeconds = (Date.now() - started) / 1000;
      const result = await evaluate(trained.problem as IPlannerProblem);
      perSeed.push({ seed: s, result, summary: summarise(trained.reports, 100), trainSeconds });
      trained.trainer.dispose();
      trained.problem.dispose();
    }

  const loaded: { folder: string; result: PlannerResult }[] = [];
  for (const folder of listFlag(flags.weights)) {
    log(`iplanner: evaluating the weights in ${folder}`);
    const problem = (await iplannerFactory.create(
      { ...iplannerMeta.defaults, seed },
      params,
    )) as IPlannerProblem;
    assignVariables('iplanner', problem.variables, await readWeightsFolder(folder, readFile));
    loaded.push({ folder, result: await evaluate(problem) });
    problem.dispose();
  }

  const table: (string | number)[][] = [TABLE_HEAD];
  const all = [...kinds, 'all'];
  for (const kind of all) {
    const pick = (r: PlannerResult) => (kind === 'all' ? r.pooled : r.byKind[kind]);
    const rows: [string, ReturnType<typeof tableRow>][] = [];
    const add = (r: ReturnType<typeof tableRow>) => rows.push(['', r]);
    perSeed.forEach((p) => add(tableRow('', `learned, seed ${p.seed}, ${steps} steps`, pick(p.result))));
    if (perSeed.length > 1) {
      const m = seedMean(perSeed.map((p) => pick(p.result)));
      add(
        tableRow('', `learned, mean ± sd of ${perSeed.length} seeds`, m, {
          success: m.successSd,
          spl: m.splSd,
        }),
      );
    }
    for (const l of loaded) add(tableRow('', `learned, ${l.folder}`, pick(l.result)));
    if (loaded.length > 1) {
      const m = seedMean(loaded.map((l) => pick(l.result)));
      add(
        tableRow('', `learned, mean ± sd of ${loaded.length} weights`, m, {
          success: m.successSd,
          spl: m.splSd,
        }),
      );
    }
    add(tableRow('', 'classical, privileged', pick(privileged)));
    add(tableRow('', 'classical, depth-only', pick(depthOnly)));
    // The set's label on its first row only.
    rows.forEach(([, r], i) =>
      table.push(i === 0 ? [`${kind} (${pick(privileged).episodes})`, ...r.slice(1)] : r),
    );
  }

  const goals = (r: PlannerResult) => goalsOf(kinds, r, privileged, depthOnly);
  const seedGoals = perSeed.map((p) => goals(p.result));
  return {
    table,
    json: {
      seed,
      seeds: perSeed.map((p) => p.seed),
      backend: choice.name,
      preset: preset.id,
      steps,
      kinds,
      episodesPerKind: sets.map((s) => s.length),
      privileged,
      depthOnly,
      perSeed: perSeed.map((p, i) => ({
        seed: p.seed,
        trainSeconds: p.trainSeconds,
        ulStart: p.summary.ulStart,
        ulEnd: p.summary.ulEnd,
        ...p.result,
        goals: seedGoals[i],
      })),
      ...(perSeed.length
        ? {
            seedMean: {
              pooled: seedMean(perSeed.map((p) => p.result.pooled)),
              byKind: Object.fromEntries(
                kinds.map((k) => [k, seedMean(perSeed.map((p) => p.result.byKind[k]))]),
              ),
              allSeedsMeetSuccess: seedGoals.every((g) => g.successAtLeast90EveryKind),
              allSeedsMeetSpl: seedGoals.every((g) => g.splWithin10PercentEveryKind),
            },
          }
        : {}),
      weights: loaded.map((l) => ({ folder: l.folder, ...l.result, goals: goals(l.result) })),
      ...(loaded.length > 1
        ? {
            weightsMean: {
              pooled: seedMean(loaded.map((l) => l.result.pooled)),
              byKind: Object.fromEntries(
                kinds.map((k) => [k, seedMean(loaded.map((l) => l.result.byKind[k]))]),
              ),
            },
          }
        : {}),
    },
  };
};
