import * as tf from '@tensorflow/tfjs';
import type { ExampleParams, ProblemFactory, TrainingSettings } from '../problem';
import { Trainer } from '../trainer';

/**
 * What a few training steps of one example compute on one backend: U, L and ‖∇U‖ per step and the whole
 * hypergradient dU/dψ of the first steps. Two backends that compute the same thing give the same fingerprint up to
 * float32 rounding; a backend with a broken kernel does not.
 */
export interface StepFingerprint {
  upper: number;
  lower: number;
  gradNorm: number;
  /** dU/dψ flattened over every variable in order; kept only for the first `gradientSteps` steps. */
  gradient?: Float32Array;
}

export interface Fingerprint {
  backend: string;
  steps: StepFingerprint[];
  /** Median wall time of a step on this backend (for the report only, never compared). */
  msPerStep: number;
  /** Wall time of the last step (shaders compiled and caches warm by then). */
  msLastStep: number;
  /** Set when training stopped early (NaN/Inf); the steps before it are kept. */
  divergence?: string;
}

export interface FingerprintOptions {
  steps: number;
  /** How many leading steps keep their full gradient vector (default 1). */
  gradientSteps?: number;
}

/** Trains `steps` steps of a fresh problem on the current tfjs backend and records its fingerprint. */
export async function fingerprint(
  factory: ProblemFactory,
  settings: TrainingSettings,
  params: ExampleParams,
  options: FingerprintOptions,
): Promise<Fingerprint> {
  const gradientSteps = options.gradientSteps ?? 1;
  const problem = await factory.create(settings, factory.parseParams(params));
  const trainer = new Trainer(problem, settings.optimizer, settings.learningRate);
  const steps: StepFingerprint[] = [];
  const times: number[] = [];
  let divergence: string | undefined;
  try {
    for (let i = 0; i < options.steps; i++) {
      const keepGradient = i < gradientSteps;
      let gradient: Float32Array | undefined;
      const outcome = await trainer.step(
        keepGradient
          ? async (gradients) => {
              gradient = await flatten(gradients);
            }
          : undefined,
      );
      if (!outcome.ok) {
        divergence = outcome.divergence.reason;
        break;
      }
      const { upper, lower, gradNorm, ms } = outcome.report;
      times.push(ms);
      steps.push(gradient ? { upper, lower, gradNorm, gradient } : { upper, lower, gradNorm });
    }
  } finally {
    trainer.dispose();
    problem.dispose();
  }
  const msLastStep = times.at(-1) ?? NaN;
  times.sort((a, b) => a - b);
  const result: Fingerprint = {
    backend: tf.getBackend(),
    steps,
    msPerStep: times.length ? times[Math.floor(times.length / 2)] : NaN,
    msLastStep,
  };
  if (divergence) result.divergence = divergence;
  return result;
}

async function flatten(gradients: readonly tf.Tensor[]): Promise<Float32Array> {
  if (gradients.length === 0) return new Float32Array(0);
  const flat = tf.tidy(() => tf.concat(gradients.map((g) => tf.reshape(g, [-1]))));
  try {
    return (await flat.data()) as Float32Array;
  } finally {
    flat.dispose();
  }
}
