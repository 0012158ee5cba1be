import { choiceParam, numberParam, type ExampleParams } from '../../il/problem.ts';
import type { WorldKind } from './types.ts';

/** Which generated worlds training draws its poses from. */
export const TRAINING_WORLDS = ['forest', 'rooms', 'corridors', 'garage', 'forest+rooms', 'all'] as const;
export type TrainingWorlds = (typeof TRAINING_WORLDS)[number];

export const SPLINE_STARTS = ['natural', 'heading'] as const;

/** iPlanner's own settings, all carried in the URL hash (p.<name>); changing one rebuilds the problem. */
export interface IPlannerParams extends ExampleParams {
  /** Kinds of training worlds (seeds of the train split only). */
  worlds: TrainingWorlds;
  /** Training worlds per kind. */
  trainWorlds: number;
  /** Depth noise of the training images: relative standard deviation (σ ∝ depth). */
  noise: number;
  /** Share of training depth pixels dropped (no return). */
  dropout: number;
  /** Weights of U's terms (iPlanner's defaults α = 0.5, γ = 2, δ = 5, ε = 1). */
  wObstacle: number;
  wMotion: number;
  wGoal: number;
  wFear: number;
  /** Largest angle (deg) between the robot's heading and the goal in the training poses. */
  maxBearingDeg: number;
  /** Start condition of the spline LL ('heading': the path leaves along the robot's heading). */
  splineStart: (typeof SPLINE_STARTS)[number];
  /** Safety margin (m) added to the robot radius when inflating the training cost map (iPlanner inflates too). */
  margin: number;
  /** ε (m) of the smoothed |·| in U's motion and goal terms (0: iPlanner's exact, kinked terms). */
  smoothing: number;
}

export const DEFAULT_IPLANNER_PARAMS: IPlannerParams = {
  worlds: 'forest',
  trainWorlds: 8,
  noise: 0.02,
  dropout: 0.02,
  wObstacle: 0.5,
  wMotion: 2,
  wGoal: 5,
  wFear: 1,
  maxBearingDeg: 90,
  splineStart: 'heading',
  margin: 0.15,
  smoothing: 0.05,
};

export function parseIPlannerParams(raw: ExampleParams): IPlannerParams {
  const d = DEFAULT_IPLANNER_PARAMS;
  return {
    worlds: choiceParam(raw, 'worlds', TRAINING_WORLDS, d.worlds),
    trainWorlds: Math.round(numberParam(raw, 'trainWorlds', d.trainWorlds, 1, 64)),
    noise: numberParam(raw, 'noise', d.noise, 0, 0.3),
    dropout: numberParam(raw, 'dropout', d.dropout, 0, 0.6),
    wObstacle: numberParam(raw, 'wObstacle', d.wObstacle, 0, 50),
    wMotion: numberParam(raw, 'wMotion', d.wMotion, 0, 50),
    wGoal: numberParam(raw, 'wGoal', d.wGoal, 0, 50),
    wFear: numberParam(raw, 'wFear', d.wFear, 0, 50),
    maxBearingDeg: numberParam(raw, 'maxBearingDeg', d.maxBearingDeg, 0, 180),
    splineStart: choiceParam(raw, 'splineStart', SPLINE_STARTS, d.splineStart),
    margin: numberParam(raw, 'margin', d.margin, 0, 1),
    smoothing: numberParam(raw, 'smoothing', d.smoothing, 0, 0.5),
  };
}

/** The world kinds a training choice draws from. */
export function trainingKinds(worlds: TrainingWorlds): WorldKind[] {
  if (worlds === 'forest+rooms') return ['forest', 'rooms'];
  if (worlds === 'all') return ['forest', 'rooms', 'corridors', 'garage'];
  return [worlds];
}
