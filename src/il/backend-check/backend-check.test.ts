import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerFactory } from '../../examples/explorer/problem';
import { explorerMeta } from '../../examples/explorer/meta';
import { addNInputLimit, registerChunkedAddN } from '../../kernels/webgpu/chunked-add-n';
import type { BackendChoice, BackendName } from '../backend-names';
import { setupNodeBackend } from '../node-backend';
import type { ProblemFactory } from '../problem';
import { compareFingerprints, relativeError, vectorRelativeError } from './compare';
import { fingerprint, type Fingerprint } from './fingerprint';
import { BackendGuard } from './guard';

const factory = explorerFactory as unknown as ProblemFactory;
const preset = explorerMeta.presets[0];
const settings = { ...explorerMeta.defaults, ...preset.settings };

beforeAll(async () => {
  await setupNodeBackend('wasm');
  await tf.setBackend('cpu');
});

describe('chunked AddN (the tfjs-webgpu binding-limit workaround)', () => {
  it('sums any number of inputs in groups the limit allows, exactly as the stock kernel, leaving no buffers', async () => {
    await tf.setBackend('cpu');
    const expectedSums: number[] = [];
    const stockSums: number[] = [];
    for (let n = 1; n <= 20; n++) {
      const xs = Array.from({ length: n }, (_, i) => tf.tensor1d([i + 1, -2 * (i + 1), 0.5]));
      const s = tf.addN(xs);
      stockSums.push(...(await s.data()));
      tf.dispose([s, ...xs]);
      expectedSums.push((n * (n + 1)) / 2, -n * (n + 1), 0.5 * n);
    }
    expect(stockSums).toEqual(expectedSums);
    // Limit 3 forces chunks within chunks (20 inputs → 7 partial sums → 3 → 1).
    registerChunkedAddN('cpu', () => 3);
    const buffersBefore = tf.engine().backend.numDataIds();
    const tensorsBefore = tf.memory().numTensors;
    const chunkedSums: number[] = [];
    for (let n = 1; n <= 20; n++) {
      const xs = Array.from({ length: n }, (_, i) => tf.tensor1d([i + 1, -2 * (i + 1), 0.5]));
      const s = tf.addN(xs);
      chunkedSums.push(...(await s.data()));
      tf.dispose([s, ...xs]);
    }
    expect(chunkedSums).toEqual(expectedSums);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
  });

  it('reads the limit from the device: one storage binding is the output', () => {
    expect(addNInputLimit({ device: { limits: { maxStorageBuffersPerShaderStage: 8 } } })).toBe(7);
    expect(addNInputLimit({})).toBe(7);
  });
});

describe('fingerprint comparison', () => {
  const base = (): Fingerprint => ({
    backend: 'cpu',
    msPerStep: 1,
    msLastStep: 1,
    steps: [{ upper: 1, lower: 2, gradNorm: 3, gradient: new Float32Array([1, 2, 2]) }],
  });

  it('relative errors', () => {
    expect(relativeError(1.0005, 1)).toBeCloseTo(5e-4, 8);
    expect(relativeError(NaN, 1)).toBe(Infinity);
    expect(relativeError(0, 0)).toBe(0);
    expect(vectorRelativeError(new Float32Array([1, 2, 2]), new Float32Array([1, 2, 2]))).toBe(0);
    expect(vectorRelativeError(new Float32Array([1, 2, 2.03]), new Float32Array([1, 2, 2]))).toBeCloseTo(
      0.01,
      5,
    );
    expect(vectorRelativeError(new Float32Array([1]), new Float32Array([1, 2]))).toBe(Infinity);
  });

  it('agrees with itself and names the first quantity that differs', () => {
    expect(compareFingerprints(base(), base()).agree).toBe(true);
    const wrongNorm = base();
    wrongNorm.backend = 'webgpu';
    wrongNorm.steps[0].gradNorm = 11;
    const c = compareFingerprints(base(), wrongNorm);
    expect(c.agree).toBe(false);
    expect(c.summary).toBe('‖∇U‖ at step 1 is 11.00 on webgpu but 3.000 on cpu (relative error 2.7e+0)');
    const wrongGradient = base();
    wrongGradient.steps[0].gradient = new Float32Array([1, 2, 2.1]);
    expect(compareFingerprints(base(), wrongGradient).disagreements.map((d) => d.quantity)).toEqual([
      'dU/dψ',
    ]);
    const shorter = base();
    shorter.steps = [];
    expect(compareFingerprints(base(), shorter).agree).toBe(false);
  });
});

