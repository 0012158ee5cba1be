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

export const TRAINING_MODES = ['ia-star', 'neural-astar'] as const;
/** 'ia-star': self-supervised (search area + path length, no labels); 'neural-astar': supervised L1 to the optimal path. */
export type TrainingMode = (typeof TRAINING_MODES)[number];

const MAP_KIND_IDS: readonly MapKind[] = MAP_KINDS.map((k) => k.kind);

/** The learning side of the iA* page (the editor's own map lives in the view state, never in these). */
export const iaStarParamSchema = {
  mode: choiceSpec(TRAINING_MODES, 'ia-star', {
    label: 'training mode (U)',
    choiceLabels: {
      'ia-star': 'iA* — self-supervised (search area + path length)',
      'neural-astar': 'Neural A* — supervised (L1 to the optimal path)',
    },
  }),
  trainKind: choiceSpec(MAP_KIND_IDS, 'random-rectangles', {
    label: 'training maps',
    help: 'map class of the training and validation splits',
  }),
  trainSize: integerSpec(32, 8, 128, { label: 'training map side' }),
  trainMaps: integerSpec(400, 8, 5000, { label: 'training maps', help: 'maps in the seeded training pool' }),
  guidanceScale: numberSpec(4, 0, 64, {
    label: 'κ₀ guidance weight',
    help: 'κ = κ₀·side/32, as obstacles scale with the map',
    step: 0.5,
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
export const parseIaStarParams = (raw: ExampleParams): IaStarParams =>
  parseParams(iaStarParamSchema, raw).values;
