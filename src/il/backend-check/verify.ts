import type { BackendName } from '../backend-names';
import type { ExampleParams, ProblemFactory, TrainingSettings } from '../problem';
import { compareFingerprints, type Comparison } from './compare';
import { fingerprint } from './fingerprint';

export interface VerifyOptions {
  factory: ProblemFactory;
  settings: TrainingSettings;
  params: ExampleParams;
  candidate: BackendName;
  /** A backend computed on the CPU (wasm, or cpu), trusted as the reference. */
  reference: BackendName;
  /** Makes a backend current (with its preparation); false where it cannot start. */
  use: (name: BackendName) => Promise<boolean>;
  /** Training steps compared (default 2: the first two hypergradients; the second step is also timed). */
  steps?: number;
}

export interface Verdict {
  comparison: Comparison;
  /** Wall time of the last compared step on each backend: what "auto" chooses by. */
  msCandidate: number;
  msReference: number;
}

/**
 * The start-up self-check: the example's own first training steps on the candidate backend against the reference,
 * both timed. Leaves the candidate current. Returns null where the reference cannot run here (nothing to compare).
 */
export async function verifyBackend(options: VerifyOptions): Promise<Verdict | null> {
  const { factory, settings, params, candidate, reference, use } = options;
  const steps = options.steps ?? 2;
  const run = { steps, gradientSteps: steps };
  if (!(await use(reference))) {
    await use(candidate);
    return null;
  }
  const expected = await fingerprint(factory, settings, params, run);
  if (!(await use(candidate))) throw new Error(`the ${candidate} backend could not be restarted`);
  const got = await fingerprint(factory, settings, params, run);
  return {
    comparison: compareFingerprints(expected, got),
    msCandidate: got.msLastStep,
    msReference: expected.msLastStep,
  };
}
