import * as tf from '@tensorflow/tfjs';
import { dispatchCommand, type CommandHandlers } from '../../il/example/contract';
import type { GradientStep, Problem, ProblemFactory, TrainingSettings } from '../../il/problem';
import { createRng } from '../../il/rng';
import { trainableVariable } from '../../il/variables';
import { disposeBatch, makeBatch } from './batches';
import { hypergradient, solveLower } from './bilevel';
import type { IlogicCommands, IlogicSnapshot } from './contract';
import { classWeights, makeSceneSet, type SceneSet } from './data';
import { GROUNDER_NAMES, initGrounder } from './grounder';
import { initNlm, NLM_NAMES } from './nlm';
import type { IlogicParams } from './params';
import { runBaselines } from './baselines';
import { gradientCheck } from './gradcheck';
import { buildSnapshot } from './snapshot';

export const LL_RIDGE = 1e-4;
/** Scenes in each held-out split (generated from seed + HELD_OUT_OFFSET: scenes the training never saw). */
export const TEST_SCENES = 64;
export const HELD_OUT_OFFSET = 100_003;

export interface IlogicData {
  train: SceneSet;
  val: SceneSet;
  testFixed: SceneSet;
  testRandom: SceneSet;
  weights: Float32Array;
}

export function makeIlogicData(p: IlogicParams, seed: number): IlogicData {
  const train = makeSceneSet(seed, 'train', p.trainScenes, p.grid, p.agents, 'fixed');
  return {
    train,
    val: makeSceneSet(seed, 'val', Math.max(32, p.trainScenes >> 1), p.grid, p.agents, 'fixed'),
    testFixed: makeSceneSet(seed + HELD_OUT_OFFSET, 'test-fixed', TEST_SCENES, p.grid, p.agents, 'fixed'),
    testRandom: makeSceneSet(seed + HELD_OUT_OFFSET, 'test-random', TEST_SCENES, p.grid, p.agents, 'random'),
    weights: classWeights(train.actions),
  };
}

/** Minibatch scene indices of UL step `step`: a pure function of (seed, step), so every backend sees the same. */
export function batchIndices(
  seed: number,
  step: number,
  label: string,
  size: number,
  count: number,
): number[] {
  const rng = createRng(seed).fork(`${label}-${step}`);
  return Array.from({ length: size }, () => rng.int(0, count - 1));
}

/**
 * iLogic as an IL problem. ψ = θ (the concept grounder, tf.Variables); φ = μ (the NLM's weights, LL state kept here,
 * warm-started from step to step). Each step: K gradient steps on L(θ, μ) over a training minibatch, then dU/dθ on a
 * held-out minibatch by the chosen path.
 */
export class IlogicProblem implements Problem<IlogicSnapshot> {
  readonly variables: tf.Variable[];
  readonly mu: tf.Variable[];
  readonly data: IlogicData;
  showScene = 0;
  private seenTheta: unknown[] = [];

  constructor(
    readonly params: IlogicParams,
    readonly settings: TrainingSettings,
  ) {
    this.data = makeIlogicData(params, settings.seed);
    const rng = createRng(settings.seed);
    this.variables = initGrounder(rng.fork('theta')).map((t, i) =>
      trainableVariable(`ilogic/theta/${GROUNDER_NAMES[i]}`, t),
    );
    // μ is LL state, not ψ: the trainer never sees it (only this problem's LL steps move it).
    this.mu = initNlm(rng.fork('mu'), { hidden: params.hidden }).map((t, i) =>
      trainableVariable(`ilogic/mu/${NLM_NAMES[i]}`, t),
    );
    this.rememberTheta();
  }

  private rememberTheta(): void {
    this.seenTheta = this.variables.map((v) => v.dataId);
  }

  /** θ replaced from outside (pretrained weights loaded): μ*(θ) is re-induced by the LL from the new θ. */
  private async followTheta(): Promise<void> {
    if (this.variables.every((v, i) => v.dataId === this.seenTheta[i])) return;
    for (let k = 0; k < 200; k++) this.lowerSteps(k, 5);
    this.rememberTheta();
    await Promise.resolve();
  }

  private lowerSteps(step: number, steps: number): void {
    const { train, weights } = this.data;
    const batch = makeBatch(
      train,
      batchIndices(this.settings.seed, step, 'relearn', this.settings.batchSize, train.count),
      weights,
    );
    const next = tf.tidy(() =>
      solveLower(this.variables, this.mu, batch, {
        steps,
        stepSize: this.params.llStepSize,
        ridge: LL_RIDGE,
      }),
    );
    this.mu.forEach((v, i) => v.assign(next[i]));
    tf.dispose(next);
    disposeBatch(batch);
  }

  async computeGradients(step: number): Promise<GradientStep> {
    await this.followTheta();
    const { train, val, weights } = this.data;
    const s = this.settings.batchSize;
    const tb = makeBatch(train, batchIndices(this.settings.seed, step, 'train', s, train.count), weights);
    const vb = makeBatch(val, batchIndices(this.settings.seed, step, 'val', s, val.count), weights);
    const p = this.params;
    const r = hypergradient(this.variables, this.mu, tb, vb, {
      path: p.gradientPath,
      steps: p.innerSteps,
      stepSize: p.llStepSize,
      ridge: LL_RIDGE,
      cgIterations: p.cgIterations,
      damping: p.damping,
    });
    this.mu.forEach((v, i) => v.assign(r.muK[i]));
    const cg = r.cg ? [r.cg.iterations, r.cg.negativeCurvature, r.cg.relativeResidual] : [];
    const costs = tf.stack([r.upper, r.lower, ...cg]);
    const [upper, lower, cgIterations, negativeCurvature, cgResidual] = await costs.data();
    tf.dispose([...r.muK, r.upper, r.lower, ...cg, costs]);
    disposeBatch(tb);
    disposeBatch(vb);
    // The implicit path reports its CG: iterations used, whether the curvature guard stopped it, the residual.
    const metrics = r.cg ? { cgIterations, cgNegativeCurvature: negativeCurvature, cgResidual } : undefined;
    return { gradients: r.dTheta, upper, lower, ...(metrics ? { metrics } : {}) };
  }

  afterUpdate(): void {
    this.rememberTheta();
  }

  async snapshot(): Promise<IlogicSnapshot> {
    await this.followTheta();
    return buildSnapshot(this);
  }

  private readonly handlers: CommandHandlers<IlogicCommands> = {
    gradientCheck: async (req) =>
      gradientCheck(this, Math.min(4, Math.max(1, Math.round(req.directions) || 2))),
    baselines: async (req) =>
      runBaselines(this.data, this.settings, Math.min(2000, Math.max(10, Math.round(req.steps) || 300))),
    showScene: async (req) => {
      this.showScene = Math.min(TEST_SCENES - 1, Math.max(0, Math.round(req.index) || 0));
      return null;
    },
  };

  command(name: string, payload: unknown): Promise<unknown> {
    return dispatchCommand(this.handlers, name, payload);
  }

  commandChangesSnapshot(name: string): boolean {
    return name === 'showScene';
  }

  dispose(): void {
    tf.dispose(this.variables);
    tf.dispose(this.mu);
  }
}

export const ilogicFactory: Pick<ProblemFactory<IlogicParams, IlogicSnapshot>, 'create'> = {
  create: async (settings, params) => new IlogicProblem(params, settings),
};
