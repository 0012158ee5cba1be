import * as tf from '@tensorflow/tfjs';
import type { GradientStep, Problem, ProblemFactory, TrainingSettings } from '../../il/problem';
import { createRng } from '../../il/rng';
import { RunningBaseline } from '../../il/gradients/score-function';
import { runImtspCommand } from './commands/commands';
import type { ImtspSnapshot } from './contract';
import { estimateInstance, type InstanceEstimate } from './learning/estimators';
import { cityFeatures } from './learning/features';
import { surrogateContext } from './learning/anchor';
import { AllocationNetwork, disposeInputs, modelInputs } from './learning/model';
import { DEFAULT_IMTSP_PARAMS, parseImtspParams, type ImtspParams } from './params';
import { allocationEntropy } from './learning/sampling';
import { sampleAndSolve } from './learning/step-samples';
import { SURROGATE_SIZE } from './learning/surrogate';
import { createImtspVariables } from './learning/imtsp-variables';
import { leaveOneOutBaselines } from './learning/reinforce-baseline';
import { trainingBatch } from './learning/training-data';

export type { ImtspSnapshot };

const softplus = (x: number) => (x > 30 ? x : Math.log1p(Math.exp(x)));

/**
 * iMTSP as an IL problem. ψ = [θ, φ]: θ the allocation network f(θ, x), φ the surrogate ŝ. Each step draws B
 * random instances x, samples S allocations per instance from π_θ, solves every agent's tour with the TSP engine
 * g (φ* = the tours, L = their total length), and U = the longest tour. The lower level gives no gradient, so
 * dU/dθ is estimated (estimators.ts) in logit space and handed to tfjs as the upstream gradient of the logits.
 */
class ImtspProblem implements Problem<ImtspSnapshot> {
  readonly variables: tf.Variable[];
  readonly network: AllocationNetwork;
  private readonly surrogate: tf.Variable;
  private readonly baseline: RunningBaseline;
  private version = 0;
  private baselineStarted = false;

  constructor(
    readonly params: ImtspParams,
    private readonly settings: TrainingSettings,
  ) {
    const vars = createImtspVariables(settings.seed);
    this.network = vars.network;
    this.surrogate = vars.surrogate;
    this.variables = vars.all;
    this.baseline = new RunningBaseline(params.baselineDecay);
  }

  async computeGradients(step: number): Promise<GradientStep> {
    const { params, settings } = this;
    const m = params.trainAgents;
    const instances = trainingBatch(
      params.distribution,
      params.trainCities,
      settings.batchSize,
      settings.seed,
      step,
    );
    const features = instances.map((inst) => cityFeatures(inst, m));
    const inputs = modelInputs(features);
    try {
      const n = features[0].n;
      const size = n * m;
      // One readback: the logits of the whole batch and φ.
      const packed = tf.tidy(() =>
        tf.concat([tf.reshape(this.network.logits(inputs), [-1]), this.surrogate]),
      );
      const values = await packed.data();
      packed.dispose();
      const phi = values.subarray(instances.length * size);
      const rng = createRng(settings.seed).fork('imtsp-sample').fork(step);
      const solved = sampleAndSolve(instances, features, values, params.samples, rng);

      const baselines = this.baselines(solved.costs);
      let argmaxUpper = 0;
      const estimates = instances.map((instance, b) => {
        const context = surrogateContext(instance, features[b], solved.logProbs[b].map(Math.exp));
        argmaxUpper += context.anchorSolution.maxTour / instances.length;
        return estimateInstance({
          input: context.input,
          logProbs: solved.logProbs[b],
          samples: solved.samples[b],
          costs: solved.costs[b],
          phi,
          baseline: baselines[b],
          surrogateBaseline: this.surrogateBaseline(solved.costs[b]),
          temperature: params.temperature,
        });
      });
      for (const c of solved.costs.flat()) this.baseline.update(c);
      this.baselineStarted = true;

      // θ: the chosen estimator, averaged over samples and instances, is the upstream gradient of the logits.
      const upstream = new Float32Array(instances.length * size);
      estimates.forEach((e, b) => {
        const g = params.estimator === 'surrogate' ? e.surrogate : e.reinforce;
        for (let j = 0; j < size; j++) upstream[b * size + j] = g[j] / instances.length;
      });
      const upstreamTensor = tf.tensor3d(upstream, [instances.length, n, m]);
      const { value, grads } = tf.variableGrads(
        () => tf.sum(tf.mul(this.network.logits(inputs), upstreamTensor)),
        this.network.variables,
      );
      value.dispose();
      upstreamTensor.dispose();
      // φ: the gradient of the surrogate estimator's variance, whichever estimator trains θ.
      const phiGradient = new Float32Array(SURROGATE_SIZE);
      const count = instances.length * params.samples;
      for (const e of estimates)
        for (let j = 0; j < SURROGATE_SIZE; j++) phiGradient[j] += e.phiGradient[j] / count;

      return {
        gradients: [...this.network.variables.map((v) => grads[v.name]), tf.tensor1d(phiGradient)],
        upper: solved.upper,
        lower: solved.lower,
        metrics: {
          varianceReinforce: mean(estimates.map((e) => e.reinforceVariance)),
          varianceSurrogate: mean(estimates.map((e) => e.surrogateVariance)),
          surrogateError: surrogateFit(estimates, solved.costs.flat()),
          baseline: this.baseline.get(),
          entropy: mean(solved.logProbs.map((lp) => allocationEntropy(lp) / n)),
          argmaxUpper,
        },
      };
    } finally {
      disposeInputs(inputs);
    }
  }

