import {
  choiceSpec,
  defaultsOf,
  integerSpec,
  numberSpec,
  parseParams,
  type ParamsOf,
} from '../../il/params/schema.ts';
import type { ExampleParams } from '../../il/problem.ts';
import type { WorldKind } from './worlds/types.ts';

/** Which generated worlds training draws its poses from. */
export const TRAINING_WORLDS = [
  'forest',
  'rooms',
  'corridors',
  'garage',
  'forest+rooms',
  'forest+rooms+garage',
  'all',
] as const;
export type TrainingWorlds = (typeof TRAINING_WORLDS)[number];

export const SPLINE_STARTS = ['natural', 'heading'] as const;

/** iPlanner's own settings, all carried in the URL hash (p.<name>); changing one rebuilds the problem. */
export const iplannerParamSchema = {
  worlds: choiceSpec(TRAINING_WORLDS, 'forest', {
    label: 'training worlds',
    help: 'kinds of training worlds (train-split seeds only)',
  }),
  trainWorlds: integerSpec(8, 1, 64, { label: 'worlds per kind' }),
  noise: numberSpec(0.02, 0, 0.3, {
    label: 'depth noise σ',
    help: 'relative standard deviation of the training depth (σ ∝ depth)',
    step: 0.01,
  }),
  dropout: numberSpec(0.02, 0, 0.6, {
    label: 'depth dropout',
    help: 'share of training depth pixels with no return',
    step: 0.01,
  }),
  wObstacle: numberSpec(0.5, 0, 50, {
    label: 'α obstacle',
    help: "weight of U's obstacle term (iPlanner: 0.5)",
    step: 0.1,
  }),
  wMotion: numberSpec(2, 0, 50, {
    label: 'γ motion',
    help: "weight of U's motion term (iPlanner: 2)",
    step: 0.1,
  }),
  wGoal: numberSpec(5, 0, 50, { label: 'δ goal', help: "weight of U's goal term (iPlanner: 5)", step: 0.1 }),
  wFear: numberSpec(1, 0, 50, {
    label: 'ε fear',
    help: "weight of U's fear-of-collision term (iPlanner: 1)",
    step: 0.1,
  }),
  maxBearingDeg: numberSpec(90, 0, 180, { label: 'largest goal bearing', unit: '°', step: 5 }),
  splineStart: choiceSpec(SPLINE_STARTS, 'heading', {
    label: 'spline start',
    choiceLabels: { natural: 'natural', heading: "along the robot's heading" },
  }),
  margin: numberSpec(0.15, 0, 1, {
    label: 'safety margin',
    help: 'added to the robot radius when inflating the training cost map',
    unit: 'm',
    step: 0.01,
  }),
  approachViews: numberSpec(0, 0, 1, {
    label: 'approach views',
    help: 'share of training views taken along the route to the goal instead of at its start',
    step: 0.05,
  }),
  smoothing: numberSpec(0.05, 0, 0.5, {
    label: 'smoothing ε',
    help: "of the smoothed |·| in U's motion and goal terms (0: iPlanner's exact terms)",
    unit: 'm',
    step: 0.01,
  }),
} as const;

export type IPlannerParams = ParamsOf<typeof iplannerParamSchema>;
export const DEFAULT_IPLANNER_PARAMS: IPlannerParams = defaultsOf(iplannerParamSchema);
export const parseIPlannerParams = (raw: ExampleParams): IPlannerParams =>
  parseParams(iplannerParamSchema, raw).values;

/** The world kinds a training choice draws from. */
export function trainingKinds(worlds: TrainingWorlds): WorldKind[] {
  if (worlds === 'forest+rooms') return ['forest', 'rooms'];
  if (worlds === 'forest+rooms+garage') return ['forest', 'rooms', 'garage'];
  if (worlds === 'all') return ['forest', 'rooms', 'corridors', 'garage'];
  return [worlds];
}
