import * as tf from '@tensorflow/tfjs';
import { relativeError } from '../../il/gradients/finite-difference';
import { createRng } from '../../il/rng';
import { disposeBatch, makeBatch } from './batches';
import { hypergradient, newtonLower, solveLower, type CgReport, type GradientPath } from './bilevel';
import type { GradientCheckRow } from './contract';
import { lowerCost, upperTerms } from './losses';
import { LL_RIDGE, type IlogicProblem } from './problem';
import { addScaled, dotAll, type Params } from './tensors';

/**
 * The most a central-difference step may change U to first order: the step shrinks on steep objectives. Measured at
 * θ after 600 steps (seed 1, 3 directions), first-order / unrolled relative errors: 4.4e-3 / 1.6e-2 at 2e-2 (the step
 * stays at FD_STEP and crosses ReLU kinks and curvature), 2.5e-4 / 2.8e-4 at 2e-4, 3.9e-4 / 1.3e-3 at 2e-5 (float32).
 */
export const MAX_CHANGE = 2e-4;
/** Rows that differentiate their objective only approximately by design (n CG steps with damping δ). */
export const APPROXIMATE_ROWS: readonly string[] = ['implicit (as set)'];
/** Central-difference step along unit directions of θ (first-order and unrolled rows), at most. */
export const FD_STEP = 1e-2;
/**
 * The implicit rows' step: θ ↦ μ*(θ) bends sharply (measured on seed 3: the difference quotient moves from 1.21e-3 at
 * h = 2e-2 to 1.38e-3 at h = 5e-3, flat at 1.38–1.39e-3 down to 3e-3, then float32 noise takes over).
 */
export const FD_STEP_IMPLICIT = 4e-3;
/**
 * The implicit rows differentiate U(θ, μ*(θ)) at a true LL minimiser, which the IFT needs to be isolated: the check's
 * LL carries a ridge λ‖μ‖² large enough that H ⪰ 2λ I near a local minimum μ* (the training ridge, 1e-4, leaves the over-parametrised
 * NLM with nearly flat directions, where μ*(θ) — and so its finite differences — is not defined).
 */
export const CHECK_RIDGE = 0.01;
/** LL steps that solve the check's LL to convergence (from μ, then warm-started at θ ± h d). */
export const SOLVE_STEPS = 300;
/** Newton–CG steps that polish μ* after the GD steps (at θ), and that re-solve it at θ ± h d (warm-started). */
export const NEWTON_STEPS = 3;
export const NEWTON_STEPS_FD = 2;
/** CG iterations of the "exact" implicit row (δ = 0): enough for a float32 residual ≲ 1e-3 on the check's LL. */
export const EXACT_CG = 40;

interface CheckCase {
  label: string;
  path: GradientPath;
  objective: string;
  /** The hypergradient under test, dU/dθ (run inside tf.tidy: what it does not return is freed). */
  analytic: () => { dTheta: Params; cg?: CgReport };
  /** Central-difference step. */
  h: number;
  /** The objective it claims to differentiate, at θ, as U's per-agent terms CE_k (U = Σ w_k CE_k / Σ w_k). */
  f: (t: Params) => tf.Tensor1D;
}

const norm = (p: Params): Params =>
  tf.tidy(() => {
    const n = tf.sqrt(tf.maximum(dotAll(p, p), 1e-30));
    return p.map((x) => tf.div(x, n));
  });

const scalar = async (t: tf.Tensor): Promise<number> => (await t.data())[0];

/**
 * U(θ + h d) − U(θ − h d) as Σ_k w_k (CE⁺_k − CE⁻_k) / Σ_k w_k, differenced agent by agent in float64: rounding U ≈ 1.4
 * to float32 first would cost 1 ulp ≈ 1.2e-7 of it, a 1.5% error in a derivative of 1e-3 at h = 4e-3.
 */
function weightedDifference(plus: ArrayLike<number>, minus: ArrayLike<number>, w: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let k = 0; k < w.length; k++) {
    num += w[k] * (plus[k] - minus[k]);
    den += w[k];
  }
  return num / den;
}