  /**
   * REINFORCE's baseline for every sample: the mean of the instance's other samples (`leave-one-out`), or the
   * running mean of past costs, or, on the very first step (no past yet), the mean of the other samples of the
   * batch; always independent of the sample it multiplies.
   */
  private baselines(costs: number[][]): (number | Float64Array)[] {
    if (this.params.reinforceBaseline === 'leave-one-out') return costs.map(leaveOneOutBaselines);
    if (this.baselineStarted) return costs.map(() => this.baseline.get());
    const all = costs.flat();
    const total = all.reduce((a, b) => a + b, 0);
    return costs.map((cs) =>
      Float64Array.from(cs, (c) => (all.length > 1 ? (total - c) / (all.length - 1) : 0)),
    );
  }

  /** The surrogate estimator's own baseline under ŝ (params.surrogateBaseline; see estimators.ts). */
  private surrogateBaseline(costs: number[]): number | Float64Array | 'leave-one-out-residual' {
    const choice = this.params.surrogateBaseline;
    if (choice === 'leave-one-out') return leaveOneOutBaselines(costs);
    return choice === 'leave-one-out-residual' ? choice : 0;
  }

  async snapshot(): Promise<ImtspSnapshot> {
    // Snapshots follow every change of the weights (steps, resets, imported weights): the view refreshes on this.
    this.version++;
    const [alpha, kappa] = this.network.variables;
    const a = await alpha.data();
    const k = await kappa.data();
    return {
      workloadMix: Array.from(a, softplus),
      sharpness: softplus(k[0]),
      estimator: this.params.estimator,
      trainCities: this.params.trainCities,
      trainAgents: this.params.trainAgents,
      version: this.version,
    };
  }

  command(name: string, payload: unknown): Promise<unknown> {
    return runImtspCommand(
      {
        network: this.network,
        phi: () => this.surrogate.data(),
        temperature: this.params.temperature,
      },
      name,
      payload,
    );
  }

  dispose(): void {
    tf.dispose(this.variables);
  }
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** RMS of c − ŝ(z̃) over the step's samples: how well the surrogate predicts the cost. */
function surrogateFit(estimates: readonly InstanceEstimate[], costs: readonly number[]): number {
  let sum = 0;
  let k = 0;
  for (const e of estimates) for (const v of e.surrogateValues) sum += (costs[k++] - v) ** 2;
  return Math.sqrt(sum / Math.max(1, k));
}

export const imtspFactory: ProblemFactory<ImtspParams, ImtspSnapshot> = {
  defaultParams: DEFAULT_IMTSP_PARAMS,
  parseParams: parseImtspParams,
  create: async (settings: TrainingSettings, params: ImtspParams) => new ImtspProblem(params, settings),
};

export type { ImtspProblem };
