import { assignVariables, readWeightsFolder } from '../../../il/checkpoint.ts';
import type { ClassAcrossSeeds, ClassFigures } from '../learning/class-evaluation.ts';
import { GuidanceNet } from '../learning/model.ts';
import { guidanceSettingFromMeta } from '../params.ts';
import type { GuidanceSetting } from '../learning/guidance-form.ts';

/** A saved network (model.json + shard in `folder`) and the guidance form and scale it was trained with. */
export async function loadGuidanceNet(
  folder: string,
  readFile: (path: string) => Uint8Array,
): Promise<{ net: GuidanceNet; setting: GuidanceSetting }> {
  const files = await readWeightsFolder(folder, readFile);
  const net = new GuidanceNet(0);
  assignVariables('ia-star', net.variables, files);
  return { net, setting: guidanceSettingFromMeta(files.json.meta) };
}

const r3 = (x: number): number => Number(x.toFixed(3));
const pm = (m: { mean: number; sd: number }): string => `${m.mean.toFixed(3)} ± ${m.sd.toFixed(3)}`;

/** Table rows: one per seed and class (learned, and weighted A* at the same path ratio). */
export function perSeedRows(
  seeds: readonly number[],
  perSeed: readonly ClassFigures[][],
): (string | number)[][] {
  return [
    [
      'seed / map class',
      'expanded / A*',
      'path / optimal',
      'success',
      'weighted A* expanded at that path',
      'below w-A* curve',
      'goal (≤0.5×, ≤1.02, 100 %)',
    ],
    ...perSeed.flatMap((classes, i) =>
      classes.map((c) => [
        `seed ${seeds[i]} / ${c.id} (${c.count})`,
        r3(c.learned.expandedRatioVsAstar),
        r3(c.learned.pathRatioVsOptimal),
        r3(c.learned.successRate),
        r3(c.wastarExpandedAtLearnedPath),
        c.belowWastarCurve ? 'yes' : 'no',
        c.meetsGoal ? 'met' : 'not met',
      ]),
    ),
  ];
}

/** Table rows: mean ± sd over the seeds per class. */
export function acrossSeedRows(byClass: Record<string, ClassAcrossSeeds>): (string | number)[][] {
  return [
    [
      'map class (mean ± sd over seeds)',
      'expanded / A*',
      'path / optimal',
      'success',
      'w-A* at that path',
      'seeds below curve',
      'seeds meeting goal',
    ],
    ...Object.entries(byClass).map(([id, c]) => [
      `${id} (${c.count} queries)`,
      pm(c.expandedRatioVsAstar),
      pm(c.pathRatioVsOptimal),
      pm(c.successRate),
      pm(c.wastarExpandedAtLearnedPath),
      `${c.seedsBelowWastarCurve}/${c.seeds}`,
      `${c.seedsMeetingGoal}/${c.seeds}`,
    ]),
  ];
}

/** The per-seed figures as the bench's JSON carries them (curve points included, rounded). */
export function seedJson(seed: number, classes: readonly ClassFigures[]) {
  return {
    seed,
    byClass: Object.fromEntries(
      classes.map((c) => [
        c.id,
        {
          count: c.count,
          expandedRatioVsAstar: r3(c.learned.expandedRatioVsAstar),
          pathRatioVsOptimal: r3(c.learned.pathRatioVsOptimal),
          successRate: r3(c.learned.successRate),
          wastarExpandedAtLearnedPath: r3(c.wastarExpandedAtLearnedPath),
          belowWastarCurve: c.belowWastarCurve,
          notWorseThanAstar: c.notWorseThanAstar,
          meetsGoal: c.meetsGoal,
          wastarCurve: c.wastar.map((p) => ({
            w: p.weight,
            expandedRatioVsAstar: r3(p.expandedRatioVsAstar),
            pathRatioVsOptimal: r3(p.pathRatioVsOptimal),
          })),
        },
      ]),
    ),
  };
}
