import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackendChoice, BackendName } from '../il/backend-names';
import type { SessionStatus } from '../il/session';
import type { StepReport } from '../il/trainer';
import type { ExplorerSnapshot } from '../examples/explorer/problem';
import type { MethodResult } from '../examples/explorer/compare';
import type { FromWorker, ToWorker } from './protocol';
import type { TrainingClient } from './client';

/**
 * The whole message path in one process: TrainingClient → structured clone → the real training.worker.ts (with its
 * browser backends replaced by tfjs cpu, the real example registry) → TrainingSession → messages back. What the page
 * relies on, end to end.
 */

vi.mock('./backends', () => ({
  chooseBrowserBackend: async (requested: BackendName | 'auto'): Promise<BackendChoice> => {
    await tf.setBackend('cpu');
    return { name: 'cpu', requested, fallbacks: [] };
  },
  switchBrowserBackend: async (name: BackendName): Promise<boolean> => tf.setBackend(name),
}));

type Handler = ((event: { data: unknown }) => void) | null;

/** The worker's global scope: what training.worker.ts posts goes to the client's worker object. */
const scope: { onmessage: Handler; postMessage(message: FromWorker): void } = {
  onmessage: null,
  postMessage(message) {
    const data = structuredClone(message);
    setTimeout(() => LoopbackWorker.current?.onmessage?.({ data }), 0);
  },
};

class LoopbackWorker {
  static current: LoopbackWorker | null = null;
  onmessage: Handler = null;
  onerror: Handler = null;
  readonly sent: ToWorker[] = [];
  constructor() {
    LoopbackWorker.current = this;
  }
  postMessage(message: ToWorker): void {
    const data = structuredClone(message);
    this.sent.push(data);
    setTimeout(() => scope.onmessage?.({ data }), 0);
  }
  terminate(): void {
    LoopbackWorker.current = null;
  }
}

interface Heard {
  backend: BackendChoice[];
  reports: StepReport[];
  snapshots: unknown[];
  statuses: SessionStatus[];
  fatal: string[];
}
const heard: Heard = { backend: [], reports: [], snapshots: [], statuses: [], fatal: [] };
let client: TrainingClient;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
async function until(cond: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!cond()) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out waiting for ${what}; statuses: ${JSON.stringify(heard.statuses)}`);
    await sleep(5);
  }
}
const lastStatus = (): SessionStatus | undefined => heard.statuses.at(-1);
const lastSnapshot = (): ExplorerSnapshot => heard.snapshots.at(-1) as ExplorerSnapshot;
const settings = { seed: 4, learningRate: 0.1, batchSize: 1, optimizer: 'adam' as const };
const params = { method: 'implicit', cgIterations: 5 };

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  vi.stubGlobal('Worker', LoopbackWorker);
  await import('./training.worker');
  const { TrainingClient } = await import('./client');
  client = new TrainingClient(
    {
      backend: (c) => heard.backend.push(c),
      reports: (r) => heard.reports.push(...r),
      snapshot: (s) => heard.snapshots.push(s),
      status: (s) => heard.statuses.push(s),
      fatal: (m) => heard.fatal.push(m),
    },
    'auto',
  );
});

afterAll(() => {
  client.dispose();
  vi.unstubAllGlobals();
});

describe('client ↔ training worker ↔ session', () => {
  it('init announces the backend; a step sent right after load reaches the loaded problem', async () => {
    // Not waiting for the load: the worker must finish it (and the backend self-check) before the step.
    client.load('explorer', settings, params);
    client.step(3);
    await until(() => lastStatus()?.state === 'idle' && lastStatus()?.step === 3, 'three steps');
    expect(heard.backend).toEqual([{ name: 'cpu', requested: 'auto', fallbacks: [] }]);
    expect(heard.statuses[0]).toEqual({ state: 'loading', step: 0 });
    expect(heard.reports.map((r) => r.step)).toEqual([1, 2, 3]);
    expect(heard.snapshots.length).toBeGreaterThanOrEqual(2);
    expect(heard.fatal).toEqual([]);
  });

  it('play and pause: reports keep coming while running, and pause settles on idle at the last step', async () => {
    const before = heard.reports.length;
    client.play();
    await until(() => heard.reports.length >= before + 5, 'five more reports');
    client.pause();
    await until(() => lastStatus()?.state === 'idle', 'idle after pause');
    const last = heard.reports.at(-1)?.step ?? -1;
    expect(lastStatus()?.step).toBe(last);
    expect(heard.reports.map((r) => r.step)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(heard.statuses.some((s) => s.state === 'running')).toBe(true);
  });

  it('reset (the protocol message) rebuilds the same run: step 0, the initial θ, the same first report', async () => {
    const firstReport = heard.reports[0];
    const statuses = heard.statuses.length;
    heard.reports.length = 0;
    client.reset();
    await until(
      () =>
        heard.statuses.slice(statuses).some((s) => s.state === 'loading') && lastStatus()?.state === 'idle',
      'the reset to finish',
    );
    expect(lastStatus()).toEqual({ state: 'idle', step: 0 });
    client.step(1);
    await until(() => heard.reports.length === 1, 'one step after reset');
    expect(heard.reports[0]).toMatchObject({
      step: 1,
      upper: firstReport.upper,
      lower: firstReport.lower,
      gradNorm: firstReport.gradNorm,
    });
  });

  it('commands answer through request ids; a failing command rejects with the worker’s message', async () => {
    const [rows, failure] = await Promise.all([
      client.command<MethodResult[]>('compare', { unrollSteps: 10, cgIterations: 10 }),
      client.command('no-such-command', null).then(
        () => 'resolved',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      ),
    ]);
    expect(rows.map((r) => r.method).sort()).toEqual(['exact', 'finite-difference', 'implicit', 'unrolled']);
    expect(failure).toBe('unknown command "no-such-command" (known: compare, contour)');
  });

  it('exports and imports weights across the boundary', async () => {
    client.step(5);
    await until(() => lastStatus()?.state === 'idle' && lastStatus()?.step === 6, 'six steps');
    const trained = lastSnapshot().theta;
    const files = await client.exportWeights({ from: 'test' });
    expect(files.json.meta).toMatchObject({ from: 'test', seed: 4, steps: 6, 'p.method': 'implicit' });
    expect(files.bin.byteLength).toBe(trained.length * 4);
    client.reset();
    await until(() => lastStatus()?.state === 'idle' && lastStatus()?.step === 0, 'the reset');
    expect(lastSnapshot().theta).not.toEqual(trained);
    await client.importWeights(files);
    expect(lastSnapshot().theta).toEqual(trained);
    expect(lastStatus()).toEqual({ state: 'idle', step: 0 });
  });

  it('an unknown example is an error status, not a fatal', async () => {
    client.load('no-such-example', settings, {});
    await until(() => lastStatus()?.state === 'error', 'the error status');
    expect(lastStatus()?.message).toMatch(
      /^Could not load no-such-example: unknown example "no-such-example"/,
    );
    await expect(client.command('compare', {})).rejects.toThrow('not loaded');
    expect(heard.fatal).toEqual([]);
  });
});
