import * as tf from '@tensorflow/tfjs';
import { relativeError } from '../../il/gradients/finite-difference';
import { createRng } from '../../il/rng';
import { disposeBatch, makeBatch } from './batches';
import { hypergradient, solveLower, type GradientPath } from './bilevel';
import type { GradientCheckRow } from './contract';
import { upperCost } from './losses';
import { LL_RIDGE, type IlogicProblem } from './problem';
import { addScaled, dotAll, type Params } from './tensors';

const H = 1e-2;
/** LL steps that stand in for "to convergence" when the implicit path's objective U(θ, μ*(θ)) is differenced. */
const SOLVE_STEPS = 300;

/**
 * Each gradient path against central finite differences on a tiny instance (2 training and 2 held-out scenes),
 * along random unit directions d of θ: ⟨dU/dθ, d⟩ vs (U(θ + h d) − U(θ − h d)) / 2h of the objective the path
 * differentiates. float32 throughout, so agreement to ~1e-3 is the most to expect.
 */
export async function gradientCheck(problem: IlogicProblem, directions: number): Promise<GradientCheckRow[]> {
  const { train, val, weights } = problem.data;
  const tb = makeBatch(train, [0, 1], weights);
  const vb = makeBatch(val, [0, 1], weights);
  const p = problem.params;
  const ll = { steps: p.innerSteps, stepSize: p.llStepSize, ridge: LL_RIDGE };
  const theta: Params = problem.variables.map((v) => tf.clone(v));
  const mu0: Params = problem.mu.map((v) => tf.clone(v));
  const rng = createRng(problem.settings.seed).fork('gradient-check');
  const dirs: Params[] = Array.from({ length: directions }, () =>
    tf.tidy(() => {
      const raw = theta.map((t) =>
        tf.tensor(
          Float32Array.from({ length: t.size }, () => rng.normal()),
          t.shape,
        ),
      );
      const norm = tf.sqrt(dotAll(raw, raw));
      return raw.map((r) => tf.div(r, norm));
    }),
  );
  const muStar = tf.tidy(() => solveLower(theta, mu0, tb, { ...ll, steps: SOLVE_STEPS }));
  const solveLowerFixed = tf.tidy(() => solveLower(theta, mu0, tb, ll));
  const rows: GradientCheckRow[] = [];
  const objectives: Record<GradientPath, { text: string; f: (t: Params) => tf.Scalar; mu: Params }> = {
    'first-order': {
      text: 'U(θ, μ_K) with μ_K held fixed',
      mu: mu0,
      f: (t) => upperCost(t, solveLowerFixed, vb),
    },
    unrolled: {
      text: 'U(θ, μ_K(θ)), K steps from μ₀',
      mu: mu0,
      f: (t) => upperCost(t, solveLower(t, mu0, tb, ll), vb),
    },
    implicit: {
      text: `U(θ, μ*(θ)), μ* by ${SOLVE_STEPS} LL steps`,
      mu: muStar,
      f: (t) => upperCost(t, solveLower(t, muStar, tb, { ...ll, steps: SOLVE_STEPS }), vb),
    },
  };
  for (const path of ['first-order', 'unrolled', 'implicit'] as const) {
    const started = performance.now();
    const o = objectives[path];
    const r = hypergradient(theta, o.mu, tb, vb, {
      ...ll,
      steps: path === 'implicit' ? 0 : ll.steps,
      path,
      cgIterations: p.cgIterations,
      damping: p.damping,
    });
    const analytic: number[] = [];
    const fd: number[] = [];
    for (const d of dirs) {
      const [a, plus, minus] = tf.tidy(() => [
        dotAll(r.dTheta, d),
        o.f(addScaled(theta, H, d)),
        o.f(addScaled(theta, -H, d)),
      ]);
      analytic.push((await a.data())[0]);
      fd.push(((await plus.data())[0] - (await minus.data())[0]) / (2 * H));
      tf.dispose([a, plus, minus]);
    }
    tf.dispose([...r.dTheta, ...r.muK, r.upper, r.lower]);
    rows.push({
      path,
      analytic,
      finiteDifference: fd,
      relativeError: relativeError(analytic, fd),
      objective: o.text,
      ms: performance.now() - started,
    });
  }
  tf.dispose([...theta, ...mu0, ...muStar, ...solveLowerFixed, ...dirs.flat()]);
  disposeBatch(tb);
  disposeBatch(vb);
  return rows;
}
