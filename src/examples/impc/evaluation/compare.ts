/**
 * The three controllers of the comparison, built from what the UL learned:
 *   impc    — MPC with the learned p, on the IMU corrected by the learned denoiser θ;
 *   mpc-raw — MPC with the starting (wrong) p, on the raw IMU: what iMPC starts from;
 *   pid     — the PID baseline, tuned for the same starting p, on the raw IMU.
 * and their held-out evaluation under the same seeded disturbances (evaluate.ts), with the largest gust each
 * survives.
 */
import { createMpcController, createPidController, tunedPidGains } from '../mpc/controllers';
import { createStreamingDenoiser } from '../learning/denoiser';
import { type ControllerFactory, evaluateController, heldOutScenarios, maxStableGust } from './evaluate';
import type { ImuNoise, ImuSample } from '../vehicle/imu';
import { type MpcConfig, defaultMpcConfig } from '../mpc/mpc';
import { DEFAULT_GEOMETRY, type Geometry, type PhysParams } from '../params';

export const CONTROLLER_IDS = ['impc', 'mpc-raw', 'pid'] as const;
export type ControllerId = (typeof CONTROLLER_IDS)[number];

export const CONTROLLER_LABELS: Record<ControllerId, string> = {
  impc: 'iMPC (learned p + denoiser)',
  'mpc-raw': 'MPC, raw IMU, starting p',
  pid: 'PID, raw IMU',
};

export interface ControllerSetup {
  /** The learned parameters and denoiser (θ flat; null = raw IMU). */
  p: PhysParams;
  theta: ArrayLike<number> | null;
  /** The starting (wrong) parameters the baselines keep. */
  pStart: PhysParams;
  pTrue: PhysParams;
  horizon: number;
  imu: ImuNoise;
  geo?: Geometry;
}

export interface Contender {
  factory: ControllerFactory;
  denoiser?: () => (samples: ImuSample[]) => ImuSample[];
}

export function contenders(setup: ControllerSetup): Record<ControllerId, Contender> {
  const geo = setup.geo ?? DEFAULT_GEOMETRY;
  const config: MpcConfig = defaultMpcConfig(setup.horizon);
  const theta = setup.theta;
  return {
    impc: {
      factory: () => createMpcController(geo, config, setup.p),
      denoiser: theta
        ? () => {
            const d = createStreamingDenoiser(theta);
            return (samples) => d.denoise(samples);
          }
        : undefined,
    },
    'mpc-raw': { factory: () => createMpcController(geo, config, setup.pStart) },
    pid: { factory: () => createPidController(geo, tunedPidGains(setup.pStart), setup.pStart) },
  };
}

export interface ControllerRow {
  id: ControllerId;
  label: string;
  rmseDeg: number;
  steadyStateErrorDeg: number;
  /** Infinity where some run never settles within ±1.5°. */
  settlingTimeS: number;
  maxErrorDeg: number;
  stable: boolean;
  /** Largest impulse gust (m/s) every seed survives; null where not measured. */
  maxStableWind: number | null;
}

/** Held-out seeds: disjoint from the training flights' scenario kind (excite) by construction. */
export const HELD_OUT_SEEDS: readonly number[] = [9001, 9002, 9003];

export function compareControllers(
  setup: ControllerSetup,
  options: { seeds?: readonly number[]; maxWind?: boolean } = {},
): ControllerRow[] {
  const geo = setup.geo ?? DEFAULT_GEOMETRY;
  const seeds = options.seeds ?? HELD_OUT_SEEDS;
  const scenarios = heldOutScenarios(seeds, { imu: setup.imu });
  const all = contenders(setup);
  return CONTROLLER_IDS.map((id) => {
    const c = all[id];
    const m = evaluateController(c.factory, scenarios, geo, setup.pTrue, { denoiser: c.denoiser });
    const maxStableWind =
      options.maxWind === false
        ? null
        : maxStableGust(c.factory, seeds, geo, setup.pTrue, {
            denoiser: c.denoiser,
            scenario: { imu: setup.imu },
          });
    return { id, label: CONTROLLER_LABELS[id], ...m, maxStableWind };
  });
}
