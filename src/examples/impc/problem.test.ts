import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError } from '../../il/gradients/finite-difference';
import { Trainer } from '../../il/trainer';
import { AXES, denoiserOutput, INPUT_SIZE } from './learning/denoiser';
import { DEFAULT_IMPC_PARAMS, type ImpcParams } from './example-params';
import { segmentHypergradient, segmentWindows } from './learning/hypergradient';
import { denoiserForward, readPsi } from './learning/model';
import { buildMpcContext } from './mpc/mpc';
import { DEFAULT_GEOMETRY, N_PARAMS, type PhysParams } from './params';
import { ImpcProblem, impcFactory, lowerLevelMode } from './problem';
import { denoiseSegment, segmentValue } from './learning/segment-value';
import { type Segment, TrainingFlights } from './vehicle/training-flight';
import type { SegmentCostOptions } from './learning/ul-segment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const settings = { seed: 5, learningRate: 0.005, batchSize: 5, optimizer: 'adam' as const };

async function trainedProblem(params: Partial<ImpcParams>, steps: number): Promise<ImpcProblem> {
  const merged = { ...DEFAULT_IMPC_PARAMS, ...params } as ImpcParams;
  const problem = (await impcFactory.create(settings, merged)) as ImpcProblem;
  const trainer = new Trainer(problem, 'adam', settings.learningRate);
  for (let i = 0; i < steps; i++) expect((await trainer.step()).ok).toBe(true);
  trainer.dispose();
  return problem;
}

/** A segment whose first inputs are off their bounds (the MPC path then carries gradient). */
function freeSegment(problem: ImpcProblem, theta: ArrayLike<number>, p: PhysParams): Segment {
  const flights = new TrainingFlights({
    seed: 77,
    geo: DEFAULT_GEOMETRY,
    pTrue: problem.pTrue,
    imu: problem.imu,
  });
  const ctx = buildMpcContext(DEFAULT_GEOMETRY, problem.config, p);
  flights.fly(ctx, theta, 8);
  for (;;) {
    const s = flights.fly(ctx, theta, 3);
    if (s.steps.every((st) => st.solution.active.subarray(0, 4).every((a) => a === 0))) return s;
  }
}

async function flat(tensors: tf.Tensor[]): Promise<Float64Array> {
  const parts = await Promise.all(tensors.map((t) => t.data()));
  tf.dispose(tensors);
  return Float64Array.from(parts.flatMap((d) => Array.from(d)));
}

describe.each([
  { name: 'gap, applied input held (training default)', params: {} },
  { name: 'gap through the MPC, implicit', params: { pPath: 'mpc', xPath: 'mpc' } },
  {
    name: 'gap through the MPC, unrolled (N = 4, K = 6000)',
    params: { pPath: 'mpc', xPath: 'mpc', gradient: 'unrolled', unrollK: 6000, horizon: 4 },
  },
  { name: 'tracking error, implicit', params: { upper: 'tracking' } },
] as { name: string; params: Partial<ImpcParams> }[])('end-to-end hypergradient: $name', ({ params }) => {
  it('matches central finite differences for p and for θ (rel. error < 1e-3)', async () => {
    const problem = await trainedProblem(params, 3);
    const { theta, p } = await readPsi(problem.vars);
    const segment = freeSegment(problem, theta, p);
    const ctx = buildMpcContext(DEFAULT_GEOMETRY, problem.config, p);
    const options: SegmentCostOptions = { ...problem.segmentOptions, mode: lowerLevelMode(problem.params) };
    const { gradients } = segmentHypergradient(problem.vars, ctx, segment, options);
    const g = await flat(gradients);
    const thetaGrad = g.subarray(0, g.length - N_PARAMS);
    const logPGrad = g.subarray(g.length - N_PARAMS);

    const throughMpc = options.upper === 'tracking' || options.pPath === 'mpc';
    const valueOptions = { ...options, resolve: options.upper === 'tracking' || options.xPath === 'mpc' };
    const samples = segment.denoised;
    const value = (pMpc: PhysParams, pModel: PhysParams, s = samples): number =>
      segmentValue(
        buildMpcContext(DEFAULT_GEOMETRY, problem.config, pMpc),
        buildMpcContext(DEFAULT_GEOMETRY, problem.config, pModel),
        segment,
        s,
        valueOptions,
      );
    // d/d log p by central differences in log p.
    const fdLogP = Float64Array.from({ length: N_PARAMS }, (_, j) => {
      const h = 1e-4;
      const up = Float64Array.from(p);
      const down = Float64Array.from(p);
      up[j] *= Math.exp(h);
      down[j] *= Math.exp(-h);
      return throughMpc
        ? (value(up, up) - value(down, down)) / (2 * h)
        : (value(p, up) - value(p, down)) / (2 * h);
    });
    expect(relativeError(logPGrad, fdLogP)).toBeLessThan(1e-3);

    // θ: the entries with the largest gradient, probed through the network's TypeScript forward pass.
    const order = Array.from(thetaGrad.keys()).sort(
      (a, b) => Math.abs(thetaGrad[b]) - Math.abs(thetaGrad[a]),
    );
    const picked = order.slice(0, 5);
    expect(Math.abs(thetaGrad[picked[0]])).toBeGreaterThan(0);
    const probe = Float64Array.from(theta);
    const fdTheta = picked.map((i) => {
      const h = 1e-4;
      const v = probe[i];
      probe[i] = v + h;
      const up = value(p, p, denoiseSegment(probe, segment));
      probe[i] = v - h;
      const down = value(p, p, denoiseSegment(probe, segment));
      probe[i] = v;
      return (up - down) / (2 * h);
    });
    const analytic = picked.map((i) => thetaGrad[i]);
    expect(relativeError(analytic, fdTheta)).toBeLessThan(1e-3);
    problem.dispose();
  }, 60_000);
});

