import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrainingClient, type WorkerListeners } from './client';
import type { FromWorker, ToWorker } from './protocol';
import type { BackendChoice } from '../il/backend-names';
import type { SessionStatus } from '../il/session';
import type { StepReport } from '../il/trainer';
import type { WeightsFiles } from '../il/weights-format';

/** Stands in for the browser's Worker: records what the client posts and lets the test answer. */
class FakeWorker {
  static instances: FakeWorker[] = [];
  readonly posted: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;

  constructor(
    readonly url: URL,
    readonly options: { type?: string },
  ) {
    FakeWorker.instances.push(this);
  }
  postMessage(message: ToWorker): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    // What crosses a real worker boundary is a structured clone.
    this.posted.push(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker answers. */
  reply(message: FromWorker): void {
    this.onmessage?.({ data: structuredClone(message) });
  }
  fail(message: string): void {
    this.onerror?.({ message });
  }
}

interface Heard {
  backend: BackendChoice[];
  reports: StepReport[][];
  snapshot: unknown[];
  status: SessionStatus[];
  fatal: string[];
}

function listen(): { heard: Heard; listeners: WorkerListeners } {
  const heard: Heard = { backend: [], reports: [], snapshot: [], status: [], fatal: [] };
  return {
    heard,
    listeners: {
      backend: (c) => heard.backend.push(c),
      reports: (r) => heard.reports.push(r),
      snapshot: (s) => heard.snapshot.push(s),
      status: (s) => heard.status.push(s),
      fatal: (m) => heard.fatal.push(m),
    },
  };
}

function start(backend: 'auto' | 'wasm' = 'auto'): {
  client: TrainingClient;
  worker: FakeWorker;
  heard: Heard;
} {
  const { heard, listeners } = listen();
  const client = new TrainingClient(listeners, backend);
  const worker = FakeWorker.instances.at(-1);
  if (!worker) throw new Error('the client made no worker');
  return { client, worker, heard };
}

const settings = { seed: 7, learningRate: 0.05, batchSize: 8, optimizer: 'sgd' as const };

beforeEach(() => {
  FakeWorker.instances = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TrainingClient → worker', () => {
  it('starts one module worker on training.worker.ts and sends init with the backend first', () => {
    const { worker } = start('wasm');
    expect(FakeWorker.instances).toHaveLength(1);
    expect(worker.url.pathname.endsWith('/src/worker/training.worker.ts')).toBe(true);
    expect(worker.options).toEqual({ type: 'module' });
    expect(worker.posted).toEqual([{ type: 'init', backend: 'wasm' }]);
  });

  it('sends every transport and settings call as its typed message, in call order', () => {
    const { client, worker } = start();
    client.load('explorer', settings, { method: 'implicit', k: 5, on: true });
    client.play();
    client.pause();
    client.step();
    client.step(10);
    client.reset();
    client.setSpeed(30);
    client.setSpeed(null);
    client.setLearningRate(0.001);
    client.setOptimizer('adam');
    expect(worker.posted).toEqual([
      { type: 'init', backend: 'auto' },
      {
        type: 'load',
        exampleId: 'explorer',
        settings,
        params: { method: 'implicit', k: 5, on: true },
      },
      { type: 'play' },
      { type: 'pause' },
      { type: 'step', count: 1 },
      { type: 'step', count: 10 },
      { type: 'reset' },
      { type: 'speed', speed: 30 },
      { type: 'speed', speed: null },
      { type: 'learningRate', value: 0.001 },
      { type: 'optimizer', value: 'adam' },
    ]);
  });

  it('numbers requests uniquely and sends their payloads', () => {
    const { client, worker } = start();
    void client.command('compare', { unrollSteps: 3 });
    void client.exportWeights({ note: 'x', steps: 4, ok: true });
    const files: WeightsFiles = {
      json: {
        format: 'il-playground-weights',
        formatVersion: 1,
        example: 'explorer',
        meta: {},
        weightsManifest: [{ paths: ['weights.bin'], weights: [] }],
      },
      bin: new ArrayBuffer(0),
    };
    void client.importWeights(files);
    const requests = worker.posted.slice(1);
    expect(requests.map((m) => m.type)).toEqual(['command', 'exportWeights', 'importWeights']);
    const ids = requests.map((m) => ('id' in m ? m.id : -1));
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
    expect(requests[0]).toMatchObject({ name: 'compare', payload: { unrollSteps: 3 } });
    expect(requests[1]).toMatchObject({ meta: { note: 'x', steps: 4, ok: true } });
    expect(requests[2]).toMatchObject({ files: { json: { example: 'explorer' } } });
  });
});

describe('worker → TrainingClient', () => {
  it('routes backend, reports, snapshot, status and fatal messages to their listeners', () => {
    const { worker, heard } = start();
    const choice: BackendChoice = {
      name: 'wasm',
      requested: 'auto',
      fallbacks: [{ name: 'webgpu', reason: 'x' }],
    };
    const reports: StepReport[] = [{ step: 1, upper: 2, lower: 3, gradNorm: 4, ms: 5, metrics: { a: 6 } }];
    worker.reply({ type: 'backend', choice });
    const version = { generation: 3, step: 9 };
    worker.reply({ type: 'reports', reports, version });
    worker.reply({ type: 'snapshot', snapshot: { theta: [1, 2] }, version });
    worker.reply({
      type: 'status',
      status: { state: 'diverged', step: 9, suggestedLearningRate: 0.01 },
      version,
    });
    worker.reply({ type: 'fatal', message: 'out of memory' });
    expect(heard).toEqual({
      backend: [choice],
      reports: [reports],
      snapshot: [{ theta: [1, 2] }],
      status: [{ state: 'diverged', step: 9, suggestedLearningRate: 0.01 }],
      fatal: ['out of memory'],
    });
  });

  it('resolves and rejects each request by its id, whatever the order of the answers', async () => {
    const { client, worker } = start();
    const a = client.command<number>('a', null);
    const b = client.command<string>('b', null);
    const c = client.command<unknown>('c', null);
    const [ida, idb, idc] = worker.posted.slice(1).map((m) => ('id' in m ? m.id : -1));
    worker.reply({ type: 'result', id: idc, ok: false, error: 'no such command "c"' });
    worker.reply({ type: 'result', id: ida, ok: true, value: 42 });
    worker.reply({ type: 'result', id: idb, ok: true, value: 'bee' });
    await expect(a).resolves.toBe(42);
    await expect(b).resolves.toBe('bee');
    await expect(c).rejects.toThrow('no such command "c"');
  });

  it('ignores a result for an unknown or already answered id', async () => {
    const { client, worker, heard } = start();
    const a = client.command<number>('a', null);
    const id = worker.posted[1].type === 'command' ? worker.posted[1].id : -1;
    worker.reply({ type: 'result', id: id + 100, ok: true, value: 1 });
    worker.reply({ type: 'result', id, ok: true, value: 2 });
    worker.reply({ type: 'result', id, ok: false, error: 'late duplicate' });
    await expect(a).resolves.toBe(2);
    expect(heard.fatal).toEqual([]);
  });

  it('importWeights resolves to nothing; exportWeights to the files', async () => {
    const { client, worker } = start();
    const files: WeightsFiles = {
      json: {
        format: 'il-playground-weights',
        formatVersion: 1,
        example: 'explorer',
        meta: { seed: 1 },
        weightsManifest: [
          { paths: ['weights.bin'], weights: [{ name: '0/theta', shape: [2], dtype: 'float32' }] },
        ],
      },
      bin: new Float32Array([1, 2]).buffer,
    };
    const exported = client.exportWeights({});
    const imported = client.importWeights(files);
    const [ide, idi] = worker.posted.slice(1).map((m) => ('id' in m ? m.id : -1));
    worker.reply({ type: 'result', id: ide, ok: true, value: files });
    worker.reply({ type: 'result', id: idi, ok: true, value: 'ignored' });
    const got = await exported;
    expect(got.json).toEqual(files.json);
    expect(Array.from(new Float32Array(got.bin))).toEqual([1, 2]);
    await expect(imported).resolves.toBeUndefined();
  });

  it('a worker that fails to start is reported as fatal, with a default message when the event has none', () => {
    const { worker, heard } = start();
    worker.fail('SyntaxError in training.worker.ts');
    worker.fail('');
    expect(heard.fatal).toEqual(['SyntaxError in training.worker.ts', 'the training worker failed to start']);
  });

  it('a worker that dies while training is replaced: same backend, speed and run, the last checkpoint imported', async () => {
    const { heard, listeners } = listen();
    const restarted: string[] = [];
    const client = new TrainingClient({ ...listeners, restarted: (m) => restarted.push(m) }, 'wasm');
    const first = FakeWorker.instances[0];
    const version = { generation: 1, step: 0 };
    first.reply({ type: 'backend', choice: { name: 'wasm', requested: 'wasm', fallbacks: [] } });
    client.setSpeed(5);
    client.load('explorer', settings, { method: 'implicit' });
    client.setLearningRate(0.01);
    first.reply({ type: 'status', status: { state: 'running', step: 0 }, version });
    first.reply({
      type: 'reports',
      reports: [{ step: 12, upper: 1, lower: 1, gradNorm: 1, ms: 1 }],
      version,
    });
    // Pausing checkpoints the weights: the client asks for them and keeps the answer.
    first.reply({ type: 'status', status: { state: 'idle', step: 12 }, version });
    const ask = first.posted.at(-1);
    if (ask?.type !== 'exportWeights') throw new Error(`expected an export, got ${ask?.type}`);
    const files: WeightsFiles = {
      json: {
        format: 'imperative-learning-playground/weights',
        exampleId: 'explorer',
        meta: {},
        weightsManifest: [],
      },
      bin: new ArrayBuffer(0),
    } as unknown as WeightsFiles;
    first.reply({ type: 'result', id: ask.id, ok: true, value: files });
    await Promise.resolve();

    first.fail('out of memory');
    expect(first.terminated).toBe(true);
    expect(FakeWorker.instances).toHaveLength(2);
    const second = FakeWorker.instances[1];
    expect(second.posted.map((m) => m.type)).toEqual(['init', 'speed', 'load', 'importWeights']);
    expect(second.posted[0]).toEqual({ type: 'init', backend: 'wasm' });
    expect(second.posted[2]).toEqual({
      type: 'load',
      exampleId: 'explorer',
      settings: { ...settings, learningRate: 0.01 },
      params: { method: 'implicit' },
    });
    expect(restarted).toEqual([
      'The training worker stopped (out of memory) and was restarted with the weights of step 12.',
    ]);
    expect(heard.fatal).toEqual([]);
    // Crashing over and over is not bad luck: after three restarts within a minute the page is told it stopped.
    for (let i = 0; i < 3; i++) {
      const w = FakeWorker.instances.at(-1)!;
      w.reply({ type: 'backend', choice: { name: 'wasm', requested: 'wasm', fallbacks: [] } });
      w.fail('device lost');
    }
    expect(heard.fatal).toEqual(['device lost']);
  });

  it('dispose terminates the worker and rejects every pending request', async () => {
    const { client, worker } = start();
    const a = client.command('a', null);
    const b = client.exportWeights({});
    client.dispose();
    expect(worker.terminated).toBe(true);
    await expect(a).rejects.toThrow('the training worker was stopped');
    await expect(b).rejects.toThrow('the training worker was stopped');
  });
});
