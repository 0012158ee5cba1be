import * as tf from '@tensorflow/tfjs';
import type { GradientStep, Problem, ProblemFactory, TrainingSettings } from '../../il/problem';
import { compareControllers } from './evaluation/compare';
import { dispatchCommand, type CommandHandlers } from '../../il/example/contract';
import type { EvaluationResult, ImpcCommands, ImpcSnapshot } from './contract';
import { DEFAULT_IMPC_PARAMS, type ImpcParams, parseImpcParams } from './example-params';
import { gradientCheck } from './learning/gradcheck';
import { segmentHypergradient } from './learning/hypergradient';
import { CHEAP_IMU_NOISE, DEFAULT_IMU_NOISE, type ImuNoise } from './vehicle/imu';
import { type ImpcVariables, createImpcVariables, readPsi } from './learning/model';
import { type MpcConfig, buildMpcContext, defaultMpcConfig } from './mpc/mpc';
import {
  DEFAULT_GEOMETRY,
  PARAM_NAMES,
  type PhysParams,
  relativeParamErrors,
  scaledParams,
  trueParams,
} from './params';
import { DEFAULT_RATES, imuDt } from './vehicle/sim';
import { simulateControllers } from './vehicle/simulate';
import { TrainingFlights } from './vehicle/training-flight';
import type { LowerLevelGradient } from './learning/ul-costs';
import type { SegmentCostOptions } from './learning/ul-segment';

export type { ImpcSnapshot };

/** The IMU profile of the params; the same for training, evaluation and the view's simulation. */
export function imuProfile(params: ImpcParams): ImuNoise {
  return params.imu === 'cheap' ? CHEAP_IMU_NOISE : DEFAULT_IMU_NOISE;
}

export function lowerLevelMode(params: ImpcParams): LowerLevelGradient {
  return params.gradient === 'unrolled'
    ? { kind: 'unrolled', iterations: params.unrollK }
    : { kind: 'implicit' };
}

/** Mass and worst inertia error (percent) of p against the truth. */
export function paramErrorsPct(p: PhysParams, pTrue: PhysParams): { mass: number; inertia: number } {
  const e = relativeParamErrors(p, pTrue);
  return { mass: 100 * e[0], inertia: 100 * Math.max(e[1], e[2], e[3]) };
}

/**
 * iMPC as an IL problem. ψ = [θ (the IMU denoiser), γ = log p (m, Jx, Jy, Jz)]; φ = the MPC's motor thrusts
 * over the horizon, solved by g (a box QP). Each step flies the next `batchSize` control intervals of a
 * seeded training flight under the current ψ, evaluates U over them (the gap or the tracking error), and
 * differentiates it across the MPC (implicit KKT or unrolled) and through the IMU integration into θ.
 * One readback of ψ per step.
 */
export class ImpcProblem implements Problem<ImpcSnapshot> {
  readonly vars: ImpcVariables;
  readonly variables: tf.Variable[];
  readonly pTrue = trueParams();
  readonly pStart: PhysParams;
  readonly imu: ImuNoise;
  readonly config: MpcConfig;
  private readonly flights: TrainingFlights;
  private flightSeed = 0;
  private readonly costOptions: SegmentCostOptions;

  constructor(
    readonly params: ImpcParams,
    private readonly settings: TrainingSettings,
  ) {
    this.pStart = scaledParams(this.pTrue, params.pStart);
    this.vars = createImpcVariables(settings.seed, this.pStart);
    this.variables = this.vars.all;
    this.imu = imuProfile(params);
    this.config = defaultMpcConfig(params.horizon);
    this.flights = new TrainingFlights({
      seed: settings.seed,
      geo: DEFAULT_GEOMETRY,
      pTrue: this.pTrue,
      imu: this.imu,
    });
    this.costOptions = {
      upper: params.upper,
      mode: lowerLevelMode(params),
      pPath: params.pPath,
      xPath: params.xPath,
      correctionPenalty: params.correctionPenalty,
      imuPerControl: DEFAULT_RATES.imuPerControl,
      imuDt: imuDt(DEFAULT_RATES),
      gravity: DEFAULT_GEOMETRY.gravity,
    };
  }

  get segmentOptions(): SegmentCostOptions {
    return this.costOptions;
  }

  async computeGradients(): Promise<GradientStep> {
    const { theta, p } = await readPsi(this.vars);
    const ctx = buildMpcContext(DEFAULT_GEOMETRY, this.config, p);
    const segment = this.flights.fly(ctx, theta, this.settings.batchSize);
    this.flightSeed = segment.flightSeed;
    const { gradients, cost } = segmentHypergradient(this.vars, ctx, segment, this.costOptions);
    const errors = paramErrorsPct(p, this.pTrue);
    const metrics: Record<string, number> = {
      massErrorPct: errors.mass,
      inertiaErrorPct: errors.inertia,
    };
    PARAM_NAMES.forEach((name, j) => (metrics[name] = p[j]));
    return { gradients, upper: cost.upper, lower: cost.lower, metrics };
  }

  /** Keeps log p finite and within a factor 10 of the start (a wild learning rate cannot fly off to 0 or ∞). */
  afterUpdate(): void {
    tf.tidy(() => {
      const lo = tf.tensor1d(Float32Array.from(this.pStart, (v) => Math.log(v / 10)));
      const hi = tf.tensor1d(Float32Array.from(this.pStart, (v) => Math.log(v * 10)));
      this.vars.logP.assign(tf.minimum(tf.maximum(this.vars.logP, lo), hi));
    });
  }

  async snapshot(): Promise<ImpcSnapshot> {
    const { p } = await readPsi(this.vars);
    return {
      p: Array.from(p),
      pTrue: Array.from(this.pTrue),
      pStart: Array.from(this.pStart),
      paramNames: PARAM_NAMES,
      flightSeed: this.flightSeed,
    };
  }

  /** θ and p as they are now, and what every command's controllers share. */
  private async setup() {
    const { theta, p } = await readPsi(this.vars);
    return {
      p,
      theta,
      pStart: this.pStart,
      pTrue: this.pTrue,
      horizon: this.params.horizon,
      imu: this.imu,
    };
  }

  /** The commands, typed by the contract; the bench calls them directly. A missing payload means defaults. */
  readonly handlers: CommandHandlers<ImpcCommands> = {
    evaluate: async (req?) => {
      const setup = await this.setup();
      const errors = paramErrorsPct(setup.p, this.pTrue);
      const result: EvaluationResult = {
        rows: compareControllers(setup, { maxWind: req?.maxWind !== false }),
        massErrorPct: errors.mass,
        inertiaErrorPct: errors.inertia,
      };
      return result;
    },
    simulate: async (req?) => simulateControllers(await this.setup(), req ?? {}),
    gradcheck: async (req?) => {
      const { theta, p } = await readPsi(this.vars);
      return gradientCheck(this, theta, p, req ?? {});
    },
  };

  command(name: string, payload: unknown): Promise<unknown> {
    return dispatchCommand(this.handlers, name, payload);
  }

  dispose(): void {
    tf.dispose(this.variables);
  }
}

export const impcFactory: ProblemFactory<ImpcParams, ImpcSnapshot> = {
  defaultParams: DEFAULT_IMPC_PARAMS,
  parseParams: parseImpcParams,
  create: async (settings: TrainingSettings, params: ImpcParams) => new ImpcProblem(params, settings),
};
