/**
 * iPlanner as an IL problem, in the notation of docs/ARCHITECTURE.md:
 *   ψ = θ, the weights of the network f(θ, x);  x = (depth image, goal in the robot frame) from seeded training
 *   worlds;  φ* = μ* = the spline's waypoints W = B·[0; P] (g in closed form, P = f's key points);
 *   M = the world's cost map (fixed, no γ);  U = iPlanner's obstacle + motion + goal + fear cost on W;
 *   L = ∫‖p''‖² = Pᵀ Q P, reported.
 * The gradient crosses the LL by one constant matmul; ∂U/∂W comes from TypeScript through a tf.customGrad bridge.
 * No expert paths anywhere. On-demand commands: plan, drive, evaluate, gradcheck (see commands.ts).
 */
import type * as tf from '@tensorflow/tfjs';
import type { Problem, ProblemFactory, TrainingSettings } from '../../il/problem.ts';
import { createRng, type Rng } from '../../il/rng.ts';
import { DEFAULT_CAMERA, type DepthCameraSpec } from './sensing/camera.ts';
import { dispatchCommand } from '../../il/example/contract.ts';
import { commandHandlers, type CommandContext } from './evaluation/commands.ts';
import type { IPlannerSnapshot } from './contract.ts';
import { DEFAULT_NET_SPEC, createPlannerNet, type PlannerNet } from './learning/model.ts';
import {
  DEFAULT_IPLANNER_PARAMS,
  parseIPlannerParams,
  trainingKinds,
  type IPlannerParams,
} from './params.ts';
import { buildSplineOperator, type SplineOperator } from './planning/spline.ts';
import { splineTensors, type SplineTensors } from './planning/spline-tensor.ts';
import { trainingStep } from './learning/trainer-core.ts';
import { trainingWorlds, type PreparedWorld } from './learning/training-data.ts';
import type { UlSettings } from './learning/ul-cost.ts';
import { WorldCache } from './worlds/world-input.ts';

export type { IPlannerSnapshot };

/** U's settings from the params: iPlanner's terms with the chosen weights. */
export function ulSettingsOf(params: IPlannerParams): Partial<UlSettings> {
  return {
    weights: { obstacle: params.wObstacle, motion: params.wMotion, goal: params.wGoal, fear: params.wFear },
    smoothing: params.smoothing,
  };
}

export class IPlannerProblem implements Problem<IPlannerSnapshot> {
  readonly variables: tf.Variable[];
  readonly net: PlannerNet;
  readonly op: SplineOperator;
  readonly spline: SplineTensors;
  readonly camera: DepthCameraSpec = DEFAULT_CAMERA;
  readonly worlds: PreparedWorld[];
  readonly ul: Partial<UlSettings>;
  private readonly rng: Rng;
  private readonly cache = new WorldCache();
  private version = 0;
  private last: Pick<IPlannerSnapshot, 'terms' | 'collisionShare' | 'fearAccuracy'> = {
    terms: null,
    collisionShare: null,
    fearAccuracy: null,
  };

  constructor(
    readonly params: IPlannerParams,
    private readonly settings: TrainingSettings,
  ) {
    this.net = createPlannerNet(settings.seed, { ...DEFAULT_NET_SPEC, hfov: this.camera.hfov });
    this.variables = this.net.variables;
    this.op = buildSplineOperator({ start: params.splineStart });
    this.spline = splineTensors(this.op);
    this.worlds = trainingWorlds(trainingKinds(params.worlds), params.trainWorlds, {
      robotRadius: 0.3 + params.margin,
    });
    this.ul = ulSettingsOf(params);
    this.rng = createRng(settings.seed).fork('iplanner-batches');
  }

  async computeGradients() {
    const step = await trainingStep(
      {
        net: this.net,
        op: this.op,
        spline: this.spline,
        camera: this.camera,
        worlds: this.worlds,
        noise: { relativeStd: this.params.noise, dropout: this.params.dropout },
        maxBearingRad: (this.params.maxBearingDeg * Math.PI) / 180,
        ul: this.ul,
        approachShare: this.params.approachViews,
      },
      this.rng,
      this.settings.batchSize,
    );
    const c = step.cost;
    this.version++;
    this.last = { terms: c.terms, collisionShare: c.collisionShare, fearAccuracy: c.fearAccuracy };
    return {
      gradients: step.gradients,
      upper: c.upper,
      lower: c.lower,
      metrics: {
        obstacle: c.terms.obstacle,
        motion: c.terms.motion,
        goal: c.terms.goal,
        fear: c.terms.fear,
        collisionShare: c.collisionShare,
      },
    };
  }

  async snapshot(): Promise<IPlannerSnapshot> {
    return { version: this.version, kinds: trainingKinds(this.params.worlds), ...this.last };
  }

  /** What the commands need: the network, the LL operator and the caches. */
  private get context(): CommandContext {
    return {
      net: this.net,
      op: this.op,
      spline: this.spline,
      camera: this.camera,
      ul: this.ul,
      cache: this.cache,
      trainingWorlds: this.worlds,
      seed: this.settings.seed,
    };
  }

  command(name: string, payload: unknown): Promise<unknown> {
    return dispatchCommand(commandHandlers(this.context), name, payload);
  }

  dispose(): void {
    this.net.dispose();
    this.spline.dispose();
  }
}

export const iplannerFactory: ProblemFactory<IPlannerParams, IPlannerSnapshot> = {
  defaultParams: DEFAULT_IPLANNER_PARAMS,
  parseParams: parseIPlannerParams,
  create: async (settings: TrainingSettings, params: IPlannerParams) => new IPlannerProblem(params, settings),
};
