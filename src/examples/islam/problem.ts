import * as tf from '@tensorflow/tfjs';
import { dispatchCommand, type CommandHandlers } from '../../il/example/contract';
import { gradientsFromUpstream } from '../../il/gradients/upstream';
import type { GradientStep, Problem, ProblemFactory, TrainingSettings } from '../../il/problem';
import { createRng } from '../../il/rng';
import type { IslamCommands, IslamSnapshot, TrajectoryErrors } from './contract';
import { buildGraph } from './data/graph';
import { gradientCheck } from './gradients/gradient-check';
import { forward, networkVariables, readWeights } from './model/network';
import { predict } from './model/mlp';
import { optimiseG2oText } from './g2o-command';
import { DEFAULT_ISLAM_PARAMS, parseIslamParams, type IslamParams } from './params';
import { quadratic, lineariseEdge } from './solver/pose-graph';
import { llStep, type LlStep } from './training-step';
import { estimateRun, evaluateOn, HIDDEN, makeWorld, supervisedUpperBound, type World } from './world';

/** Faithful mode: windows of 8 poses (7 consecutive links). */
export const WINDOW_LINKS = 7;
const MAX_TRACE = 40;

/**
 * iSLAM as an IL problem. ψ = θ, the odometry network f(θ, x) (tfjs); φ = P, the poses, solved by LM with a sparse
 * Cholesky in TypeScript. Each step: z = f(θ, x) for a drive (loop mode) or a batch of windows (faithful mode), one
 * readback, the LL solve, dU/dz (one-step or implicit) handed back to tfjs as an upstream gradient.
 */
class IslamProblem implements Problem<IslamSnapshot> {
  readonly variables: tf.Variable[];
  readonly world: World;
  private readonly inputs: tf.Tensor2D[];
  private readonly pretrainedErrors: TrajectoryErrors;

  constructor(
    private readonly params: IslamParams,
    private readonly settings: TrainingSettings,
  ) {
    this.world = makeWorld(params, settings.seed);
    this.variables = networkVariables(this.world.pretrained);
    this.inputs = this.world.pool.map((r) => tf.tensor2d(r.x, [r.links, 2]));
    this.pretrainedErrors = estimateRun(this.world.pretrained, this.world.heldOut[0]).errors;
  }

  async computeGradients(step: number): Promise<GradientStep> {
    return this.params.mode === 'loop' ? this.loopStep(step) : this.windowStep(step);
  }

  private async loopStep(step: number): Promise<GradientStep> {
    const k = step % this.world.pool.length;
    const run = this.world.pool[k];
    const x = this.inputs[k];
    const zT = forward(this.variables, x);
    const z = Float64Array.from(await zT.data());
    zT.dispose();
    const ll = llStep(run, z, true, this.params.gradient, this.params.llIterations);
    return this.finish(ll, run.links, () => x);
  }

  private async windowStep(step: number): Promise<GradientStep> {
    const rng = createRng(this.settings.seed).fork(`window-step-${step}`);
    const batch = this.settings.batchSize;
    const picks = Array.from({ length: batch }, () => {
      const run = this.world.pool[rng.int(0, this.world.pool.length - 1)];
      return { run, from: rng.int(0, run.links - WINDOW_LINKS) };
    });
    const xs = new Float32Array(batch * WINDOW_LINKS * 2);
    picks.forEach((p, b) =>
      xs.set(p.run.x.subarray(2 * p.from, 2 * (p.from + WINDOW_LINKS)), b * WINDOW_LINKS * 2),
    );
    const x = tf.tensor2d(xs, [batch * WINDOW_LINKS, 2]);
    const zT = forward(this.variables, x);
    const z = Float64Array.from(await zT.data());
    zT.dispose();
    const total: LlStep = {
      upper: 0,
      lower: 0,
      dz: new Float64Array(z.length),
      maxGradient: 0,
      iterations: 0,
      ms: 0,
    };
    picks.forEach((p, b) => {
      const zw = z.subarray(3 * b * WINDOW_LINKS, 3 * (b + 1) * WINDOW_LINKS);
      const ll = llStep(
        p.run,
        zw,
        false,
        this.params.gradient,
        this.params.llIterations,
        p.from,
        WINDOW_LINKS,
      );
      total.upper += ll.upper;
      total.lower += ll.lower;
      total.dz.set(ll.dz, 3 * b * WINDOW_LINKS);
      total.maxGradient = Math.max(total.maxGradient, ll.maxGradient);
      total.iterations += ll.iterations / batch;
      total.ms += ll.ms / batch;
    });
    const out = await this.finish(total, batch * WINDOW_LINKS, () => x);
    x.dispose();
    return out;
  }

