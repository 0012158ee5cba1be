import * as tf from '@tensorflow/tfjs';
import { createOptimizer, type Optimizer } from './optimizer';
import type { OptimizerKind, Problem } from './problem';

/** What every training step reports (plotted live, printed by the bench). */
export interface StepReport {
  step: number;
  upper: number;
  lower: number;
  gradNorm: number;
  ms: number;
  metrics?: Record<string, number>;
}

/** Why training stopped on its own. */
export interface Divergence {
  step: number;
  reason: string;
  suggestedLearningRate: number;
}

export type StepOutcome = { ok: true; report: StepReport } | { ok: false; divergence: Divergence };

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** How often the weights are kept aside for a rollback (two copies: the last two multiples of this). */
const CHECKPOINT_EVERY = 25;

interface Checkpoint {
  step: number;
  weights: tf.Variable[];
}

/**
 * Applies the problem's hypergradients with Adam or SGD. A step whose U, L or gradient is NaN/Inf is not applied,
 * and since a too-large learning rate usually wrecks the weights a few finite steps before anything is NaN, the
 * weights go back to a checkpoint from at least CHECKPOINT_EVERY steps earlier (the optimiser restarts); the caller
 * is told why, with a lower learning rate to try.
 */
export class Trainer {
  private optimizer: Optimizer;
  private steps = 0;
  /** Two weight copies, allocated once (fixed tensor count), overwritten in turn every CHECKPOINT_EVERY steps. */
  private readonly checkpoints: Checkpoint[];

  constructor(
    private readonly problem: Problem,
    optimizer: OptimizerKind,
    learningRate: number,
  ) {
    this.optimizer = createOptimizer(optimizer, learningRate);
    this.checkpoints = [0, 1].map(() => ({
      step: 0,
      weights: problem.variables.map((v) => tf.variable(v, false)),
    }));
  }

  get stepCount(): number {
    return this.steps;
  }

  get learningRate(): number {
    return this.optimizer.learningRate;
  }

  setLearningRate(lr: number): void {
    if (!(lr > 0) || !Number.isFinite(lr))
      throw new Error(`learning rate must be a positive number, got ${lr}`);
    this.optimizer.learningRate = lr;
  }

  /** Switching optimiser restarts its moment estimates; the weights are kept. */
  setOptimizer(kind: OptimizerKind): void {
    if (kind === this.optimizer.kind) return;
    const lr = this.optimizer.learningRate;
    this.optimizer.dispose();
    this.optimizer = createOptimizer(kind, lr);
  }

  /**
   * One step. `inspect` sees the hypergradients exactly as the optimiser will apply them (the backend check reads
   * them); it must not dispose them.
   */
  async step(inspect?: (gradients: readonly tf.Tensor[]) => Promise<void>): Promise<StepOutcome> {
    const started = now();
    const result = await this.problem.computeGradients(this.steps);
    if (inspect) await inspect(result.gradients);
    const normTensor = tf.tidy(() =>
      result.gradients.length === 0
        ? tf.scalar(0)
        : tf.sqrt(tf.addN(result.gradients.map((g) => tf.sum(tf.square(g))))),
    );
    const gradNorm = (await normTensor.data())[0];
    normTensor.dispose();
    const stepIndex = this.steps + 1;
    const bad = firstNonFinite({ U: result.upper, L: result.lower, '‖∇U‖': gradNorm });
    if (bad) {
      tf.dispose(result.gradients);
      const lr = this.optimizer.learningRate;
      const restored = this.rollBack();
      return {
        ok: false,
        divergence: {
          step: stepIndex,
          reason:
            `${bad[0]} became ${bad[1]} at step ${stepIndex} with learning rate ${lr}; the update was not applied ` +
            `and the weights were restored from step ${restored}.`,
          suggestedLearningRate: lr / 10,
        },
      };
    }
    this.optimizer.apply(this.problem.variables, result.gradients);
    tf.dispose(result.gradients);
    this.problem.afterUpdate?.();
    this.steps = stepIndex;
    if (stepIndex % CHECKPOINT_EVERY === 0) this.saveCheckpoint(stepIndex);
    const report: StepReport = {
      step: stepIndex,
      upper: result.upper,
      lower: result.lower,
      gradNorm,
      ms: now() - started,
    };
    if (result.metrics) report.metrics = result.metrics;
    return { ok: true, report };
  }

  private olderCheckpoint(): Checkpoint {
    const [a, b] = this.checkpoints;
    return a.step <= b.step ? a : b;
  }

  private saveCheckpoint(step: number): void {
    const older = this.olderCheckpoint();
    older.step = step;
    older.weights.forEach((w, i) => w.assign(this.problem.variables[i]));
  }

  /** Puts back the older checkpoint (at least CHECKPOINT_EVERY steps before now) and restarts the optimiser. */
  private rollBack(): number {
    const older = this.olderCheckpoint();
    this.problem.variables.forEach((v, i) => v.assign(older.weights[i]));
    this.problem.afterUpdate?.();
    for (const c of this.checkpoints) {
      c.step = older.step;
      if (c !== older) c.weights.forEach((w, i) => w.assign(older.weights[i]));
    }
    const { kind, learningRate } = this.optimizer;
    this.optimizer.dispose();
    this.optimizer = createOptimizer(kind, learningRate);
    return older.step;
  }

  dispose(): void {
    this.optimizer.dispose();
    for (const c of this.checkpoints) tf.dispose(c.weights);
  }
}

function firstNonFinite(values: Record<string, number>): [name: string, value: number] | null {
  for (const [name, v] of Object.entries(values)) if (!Number.isFinite(v)) return [name, v];
  return null;
}
