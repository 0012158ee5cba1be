/**
 * The iMPC page's own settings (all in the URL hash). params.ts holds the vehicle's physical constants; these
 * are the choices a student makes: which UL cost, how the gradient crosses the MPC, the IMU, the start point.
 */
import {
  choiceSpec,
  defaultsOf,
  integerSpec,
  numberSpec,
  parseParams,
  type ParamsOf,
} from '../../il/params/schema';
import type { ExampleParams } from '../../il/problem';
import type { ParamPath, UpperCostKind } from './learning/ul-segment';

export const UPPER_COSTS: readonly UpperCostKind[] = ['gap', 'tracking'];
export const GRADIENT_MODES = ['implicit', 'unrolled'] as const;
export type GradientMode = (typeof GRADIENT_MODES)[number];
export const PARAM_PATHS: readonly ParamPath[] = ['applied', 'mpc'];
export const IMU_PROFILES = ['default', 'cheap'] as const;
export type ImuProfile = (typeof IMU_PROFILES)[number];

const PATH_LABELS: Record<ParamPath, string> = {
  applied: 'applied input held',
  mpc: 'through the MPC (y held)',
};

/** The iMPC page's own settings. */
export const impcParamSchema = {
  upper: choiceSpec(UPPER_COSTS, 'gap', {
    label: 'upper-level cost U',
    choiceLabels: {
      gap: 'gap: IMU-integrated vs model-predicted next state (iMPC)',
      tracking: 'tracking error of the measured attitude',
    },
    help: "iMPC's gap (IMU-integrated vs model-predicted next state) or the tracking error",
  }),
  gradient: choiceSpec(GRADIENT_MODES, 'implicit', {
    label: 'gradient across the MPC',
    choiceLabels: { implicit: 'implicit (KKT at the active set)', unrolled: 'unrolled K solver iterations' },
  }),
  unrollK: integerSpec(300, 1, 5000, { label: 'K (training)', help: 'unrolled solver iterations', step: 10 }),
  pPath: choiceSpec(PARAM_PATHS, 'applied', {
    label: 'path for γ = (m, J)',
    choiceLabels: PATH_LABELS,
    help: "gap cost: p's gradient holds the applied input, or goes through the MPC as well",
  }),
  xPath: choiceSpec(PARAM_PATHS, 'applied', {
    label: 'path for θ (via x_k)',
    choiceLabels: PATH_LABELS,
    help: 'gap cost: the same choice for x_k, the path to the denoiser θ',
  }),
  correctionPenalty: numberSpec(1e-3, 0, 10, {
    label: 'λ correction penalty',
    help: "UL penalty on the denoiser's gyro corrections (rad²/s²)",
    step: 1e-4,
  }),
  horizon: integerSpec(10, 3, 20, { label: 'MPC horizon N' }),
  imu: choiceSpec(IMU_PROFILES, 'default', {
    label: 'IMU',
    choiceLabels: { default: 'calibrated MEMS (default)', cheap: 'uncalibrated, 4× bias' },
  }),
  pStart: numberSpec(1.5, 0.4, 2.5, {
    label: 'p starts at × true',
    help: '1.5 = 50 % off, as in iMPC',
    step: 0.05,
  }),
} as const;

export type ImpcParams = ParamsOf<typeof impcParamSchema>;
export const DEFAULT_IMPC_PARAMS: ImpcParams = defaultsOf(impcParamSchema);
export const parseImpcParams = (raw: ExampleParams): ImpcParams => parseParams(impcParamSchema, raw).values;
