import type { Fingerprint } from './fingerprint';

/** float32 training on two backends agrees to about 1e-5; 1e-3 relative leaves room for long reductions. */
export const DEFAULT_TOLERANCE = 1e-3;

export interface Disagreement {
  /** 'U', 'L', '‖∇U‖' or 'dU/dψ' (the whole gradient vector). */
  quantity: string;
  /** 1-based training step. */
  step: number;
  reference: number;
  candidate: number;
  relativeError: number;
}

export interface Comparison {
  agree: boolean;
  /** The largest relative error over every compared quantity and step. */
  worstRelativeError: number;
  disagreements: Disagreement[];
  /** One line for a badge or a table cell. */
  summary: string;
}

/** |a − b| relative to the reference's magnitude, with a floor so that values near zero compare absolutely. */
export function relativeError(candidate: number, reference: number, floor = 1e-6): number {
  if (Number.isNaN(candidate) !== Number.isNaN(reference)) return Infinity;
  if (candidate === reference) return 0;
  return Math.abs(candidate - reference) / Math.max(Math.abs(reference), floor);
}

/** ‖a − b‖ / ‖b‖ over whole vectors: one number for "the same gradient". */
export function vectorRelativeError(candidate: Float32Array, reference: Float32Array, floor = 1e-12): number {
  if (candidate.length !== reference.length) return Infinity;
  let diff = 0;
  let ref = 0;
  for (let i = 0; i < reference.length; i++) {
    const d = candidate[i] - reference[i];
    diff += d * d;
    ref += reference[i] * reference[i];
  }
  if (!Number.isFinite(diff)) return Infinity;
  return Math.sqrt(diff) / Math.max(Math.sqrt(ref), floor);
}

/** Compares a candidate backend's fingerprint with the reference's, step by step. */
export function compareFingerprints(
  reference: Fingerprint,
  candidate: Fingerprint,
  tolerance = DEFAULT_TOLERANCE,
): Comparison {
  const disagreements: Disagreement[] = [];
  let worst = 0;
  const note = (quantity: string, step: number, ref: number, cand: number, err: number) => {
    worst = Math.max(worst, err);
    if (!(err <= tolerance))
      disagreements.push({ quantity, step, reference: ref, candidate: cand, relativeError: err });
  };
  const n = Math.min(reference.steps.length, candidate.steps.length);
  for (let i = 0; i < n; i++) {
    const r = reference.steps[i];
    const c = candidate.steps[i];
    note('U', i + 1, r.upper, c.upper, relativeError(c.upper, r.upper));
    note('L', i + 1, r.lower, c.lower, relativeError(c.lower, r.lower));
    note('‖∇U‖', i + 1, r.gradNorm, c.gradNorm, relativeError(c.gradNorm, r.gradNorm));
    if (r.gradient && c.gradient) {
      const err = vectorRelativeError(c.gradient, r.gradient);
      note('dU/dψ', i + 1, r.gradNorm, c.gradNorm, err);
    }
  }
  // A run that stopped early (NaN) differs too; said after what differed on the steps both took.
  if (candidate.steps.length !== reference.steps.length)
    note('steps', n, reference.steps.length, candidate.steps.length, Infinity);
  const agree = disagreements.length === 0;
  const first = disagreements[0];
  const summary = agree
    ? `agrees with ${reference.backend} (worst relative error ${formatError(worst)})`
    : `${first.quantity} at step ${first.step} is ${formatNumber(first.candidate)} on ${candidate.backend} ` +
      `but ${formatNumber(first.reference)} on ${reference.backend} (relative error ${formatError(first.relativeError)})`;
  return { agree, worstRelativeError: worst, disagreements, summary };
}

function formatError(e: number): string {
  return Number.isFinite(e) ? e.toExponential(1) : String(e);
}

function formatNumber(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(4) : String(x);
}
