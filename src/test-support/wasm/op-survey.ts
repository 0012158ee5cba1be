import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../il/rng';

/** How an op's inputs are drawn: normal, strictly positive, or inside (−0.9, 0.9). */
export type InputDomain = 'normal' | 'positive' | 'unit';

/** One op to check: a forward pass on seeded inputs and the gradient of Σ w·f(x) for seeded w. */
export interface OpCase {
  name: string;
  shapes: number[][];
  domain?: InputDomain;
  f: (...xs: tf.Tensor[]) => tf.Tensor;
  /**
   * 'adjoint': f is linear in its single input, and the reference backend's own gradient is known
   * to be wrong (tfjs 4.22 cpu resize gradients), so the reference gradient is computed exactly
   * from forward passes instead: ∂/∂x_k Σ w·f(x) = Σ w·f(e_k).
   */
  gradReference?: 'adjoint';
}

export interface OpOutcome {
  /** The output followed by the gradient for every input, flattened. */
  values: Float32Array[];
  error?: string;
}

export interface OpComparison {
  name: string;
  status: 'ok' | 'error' | 'mismatch';
  /** Largest |candidate − reference| over the output and all gradients, scaled by max(1, |reference|∞). */
  maxDiff: number;
  error?: string;
}

function seededValues(size: number, domain: InputDomain, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(size);
  for (let k = 0; k < size; k++) {
    if (domain === 'positive') out[k] = 0.5 + Math.abs(rng.normal());
    else if (domain === 'unit') out[k] = rng.uniform(-0.9, 0.9);
    else out[k] = rng.normal();
  }
  return out;
}

/** Σ w·f(e_k) for every basis input e_k: the exact gradient of Σ w·f(x) when f is linear. */
function adjointGradient(c: OpCase, shape: number[], w: tf.Tensor): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const grad = new Float32Array(size);
  for (let k = 0; k < size; k++) {
    const basis = new Float32Array(size);
    basis[k] = 1;
    grad[k] = tf.tidy(() => tf.sum(tf.mul(c.f(tf.tensor(basis, shape)), w)).dataSync()[0]);
  }
  return tf.tensor(grad, shape);
}

/**
 * Runs one case on the active backend; errors are reported, not thrown. `asReference` applies the
 * case's `gradReference` (for the backend the others are compared against).
 */
export function runOpCase(c: OpCase, seed = 1, asReference = false): OpOutcome {
  try {
    const values = tf.tidy(() => {
      const xs = c.shapes.map((shape, k) =>
        tf.tensor(
          seededValues(
            shape.reduce((a, b) => a * b, 1),
            c.domain ?? 'normal',
            seed + k,
          ),
          shape,
        ),
      );
      const y = c.f(...xs);
      const w = tf.tensor(seededValues(y.size, 'normal', seed + 100), y.shape);
      const grads =
        asReference && c.gradReference === 'adjoint'
          ? [adjointGradient(c, c.shapes[0], w)]
          : tf.grads((...args: tf.Tensor[]) => tf.sum(tf.mul(tf.cast(c.f(...args), 'float32'), w)))(xs);
      return [y, ...grads].map((t) => Float32Array.from(t.dataSync()));
    });
    return { values };
  } catch (e) {
    return { values: [], error: e instanceof Error ? e.message : String(e) };
  }
}

export function compareOutcomes(
  name: string,
  reference: OpOutcome,
  candidate: OpOutcome,
  tolerance: number,
): OpComparison {
  if (reference.error !== undefined)
    return { name, status: 'error', maxDiff: NaN, error: `reference: ${reference.error}` };
  if (candidate.error !== undefined) return { name, status: 'error', maxDiff: NaN, error: candidate.error };
  let maxDiff = 0;
  reference.values.forEach((ref, k) => {
    const got = candidate.values[k];
    let scale = 1;
    for (const v of ref) scale = Math.max(scale, Math.abs(v));
    for (let i = 0; i < ref.length; i++) {
      const d = Math.abs(got[i] - ref[i]) / scale;
      maxDiff = Number.isNaN(d) ? Infinity : Math.max(maxDiff, d);
    }
  });
  return { name, status: maxDiff <= tolerance ? 'ok' : 'mismatch', maxDiff };
}

/** Every case on `reference` (cpu) and on `candidate` (wasm); the active backend is restored. */
export async function surveyOps(
  cases: readonly OpCase[],
  candidate = 'wasm',
  reference = 'cpu',
  tolerance = 1e-4,
): Promise<OpComparison[]> {
  const previous = tf.getBackend();
  await tf.setBackend(reference);
  const expected = cases.map((c) => runOpCase(c, 1, true));
  await tf.setBackend(candidate);
  const got = cases.map((c) => runOpCase(c));
  await tf.setBackend(previous);
  return cases.map((c, k) => compareOutcomes(c.name, expected[k], got[k], tolerance));
}
