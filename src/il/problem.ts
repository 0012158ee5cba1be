import type * as tf from '@tensorflow/tfjs';

/**
 * The contract between an example and the IL engine, in the notation of docs/ARCHITECTURE.md:
 *
 *   min_ψ U(f(θ, x), g(μ*), M(γ, ν*))   s.t.   φ* = [μ*, ν*] ∈ argmin_φ L(f(θ, x), g(μ), M(γ, ν))
 *
 * A problem owns the neural system f(θ, ·) (tfjs), the reasoning engine g that solves the lower level (plain
 * TypeScript where possible), the costs U and L, and the gradient path across the lower level. The trainer only
 * sees ψ (`variables`) and one stochastic hypergradient per step.
 */

export type ParamValue = number | string | boolean;
/** An example's own settings (K unrolled steps, temperature, map size, …), carried in the URL hash. */
export type ExampleParams = Record<string, ParamValue>;

export type OptimizerKind = 'adam' | 'sgd';

/** The settings every example shares. */
export interface TrainingSettings {
  seed: number;
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerKind;
}

/** One step's stochastic hypergradient and the costs to report. */
export interface GradientStep {
  /** dU/dψ for each variable, in the order of `Problem.variables`. Ownership passes to the trainer. */
  gradients: tf.Tensor[];
  /** U on this step's batch x (before the update). */
  upper: number;
  /** L at the lower-level solution φ* of this step. */
  lower: number;
  /** Further per-step numbers worth plotting (gradient variance, expanded nodes, …). */
  metrics?: Record<string, number>;
}

export interface Problem<Snapshot = unknown> {
  /** ψ = [θ, γ]: the upper-level ("neuron-like") variables, with stable names for checkpoints. */
  readonly variables: readonly tf.Variable[];
  /** Samples a batch x from the problem's seeded stream, solves the LL, returns dU/dψ. */
  computeGradients(step: number): Promise<GradientStep>;
  /** Plain structured-clonable data for the view (the LL solution on the showcase instance, learned maps, …). */
  snapshot(): Promise<Snapshot>;
  /** Example-specific on-demand work: a gradient check, the baseline comparison, a held-out evaluation. */
  command?(name: string, payload: unknown): Promise<unknown>;
  /**
   * Commands that hand the problem state the view owns (the map it shows, a comparison network): the session keeps
   * the latest payload of each and applies it again to every rebuilt problem (reset, new params).
   */
  readonly viewInputs?: readonly string[];
  /** True when the command changed what `snapshot()` shows (the session then sends a fresh snapshot). */
  commandChangesSnapshot?(name: string): boolean;
  /** Runs after each applied update, e.g. to keep physical parameters positive. */
  afterUpdate?(): void;
  dispose(): void;
}

export interface ProblemFactory<Params extends ExampleParams = ExampleParams, Snapshot = unknown> {
  /** The default example settings; the URL hash and presets override them. */
  readonly defaultParams: Params;
  /** Validates and completes untrusted params (from a URL, say); never throws, falls back to defaults. */
  parseParams(raw: ExampleParams): Params;
  /** A pure function of (settings, params): the same seed gives the same data, weights and curve. */
  create(settings: TrainingSettings, params: Params): Promise<Problem<Snapshot>>;
}

/** Reads a number param with bounds, falling back to the default on anything malformed. */
export function numberParam(
  raw: ExampleParams,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = raw[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Reads one of a fixed set of string options, falling back to the default. */
export function choiceParam<T extends string>(
  raw: ExampleParams,
  key: string,
  options: readonly T[],
  fallback: T,
): T {
  const v = raw[key];
  return typeof v === 'string' && (options as readonly string[]).includes(v) ? (v as T) : fallback;
}

export function booleanParam(raw: ExampleParams, key: string, fallback: boolean): boolean {
  const v = raw[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return fallback;
}
