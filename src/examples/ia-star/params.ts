import {
  choiceSpec,
  defaultsOf,
  integerSpec,
  numberSpec,
  parseParams,
  type ParamsOf,
} from '../../il/params/schema.ts';
import type { ExampleParams } from '../../il/problem.ts';
import { MAP_KINDS, type MapKind } from './maps/generate-map.ts';
import { GUIDANCE_FORMS, type GuidanceSetting } from './learning/guidance-form.ts';

export const TRAINING_MODES = ['ia-star', 'neural-astar'] as const;
/** 'ia-star': self-supervised (search area + path length, no labels); 'neural-astar': supervised L1 to the optimal path. */
export type TrainingMode = (typeof TRAINING_MODES)[number];

const MAP_KIND_IDS: readonly MapKind[] = MAP_KINDS.map((k) => k.kind);
/** A training distribution: one generated class, or 'mixed' (MIXED_TRAINING_KINDS in turn, learning/data.ts). */
export type TrainKind = MapKind | 'mixed';
const TRAIN_KIND_IDS: readonly TrainKind[] = [...MAP_KIND_IDS, 'mixed'];

/** The learning side of the iA* page (the editor's own map lives in the view state, never in these). */
export const iaStarParamSchema = {
  mode: choiceSpec(TRAINING_MODES, 'ia-star', {
    label: 'training mode (U)',
    choiceLabels: {
      'ia-star': 'iA* — self-supervised (search area + path length)',
      'neural-astar': 'Neural A* — supervised (L1 to the optimal path)',
    },
  }),
  trainKind: choiceSpec(TRAIN_KIND_IDS, 'random-rectangles', {
    label: 'training maps',
    help: "map class of the training and validation splits ('mixed': random, rooms, mazes, forests, gaps… in turn)",
  }),
  trainSize: integerSpec(32, 8, 128, { label: 'training map side' }),
  trainMaps: integerSpec(400, 8, 5000, { label: 'training maps', help: 'maps in the seeded training pool' }),
  guidanceScale: numberSpec(4, 0, 64, {
    label: 'κ₀ guidance weight',
    help: 'κ = κ₀·side/32, as obstacles scale with the map',
    step: 0.5,
  }),
  guidanceForm: choiceSpec(GUIDANCE_FORMS, 'offset', {
    label: 'how c enters f',
    choiceLabels: {
      offset: 'offset: f = g + h + κ·c',
      'h-scale': 'h-scale: f = g + h·(1 + φ₀·c)',
      'weighted-offset': 'weighted offset: f = g + w·h + κ·c',
    },
  }),
  hWeight: numberSpec(1.2, 1, 4, {
    label: 'w weight on h',
    help: "the 'weighted-offset' form's weighted-A* base: f = g + w·h + κ·c",
    step: 0.05,
  }),
  hScale: numberSpec(1, 0, 4, {
    label: 'φ₀ h-scale range',
    help: "the 'h-scale' form's largest extra weight on h (w = 1 + φ₀·c)",
    step: 0.05,
  }),
  guidancePrior: numberSpec(0, 0, 10, {
    label: 'β prior toward A*',
    help: 'U += β·mean(c): c stays at 0 (plain A*) unless the search area it saves outweighs β',
    step: 0.01,
  }),
  temperatureScale: numberSpec(1, 0.01, 100, {
    label: 'selection temperature scale',
    help: "iA*'s τ = scale·√(H·W) on this page (Neural A* uses τ = √W)",
    step: 0.01,
  }),
  pathWeight: numberSpec(1, 0, 100, { label: "λ path-length weight in iA*'s U", step: 0.1 }),
  // The editor's generated map (a preset's starting scene; edits live in the view state). The sides match
  // view/editor-scene.ts's EDITOR_MIN_SIDE / EDITOR_MAX_SIDE.
  mapKind: choiceSpec(MAP_KIND_IDS, 'random-rectangles', { label: 'editor map class' }),
  width: integerSpec(32, 8, 512, { label: 'editor map width' }),
  height: integerSpec(32, 8, 512, { label: 'editor map height' }),
  mapSeed: integerSpec(1, 0, 2 ** 31, { label: 'editor map seed' }),
} as const;

export type IaStarParams = ParamsOf<typeof iaStarParamSchema>;
export const DEFAULT_IA_STAR_PARAMS: IaStarParams = defaultsOf(iaStarParamSchema);
/** The guidance form and its scale, as the search takes them. */
export function guidanceSettingOf(
  p: Pick<IaStarParams, 'guidanceForm' | 'guidanceScale' | 'hScale' | 'hWeight'>,
): GuidanceSetting {
  if (p.guidanceForm === 'h-scale') return { form: 'h-scale', scale: p.hScale };
  if (p.guidanceForm === 'weighted-offset')
    return { form: 'weighted-offset', scale: p.guidanceScale, hWeight: p.hWeight };
  return { form: 'offset', scale: p.guidanceScale };
}

/** The guidance setting a saved network was trained with (its weights' meta; older files: the 'offset' form). */
export function guidanceSettingFromMeta(meta: Record<string, string | number | boolean>): GuidanceSetting {
  const number = (key: string, fallback: number) => {
    const v = Number(meta[key] ?? fallback);
    return Number.isFinite(v) ? v : fallback;
  };
  const form = GUIDANCE_FORMS.find((f) => f === meta['p.guidanceForm']) ?? 'offset';
  return guidanceSettingOf({
    guidanceForm: form,
    guidanceScale: number('p.guidanceScale', DEFAULT_IA_STAR_PARAMS.guidanceScale),
    hScale: number('p.hScale', DEFAULT_IA_STAR_PARAMS.hScale),
    hWeight: number('p.hWeight', DEFAULT_IA_STAR_PARAMS.hWeight),
  });
}

export const parseIaStarParams = (raw: ExampleParams): IaStarParams =>
  parseParams(iaStarParamSchema, raw).values;