  /** Means per link; the upstream gradient dU/dz goes back through f(θ, ·) under the tape. */
  private async finish(ll: LlStep, links: number, input: () => tf.Tensor2D): Promise<GradientStep> {
    const upstream = tf.tensor2d(
      Float32Array.from(ll.dz, (v) => v / links),
      [links, 3],
    );
    const gradients = gradientsFromUpstream(this.variables, () => forward(this.variables, input()), upstream);
    upstream.dispose();
    return {
      gradients,
      upper: ll.upper / links,
      lower: ll.lower / links,
      metrics: { llIterations: ll.iterations, maxGradLL: ll.maxGradient, msPerLlSolve: ll.ms },
    };
  }

  async weights() {
    return readWeights(this.variables, HIDDEN);
  }

  async snapshot(): Promise<IslamSnapshot> {
    const w = await this.weights();
    const run = this.world.heldOut[0];
    const est = estimateRun(w, run, true);
    const z = predict(w, run.x);
    const { graph } = buildGraph(run, z, { imu: true, loops: true });
    const residuals: number[] = [];
    for (const e of graph.edges)
      if (e.kind === 'odometry')
        residuals.push(Math.sqrt(quadratic(lineariseEdge(est.optimised, e).e, e.info)));
    const every = Math.max(1, Math.ceil(est.trace.length / MAX_TRACE));
    const trace = est.trace.filter((_, k) => k % every === 0 || k === est.trace.length - 1);
    return {
      truth: positions(run.truthPoses),
      frontEnd: positions(est.frontEnd),
      optimised: positions(est.optimised),
      iterations: trace.map(positions),
      loops: run.loops.map((l) => [l.i, l.j]),
      residuals,
      current: est.errors,
      pretrained: this.pretrainedErrors,
      llIterations: est.iterations,
      maxGradient: est.maxGradient,
      msPerLlSolve: est.ms,
    };
  }

  private readonly handlers: CommandHandlers<IslamCommands> = {
    gradientCheck: async ({ llIterations }) => {
      const w = await this.weights();
      const run = this.world.heldOut[0];
      const { graph, start } = buildGraph(run, predict(w, run.x), { imu: true, loops: true });
      const iterations = llIterations
        .map((k) => Math.min(200, Math.max(1, Math.round(Number(k) || 1))))
        .slice(0, 6);
      return gradientCheck(graph, start, iterations);
    },
    evaluate: async () => {
      const current = await this.weights();
      const rows: [string, TrajectoryErrors][] = [
        ['pre-trained on robot A (no feedback)', evaluateOn(this.world.pretrained, this.world.heldOut)],
        ['iSLAM: self-supervised through the LL', evaluateOn(current, this.world.heldOut)],
        ['supervised upper bound (labels)', evaluateOn(supervisedUpperBound(this.world), this.world.heldOut)],
      ];
      return rows.map(([method, e]) => ({ method, ...e }));
    },
    optimiseG2o: async (req) => optimiseG2oText(req),
  };

  command(name: string, payload: unknown): Promise<unknown> {
    return dispatchCommand(this.handlers, name, payload);
  }

  dispose(): void {
    tf.dispose(this.inputs);
    tf.dispose(this.variables);
  }
}

function positions(poses: Float64Array): number[] {
  const out: number[] = [];
  for (let k = 0; k < poses.length; k += 3) out.push(poses[k], poses[k + 1]);
  return out;
}

export const islamFactory: ProblemFactory<IslamParams, IslamSnapshot> = {
  defaultParams: DEFAULT_ISLAM_PARAMS,
  parseParams: parseIslamParams,
  create: async (settings, params) => new IslamProblem(params, settings),
};

export type { IslamProblem };