/** The CG report in words (and its tensors disposed), and whether it stopped at non-positive curvature. */
async function describeCg(cg: CgReport): Promise<{ text: string; curvatureStop: boolean }> {
  const [it, neg, res] = [
    await scalar(cg.iterations),
    await scalar(cg.negativeCurvature),
    await scalar(cg.relativeResidual),
  ];
  tf.dispose([cg.iterations, cg.negativeCurvature, cg.relativeResidual]);
  return neg > 0
    ? {
        text: `CG stopped after ${it} iterations: non-positive curvature (recursive residual ${res.toExponential(1)}); no strict LL minimum here, the check does not apply`,
        curvatureStop: true,
      }
    : { text: `CG: ${it} iterations, recursive residual ${res.toExponential(1)}`, curvatureStop: false };
}

/**
 * Each gradient path against central finite differences on a tiny instance (2 training and 2 held-out scenes): along
 * unit directions d of θ, ⟨dU/dθ, d⟩ vs (F(θ + h d) − F(θ − h d)) / 2h, where F is the objective the path claims to
 * differentiate. Each direction leans on the analytic gradient, d ∝ ĝ + r̂ with its own random unit r̂: in float32 a
 * purely random direction of a ~500-dimensional θ has a directional derivative ~‖g‖/20, which on the implicit rows
 * (‖g‖ ≈ 1e-3) is below the rounding of the difference quotient (≈ 3e-5 measured). A wrong gradient g̃ still shows:
 * ⟨g̃, d⟩ matches the true ⟨g, d⟩ only if g and g̃ agree along ĝ̃ and along each r̂.
 */
export interface GradientCheckOptions {
  step?: number;
  implicitStep?: number;
  ridge?: number;
  solveSteps?: number;
  newton?: number;
  cg?: number;
  maxChange?: number;
}

