import { choiceParam, numberParam, type ExampleParams } from '../../il/problem.ts';
import { isMapKind, type MapKind } from './generate-map.ts';

export const TRAINING_MODES = ['ia-star', 'neural-astar'] as const;
/** 'ia-star': self-supervised (search area + path length, no labels); 'neural-astar': supervised L1 to the optimal path. */
export type TrainingMode = (typeof TRAINING_MODES)[number];

/** The learning side of the iA* page (the editor's own map lives in the view state, never in these). */
export interface IaStarParams extends ExampleParams {
  mode: TrainingMode;
  /** Map class and side of the training (and validation) split. */
  trainKind: MapKind;
  trainSize: number;
  /** Maps in the training pool (seeded; the validation and test splits use other seeds). */
  trainMaps: number;
  /** κ₀: guidance weight at side 32; κ = κ₀·side/32, as obstacles scale with the map. */
  guidanceScale: number;
  /** iA*'s selection temperature on this page: τ = temperatureScale·√(H·W). (Neural A* uses τ = √W instead.) */
  temperatureScale: number;
  /** λ: weight of the path-length term in iA*'s U. */
  pathWeight: number;
}

export const DEFAULT_IA_STAR_PARAMS: IaStarParams = {
  mode: 'ia-star',
  trainKind: 'random-rectangles',
  trainSize: 32,
  trainMaps: 400,
  guidanceScale: 4,
  temperatureScale: 1,
  pathWeight: 1,
};

export function parseIaStarParams(raw: ExampleParams): IaStarParams {
  const d = DEFAULT_IA_STAR_PARAMS;
  const kind = raw.trainKind;
  return {
    ...raw,
    mode: choiceParam(raw, 'mode', TRAINING_MODES, d.mode),
    trainKind: typeof kind === 'string' && isMapKind(kind) ? kind : d.trainKind,
    trainSize: Math.round(numberParam(raw, 'trainSize', d.trainSize, 8, 128)),
    trainMaps: Math.round(numberParam(raw, 'trainMaps', d.trainMaps, 8, 5000)),
    guidanceScale: numberParam(raw, 'guidanceScale', d.guidanceScale, 0, 64),
    temperatureScale: numberParam(raw, 'temperatureScale', d.temperatureScale, 0.01, 100),
    pathWeight: numberParam(raw, 'pathWeight', d.pathWeight, 0, 100),
  };
}