describe('fingerprints on two CPU backends', () => {
  it('wasm and cpu train the explorer identically to float32 precision, leaking nothing', async () => {
    await tf.setBackend('wasm');
    const wasm = await fingerprint(factory, settings, preset.params, { steps: 4, gradientSteps: 4 });
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const cpu = await fingerprint(factory, settings, preset.params, { steps: 4, gradientSteps: 4 });
    expect(tf.memory().numTensors).toBe(before);
    expect(cpu.steps).toHaveLength(4);
    expect(cpu.steps.every((s) => s.gradient && s.gradient.length > 0)).toBe(true);
    const c = compareFingerprints(cpu, wasm);
    expect(c.agree, c.summary).toBe(true);
    expect(c.worstRelativeError).toBeLessThan(1e-5);
  });
});

describe('the start-up self-check (BackendGuard)', () => {
  const stockSqrt = tf.getKernel('Sqrt', 'cpu');
  afterAll(() => {
    // Put the stock kernel back for any later test in this process.
    if (stockSqrt) {
      tf.unregisterKernel('Sqrt', 'cpu');
      tf.registerKernel(stockSqrt);
    }
  });

  function guardFor(order: BackendName[]) {
    const announced: BackendChoice[] = [];
    const guard = new BackendGuard({
      choose: async (requested, allowed = order) => {
        const name = allowed.find((b) => order.includes(b)) ?? 'wasm';
        await tf.setBackend(name);
        return { name, requested, fallbacks: [] };
      },
      use: (name) => tf.setBackend(name),
      announce: (choice) => announced.push(choice),
      progress: () => undefined,
      checked: new Set<BackendName>(['cpu']),
      reference: 'wasm',
    });
    return { guard, announced };
  }

  it('keeps a backend that agrees with the reference', async () => {
    const { guard, announced } = guardFor(['cpu', 'wasm']);
    // Requested by name: kept whatever its speed (only "auto" chooses by speed).
    await guard.init('cpu');
    await guard.ensureFor('explorer', factory, settings, preset.params);
    expect(guard.current?.name).toBe('cpu');
    expect(announced).toHaveLength(1);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('drops a backend with a wrong kernel and names the reason', async () => {
    // Sabotage: cpu's Sqrt computes a square, so ‖∇U‖ is wrong while U and L are right (like the AddN defect).
    const square = tf.getKernel('Square', 'cpu');
    if (!square || !stockSqrt) throw new Error('cpu kernels missing');
    tf.unregisterKernel('Sqrt', 'cpu');
    tf.registerKernel({ ...square, kernelName: 'Sqrt' });
    try {
      const { guard, announced } = guardFor(['cpu', 'wasm']);
      await guard.init('auto');
      await guard.ensureFor('explorer', factory, settings, preset.params);
      expect(guard.current?.name).toBe('wasm');
      expect(announced.map((c) => c.name)).toEqual(['cpu', 'wasm']);
      const reason = guard.current?.fallbacks.find((f) => f.name === 'cpu')?.reason ?? '';
      expect(reason).toMatch(/^self-check on explorer failed: ‖∇U‖ at step 1 is .* on cpu but .* on wasm/);
      expect(tf.getBackend()).toBe('wasm');
    } finally {
      tf.unregisterKernel('Sqrt', 'cpu');
      tf.registerKernel(stockSqrt);
    }
  });

  it('"auto" drops a backend that computes right but is much slower than the reference, saying how much', async () => {
    // The same explorer problem, but every step waits 40 ms on cpu: a stand-in for a software GPU adapter.
    const slowOnCpu: ProblemFactory = {
      ...factory,
      create: async (s, p) => {
        const problem = await factory.create(s, p);
        const compute = problem.computeGradients.bind(problem);
        problem.computeGradients = async (step) => {
          if (tf.getBackend() === 'cpu') await new Promise((r) => setTimeout(r, 40));
          return compute(step);
        };
        return problem;
      },
    };
    const { guard, announced } = guardFor(['cpu', 'wasm']);
    await guard.init('auto');
    await guard.ensureFor('explorer', slowOnCpu, settings, preset.params);
    expect(announced.map((c) => c.name)).toEqual(['cpu', 'wasm']);
    const reason = guard.current?.fallbacks.find((f) => f.name === 'cpu')?.reason ?? '';
    expect(reason).toMatch(/^\d+(\.\d)?× slower than wasm on explorer \(\d+ ms vs \d+ ms per step\)$/);
  });
});