describe('iMPC problem', () => {
  it('runs the same network in TypeScript (flight) and in tfjs (training)', async () => {
    const problem = await trainedProblem({}, 4);
    const { theta, p } = await readPsi(problem.vars);
    const segment = freeSegment(problem, theta, p);
    const windows = segmentWindows(segment);
    const batch = windows.length / (AXES * INPUT_SIZE);
    const out = tf.tidy(() =>
      denoiserForward(problem.vars.denoiser, tf.tensor2d(windows, [batch, AXES * INPUT_SIZE])),
    );
    const tfOut = await out.data();
    out.dispose();
    let worst = 0;
    let scale = 0;
    for (let b = 0; b < batch; b++) {
      const ts = denoiserOutput(theta, windows.subarray(b * AXES * INPUT_SIZE, (b + 1) * AXES * INPUT_SIZE));
      for (let a = 0; a < AXES; a++) {
        worst = Math.max(worst, Math.abs(ts[a] - tfOut[b * AXES + a]));
        scale = Math.max(scale, Math.abs(ts[a]));
      }
    }
    expect(scale).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-5 * Math.max(1, scale));
    // The recorded denoised samples are the network's, sample by sample.
    const again = denoiseSegment(theta, segment);
    expect(Array.from(again[5].gyro)).toEqual(Array.from(segment.denoised[5].gyro));
    problem.dispose();
  });

  it('is deterministic per seed: the same U curve and the same ψ', async () => {
    const run = async (): Promise<{ curve: number[]; psi: Float32Array }> => {
      const problem = (await impcFactory.create(settings, DEFAULT_IMPC_PARAMS)) as ImpcProblem;
      const trainer = new Trainer(problem, 'adam', settings.learningRate);
      const curve: number[] = [];
      for (let i = 0; i < 6; i++) {
        const o = await trainer.step();
        if (o.ok) curve.push(o.report.upper);
      }
      const { theta, p } = await readPsi(problem.vars);
      trainer.dispose();
      problem.dispose();
      return { curve, psi: Float32Array.from([...theta, ...p]) };
    };
    const a = await run();
    const b = await run();
    expect(a.curve).toHaveLength(6);
    expect(b.curve).toEqual(a.curve);
    expect(Array.from(b.psi)).toEqual(Array.from(a.psi));
  });

  it('a trained ψ beats the untrained one on held-out flights (lower U) and learns p from 50 % off', async () => {
    const heldOutU = async (problem: ImpcProblem): Promise<number> => {
      const { theta, p } = await readPsi(problem.vars);
      const flights = new TrainingFlights({
        seed: 31337,
        geo: DEFAULT_GEOMETRY,
        pTrue: problem.pTrue,
        imu: problem.imu,
      });
      const ctx = buildMpcContext(DEFAULT_GEOMETRY, problem.config, p);
      let total = 0;
      for (let i = 0; i < 20; i++) {
        const segment = flights.fly(ctx, theta, 10);
        total += segmentValue(ctx, ctx, segment, segment.denoised, {
          ...problem.segmentOptions,
          resolve: false,
        });
      }
      return total / 20;
    };
    const untrained = (await impcFactory.create(
      { ...settings, batchSize: 10 },
      DEFAULT_IMPC_PARAMS,
    )) as ImpcProblem;
    const trained = await trainedProblem({}, 0);
    const trainer = new Trainer(trained, 'adam', 0.01);
    for (let i = 0; i < 250; i++) await trainer.step();
    trainer.dispose();
    const before = await heldOutU(untrained);
    const after = await heldOutU(trained);
    const { p } = await readPsi(trained.vars);
    const worst = Math.max(...Array.from(p, (v, j) => Math.abs(v / trained.pTrue[j] - 1)));
    console.log(
      `held-out U: untrained ${before.toExponential(3)}, trained ${after.toExponential(3)}; worst p error ${(100 * worst).toFixed(2)} %`,
    );
    expect(after).toBeLessThan(0.5 * before);
    expect(worst).toBeLessThan(0.1);
    untrained.dispose();
    trained.dispose();
  }, 120_000);
});
