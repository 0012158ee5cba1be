/**
 * The live gradient check: on a short, fixed segment flown with the current ψ, the hypergradient against
 * central finite differences of U (segment-value.ts re-solves the MPC for every probe):
 *   p through the MPC — implicit (KKT) and unrolled (K iterations) VJPs;
 *   p, applied input  — the path training uses for the gap cost;
 *   θ                 — TypeScript upstream gradient + tfjs backward, for the entries with the largest gradient.
 */
import { relativeError } from '../../../il/gradients/finite-difference';
import { segmentHypergradient } from './hypergradient';
import type { ImpcVariables } from './model';
import { type MpcConfig, buildMpcContext } from '../mpc/mpc';
import { DEFAULT_GEOMETRY, NU, N_PARAMS, PARAM_NAMES, type PhysParams } from '../params';
import { denoiseSegment, segmentValue } from './segment-value';
import { type Segment, TrainingFlights } from '../vehicle/training-flight';
import type { ImuNoise } from '../vehicle/imu';
import { type SegmentCostOptions, segmentCost } from './ul-segment';

export interface GradientCheckRequest {
  /** K for the unrolled VJP. */
  unrollK?: number;
}

export interface GradientCheck {
  paramNames: readonly string[];
  upper: number;
  /** dU/dp through the MPC. */
  implicit: number[];
  unrolled: number[];
  finiteDifference: number[];
  implicitRelError: number;
  unrolledRelError: number;
  unrollK: number;
  /** dU/dp with the applied input held (what the gap cost trains with). */
  applied: number[];
  appliedFiniteDifference: number[];
  appliedRelError: number;
  /** dU/dθ_i for a few entries of θ (flat index), analytic and finite differences. */
  thetaIndices: number[];
  thetaAnalytic: number[];
  thetaFiniteDifference: number[];
  thetaRelError: number;
  /** Whether θ's gradient (and its check) goes through the MPC or holds the applied input. */
  thetaPath: SegmentCostOptions['xPath'];
  /** Inputs at a bound in the checked MPC solves (the KKT path differentiates the active set). */
  activeInputs: number;
}

export interface CheckContext {
  vars: ImpcVariables;
  pTrue: PhysParams;
  imu: ImuNoise;
  config: MpcConfig;
  segmentOptions: SegmentCostOptions;
}

/**
 * A fixed short segment under ψ (the same flight seed each time): the first three steps whose first inputs
 * are all off their bounds, so the path through U* carries gradient (an input held at a bound does not move
 * with ψ).
 */
export function checkSegment(source: CheckContext, theta: ArrayLike<number>, p: PhysParams): Segment {
  const flights = new TrainingFlights({
    seed: 4242,
    geo: DEFAULT_GEOMETRY,
    pTrue: source.pTrue,
    imu: source.imu,
  });
  const ctx = buildMpcContext(DEFAULT_GEOMETRY, source.config, p);
  flights.fly(ctx, theta, 5);
  let segment = flights.fly(ctx, theta, 3);
  for (let tries = 0; tries < 40; tries++) {
    const free = segment.steps.every((s) => s.solution.active.subarray(0, NU).every((a) => a === 0));
    if (free) break;
    segment = flights.fly(ctx, theta, 3);
  }
  return segment;
}

export async function gradientCheck(
  source: CheckContext,
  theta: Float32Array,
  p: PhysParams,
  req: GradientCheckRequest,
): Promise<GradientCheck> {
  const unrollK = Math.round(Math.min(20000, Math.max(1, Number(req.unrollK) || 2000)));
  const geo = DEFAULT_GEOMETRY;
  const segment = checkSegment(source, theta, p);
  const ctx = buildMpcContext(geo, source.config, p);
  const base: SegmentCostOptions = { ...source.segmentOptions, upper: 'gap' };
  const samples = segment.denoised;
  const valueOptions = { ...base, resolve: true };
  const at = (pm: PhysParams, pf: PhysParams): number =>
    segmentValue(
      buildMpcContext(geo, source.config, pm),
      buildMpcContext(geo, source.config, pf),
      segment,
      samples,
      valueOptions,
    );

  // p: central differences with relative steps, the MPC re-solved (path through U*) or held (applied).
  const fdThrough = new Float64Array(N_PARAMS);
  const fdApplied = new Float64Array(N_PARAMS);
  for (let j = 0; j < N_PARAMS; j++) {
    const h = 1e-4 * p[j];
    const plus = Float64Array.from(p);
    const minus = Float64Array.from(p);
    plus[j] += h;
    minus[j] -= h;
    fdThrough[j] = (at(plus, plus) - at(minus, minus)) / (2 * h);
    fdApplied[j] = (at(p, plus) - at(p, minus)) / (2 * h);
  }
  const implicit = segmentCost(ctx, segment, { ...base, mode: { kind: 'implicit' }, pPath: 'mpc' });
  const unrolled = segmentCost(ctx, segment, {
    ...base,
    mode: { kind: 'unrolled', iterations: unrollK },
    pPath: 'mpc',
  });
  const applied = segmentCost(ctx, segment, { ...base, pPath: 'applied' });

  // θ: the analytic gradient through tfjs, checked on the entries where it is largest.
  const thetaOptions: SegmentCostOptions = { ...base, mode: { kind: 'implicit' } };
  const thetaValueOptions = { ...thetaOptions, resolve: base.xPath === 'mpc' };
  const { gradients } = segmentHypergradient(source.vars, ctx, segment, thetaOptions);
  const thetaGrad = new Float64Array(theta.length);
  let offset = 0;
  for (const g of gradients.slice(0, -1)) {
    const d = await g.data();
    thetaGrad.set(d, offset);
    offset += d.length;
  }
  gradients.forEach((g) => g.dispose());
  const order = Array.from(thetaGrad.keys()).sort((a, b) => Math.abs(thetaGrad[b]) - Math.abs(thetaGrad[a]));
  const thetaIndices = order.slice(0, 6);
  const probe = Float64Array.from(theta);
  const thetaFd = thetaIndices.map((i) => {
    const h = 1e-4;
    const v = probe[i];
    probe[i] = v + h;
    const up = segmentValue(ctx, ctx, segment, denoiseSegment(probe, segment), thetaValueOptions);
    probe[i] = v - h;
    const down = segmentValue(ctx, ctx, segment, denoiseSegment(probe, segment), thetaValueOptions);
    probe[i] = v;
    return (up - down) / (2 * h);
  });
  const thetaAnalytic = thetaIndices.map((i) => thetaGrad[i]);
  const activeInputs = segment.steps.reduce(
    (s, st) => s + st.solution.active.reduce((a, v) => a + (v !== 0 ? 1 : 0), 0),
    0,
  );
  return {
    paramNames: PARAM_NAMES,
    upper: implicit.upper,
    implicit: Array.from(implicit.gradP),
    unrolled: Array.from(unrolled.gradP),
    finiteDifference: Array.from(fdThrough),
    implicitRelError: relativeError(implicit.gradP, fdThrough),
    unrolledRelError: relativeError(unrolled.gradP, fdThrough),
    unrollK,
    applied: Array.from(applied.gradP),
    appliedFiniteDifference: Array.from(fdApplied),
    appliedRelError: relativeError(applied.gradP, fdApplied),
    thetaIndices,
    thetaAnalytic,
    thetaFiniteDifference: thetaFd,
    thetaRelError: relativeError(thetaAnalytic, thetaFd),
    thetaPath: base.xPath,
    activeInputs,
  };
}