export async function gradientCheck(
  problem: IlogicProblem,
  directions: number,
  options: GradientCheckOptions = {},
): Promise<GradientCheckRow[]> {
  const FD_H = options.step ?? FD_STEP;
  const FD_H_IMPLICIT = options.implicitStep ?? FD_STEP_IMPLICIT;
  const RIDGE = options.ridge ?? CHECK_RIDGE;
  const SOLVE = options.solveSteps ?? SOLVE_STEPS;
  const NEWTON = options.newton ?? NEWTON_STEPS;
  const CG_EXACT = options.cg ?? EXACT_CG;
  const { train, val, weights } = problem.data;
  const tb = makeBatch(train, [0, 1], weights);
  const vb = makeBatch(val, [0, 1], weights);
  const p = problem.params;
  const ll = { steps: p.innerSteps, stepSize: p.llStepSize, ridge: LL_RIDGE };
  const checkLl = { steps: SOLVE, stepSize: Math.min(p.llStepSize, 1), ridge: RIDGE };
  const theta: Params = problem.variables.map((v) => tf.clone(v));
  const mu0: Params = problem.mu.map((v) => tf.clone(v));
  const rng = createRng(problem.settings.seed).fork('gradient-check');
  const randomDirection = (): Params =>
    tf.tidy(() =>
      norm(
        theta.map((t) =>
          tf.tensor(
            Float32Array.from({ length: t.size }, () => rng.normal()),
            t.shape,
          ),
        ),
      ),
    );
  const randoms: Params[] = Array.from({ length: directions }, randomDirection);
  const muK = tf.tidy(() => solveLower(theta, mu0, tb, ll));
  const muStar = tf.tidy(() =>
    newtonLower(theta, solveLower(theta, mu0, tb, checkLl), tb, RIDGE, NEWTON, CG_EXACT),
  );
  const gradNorm = tf.tidy(() => {
    const g = tf.grads((...m: tf.Tensor[]) => lowerCost(theta, m, tb, RIDGE))(muStar);
    return tf.sqrt(dotAll(g, g));
  });
  const stationarity = await scalar(gradNorm);
  gradNorm.dispose();
  const atMuStar = (t: Params): tf.Tensor1D =>
    upperTerms(t, newtonLower(t, muStar, tb, RIDGE, Math.min(NEWTON, NEWTON_STEPS_FD), CG_EXACT), vb);
  const implicitCase = (label: string, cgIterations: number, damping: number): CheckCase => ({
    label,
    path: 'implicit',
    h: FD_H_IMPLICIT,
    objective: `U(θ, μ*(θ)), μ* of L + ${RIDGE}‖μ‖² by ${SOLVE} LL steps + ${NEWTON} Newton–CG steps (‖∇μL‖ = ${stationarity.toExponential(1)}); n = ${cgIterations}, δ = ${damping}`,
    analytic: () => {
      const r = hypergradient(theta, muStar, tb, vb, {
        ...checkLl,
        steps: 0,
        path: 'implicit',
        cgIterations,
        damping,
      });
      return { dTheta: r.dTheta, ...(r.cg ? { cg: r.cg } : {}) };
    },
    f: atMuStar,
  });
  const cases: CheckCase[] = [
    {
      label: 'first-order',
      path: 'first-order',
      h: FD_H,
      objective: `U(θ, μ_K) with μ_K (K = ${ll.steps}) held fixed`,
      analytic: () => {
        const r = hypergradient(theta, mu0, tb, vb, {
          ...ll,
          path: 'first-order',
          cgIterations: 0,
          damping: 0,
        });
        return { dTheta: r.dTheta };
      },
      f: (t) => upperTerms(t, muK, vb),
    },
    {
      label: 'unrolled',
      path: 'unrolled',
      h: FD_H,
      objective: `U(θ, μ_K(θ)), K = ${ll.steps} steps from μ₀`,
      analytic: () => {
        const r = hypergradient(theta, mu0, tb, vb, { ...ll, path: 'unrolled', cgIterations: 0, damping: 0 });
        tf.dispose(r.muK); // kept through tf.grads' inner tidy (bilevel.ts), so tidy does not free them
        return { dTheta: r.dTheta };
      },
      f: (t) => upperTerms(t, solveLower(t, mu0, tb, ll), vb),
    },
    implicitCase('implicit (exact solve)', CG_EXACT, 0),
    implicitCase('implicit (as set)', p.cgIterations, p.damping),
  ];
  const weight = await vb.weight.data();
  const rows: GradientCheckRow[] = [];
  for (const c of cases) {
    const started = performance.now();
    const { dTheta, cg } = tf.tidy(() => c.analytic());
    const dirs = randoms.map((r) => tf.tidy(() => norm(addScaled(norm(dTheta), 1, r))));
    const analytic: number[] = [];
    const fd: number[] = [];
    for (const d of dirs) {
      const a = tf.tidy(() => dotAll(dTheta, d));
      const slope = await scalar(a);
      a.dispose();
      // A steep objective (after training, the K-step map has slopes ~20) gets a shorter step: the first-order change
      // of U stays ≤ MAX_CHANGE, so the truncation error stays small.
      const h = Math.min(c.h, (options.maxChange ?? MAX_CHANGE) / Math.max(Math.abs(slope), 1e-12));
      const [plus, minus] = tf.tidy(() => [c.f(addScaled(theta, h, d)), c.f(addScaled(theta, -h, d))]);
      analytic.push(slope);
      fd.push(weightedDifference(await plus.data(), await minus.data(), weight) / (2 * h));
      tf.dispose([plus, minus]);
    }
    const solver = cg ? await describeCg(cg) : null;
    tf.dispose([...dTheta, ...dirs.flat()]);
    rows.push({
      path: c.label,
      analytic,
      finiteDifference: fd,
      relativeError: relativeError(analytic, fd),
      objective: c.objective,
      ...(solver ? { note: solver.text } : {}),
      applies: !solver?.curvatureStop,
      ms: performance.now() - started,
    });
  }
  tf.dispose([...theta, ...mu0, ...muK, ...muStar, ...randoms.flat()]);
  disposeBatch(tb);
  disposeBatch(vb);
  return rows;
}
