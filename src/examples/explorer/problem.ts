import * as tf from '@tensorflow/tfjs';
import type { Problem, ProblemFactory, TrainingSettings } from '../../il/problem';
import { createRng } from '../../il/rng';
import { trainableVariable } from '../../il/variables';
import { makeRegressionData } from './data';
import { RidgeBilevel } from './ridge';
import { compareHypergradients, contourOfUpperCost } from './compare';
import { DEFAULT_EXPLORER_PARAMS, parseExplorerParams, type ExplorerParams } from './params';
import { dispatchCommand, type CommandHandlers } from '../../il/example/contract';
import type { ExplorerCommands, ExplorerSnapshot } from './contract';

export type { ExplorerSnapshot };

const MAX_PATH = 2000;

/**
 * The bilevel gradient explorer as an IL problem. ψ = θ (per-feature log regularisation, a tf.Variable);
 * φ = μ (ridge weights), solved exactly by g; the hypergradient dU/dθ comes from the chosen method and is handed to
 * tfjs as the gradient of θ: one readback of θ per step.
 */
class ExplorerProblem implements Problem<ExplorerSnapshot> {
  readonly variables: tf.Variable[];
  private readonly ridge: RidgeBilevel;
  private readonly path: number[][] = [];

  constructor(
    private readonly params: ExplorerParams,
    seed: number,
  ) {
    const data = makeRegressionData(
      {
        relevant: params.relevant,
        irrelevant: params.irrelevant,
        noisy: params.noisy,
        trainSize: params.trainSize,
        validSize: 200,
        labelNoise: params.labelNoise,
      },
      seed,
    );
    this.ridge = new RidgeBilevel(data);
    const rng = createRng(seed).fork('explorer-theta');
    const theta0 = Array.from({ length: data.features }, () => 0.25 * rng.normal());
    this.variables = [trainableVariable('explorer/theta', tf.tensor1d(theta0))];
    this.path.push(theta0);
  }

  /** One asynchronous readback of θ: synchronous reads stall (and on webgpu can break) the GPU backends. */
  private async theta(): Promise<Float64Array> {
    return Float64Array.from(await this.variables[0].data());
  }

  private hypergradient(theta: Float64Array): Float64Array {
    switch (this.params.method) {
      case 'exact':
        return this.ridge.exactHypergradient(theta);
      case 'unrolled':
        return this.ridge.unrolledHypergradient(theta, this.params.unrollSteps);
      case 'implicit':
        return this.ridge.implicitHypergradient(theta, this.params.cgIterations);
      case 'finite-difference':
        return this.ridge.finiteDifferenceHypergradient(theta);
    }
  }

  async computeGradients(stepIndex: number) {
    const theta = await this.theta();
    if (this.path.length < MAX_PATH && stepIndex > 0) this.path.push(Array.from(theta));
    const mu = this.ridge.solveLower(theta);
    const grad = this.hypergradient(theta);
    return {
      gradients: [tf.tensor1d(Float32Array.from(grad))],
      upper: this.ridge.upperCostAt(mu),
      lower: this.ridge.lowerCost(theta, mu),
    };
  }

  async snapshot(): Promise<ExplorerSnapshot> {
    const theta = await this.theta();
    const mu = this.ridge.solveLower(theta);
    return {
      theta: Array.from(theta),
      mu: Array.from(mu),
      trueWeights: Array.from(this.ridge.data.trueWeights),
      featureKinds: this.ridge.data.featureKinds,
      path: [...this.path.map((p) => p.slice()), Array.from(theta)],
      upper: this.ridge.upperCostAt(mu),
      lower: this.ridge.lowerCost(theta, mu),
    };
  }

  private readonly handlers: CommandHandlers<ExplorerCommands> = {
    compare: async (req) =>
      compareHypergradients(this.ridge, await this.theta(), req.unrollSteps, req.cgIterations),
    contour: async (req) => {
      const d = this.ridge.features;
      return contourOfUpperCost(
        this.ridge,
        await this.theta(),
        clampAxis(req.axisI, d),
        clampAxis(req.axisJ, d),
      );
    },
  };

  command(name: string, payload: unknown): Promise<unknown> {
    return dispatchCommand(this.handlers, name, payload);
  }

  /** For the bench and tests: the ridge bilevel problem (data, LL solver and hypergradients) behind this run. */
  get bilevel(): RidgeBilevel {
    return this.ridge;
  }

  dispose(): void {
    tf.dispose(this.variables);
  }
}

function clampAxis(a: number, d: number): number {
  return Math.min(d - 1, Math.max(0, Math.round(Number(a) || 0)));
}

export const explorerFactory: ProblemFactory<ExplorerParams, ExplorerSnapshot> = {
  defaultParams: DEFAULT_EXPLORER_PARAMS,
  parseParams: parseExplorerParams,
  create: async (settings: TrainingSettings, params: ExplorerParams) =>
    new ExplorerProblem(params, settings.seed),
};

export type { ExplorerProblem };
