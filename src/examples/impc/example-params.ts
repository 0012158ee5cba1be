/**
 * The iMPC page's own settings (all in the URL hash). params.ts holds the vehicle's physical constants; these
 * are the choices a student makes: which UL cost, how the gradient crosses the MPC, the IMU, the start point.
 */
import { choiceParam, numberParam, type ExampleParams } from '../../il/problem';
import type { ParamPath, UpperCostKind } from './ul-segment';

export const UPPER_COSTS: readonly UpperCostKind[] = ['gap', 'tracking'];
export const GRADIENT_MODES = ['implicit', 'unrolled'] as const;
export type GradientMode = (typeof GRADIENT_MODES)[number];
export const PARAM_PATHS: readonly ParamPath[] = ['applied', 'mpc'];
export const IMU_PROFILES = ['default', 'cheap'] as const;
export type ImuProfile = (typeof IMU_PROFILES)[number];

export interface ImpcParams extends ExampleParams {
  /** U: iMPC's gap (IMU-integrated vs model-predicted next state) or the tracking error. */
  upper: UpperCostKind;
  /** How the gradient crosses the MPC: implicit (KKT) or unrolled K iterations. */
  gradient: GradientMode;
  /** K: unrolled solver iterations. */
  unrollK: number;
  /** Gap cost: p's gradient holds the applied input, or goes through the MPC as well. */
  pPath: ParamPath;
  /** Gap cost: the same choice for x_k, the path to the denoiser θ. */
  xPath: ParamPath;
  /** λ of the UL penalty on the denoiser's gyro corrections (rad²/s²). */
  correctionPenalty: number;
  /** N: the MPC horizon (control steps). */
  horizon: number;
  imu: ImuProfile;
  /** p starts at this multiple of the true p (1.5 = 50 % off, as in iMPC). */
  pStart: number;
}

export const DEFAULT_IMPC_PARAMS: ImpcParams = {
  upper: 'gap',
  gradient: 'implicit',
  unrollK: 300,
  pPath: 'applied',
  xPath: 'applied',
  correctionPenalty: 1e-3,
  horizon: 10,
  imu: 'default',
  pStart: 1.5,
};

export function parseImpcParams(raw: ExampleParams): ImpcParams {
  const d = DEFAULT_IMPC_PARAMS;
  return {
    upper: choiceParam(raw, 'upper', UPPER_COSTS, d.upper),
    gradient: choiceParam(raw, 'gradient', GRADIENT_MODES, d.gradient),
    unrollK: Math.round(numberParam(raw, 'unrollK', d.unrollK, 1, 5000)),
    pPath: choiceParam(raw, 'pPath', PARAM_PATHS, d.pPath),
    xPath: choiceParam(raw, 'xPath', PARAM_PATHS, d.xPath),
    correctionPenalty: numberParam(raw, 'correctionPenalty', d.correctionPenalty, 0, 10),
    horizon: Math.round(numberParam(raw, 'horizon', d.horizon, 3, 20)),
    imu: choiceParam(raw, 'imu', IMU_PROFILES, d.imu),
    pStart: numberParam(raw, 'pStart', d.pStart, 0.4, 2.5),
  };
}
