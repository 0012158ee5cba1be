import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TrainingSession, type LoadRequest, type SessionEvents, type SessionStatus } from './session';
import { numberParam, type ExampleParams, type Problem, type ProblemFactory } from './problem';
import type { StepReport } from './trainer';
import { trainableVariable } from './variables';
import type { WeightsFiles } from './weights-format';
import { explorerFactory, type ExplorerSnapshot } from '../examples/explorer/problem';
import type { MethodResult } from '../examples/explorer/compare';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// ---------------------------------------------------------------------------------------------------------------
// A tiny, real problem: U(w) = ‖w − t‖² (L reports the step index), w₀ = seed/10 in every entry.
// It records what the session does to it, so the tests can check ordering and ownership.
// ---------------------------------------------------------------------------------------------------------------

interface FakeSnapshot {
  w: number[];
  target: number;
}

interface FakeProblem extends Problem<FakeSnapshot> {
  readonly log: string[];
  readonly calls: number[];
  disposed: boolean;
}

interface FakeParams extends ExampleParams {
  target: number;
  /** computeGradients(step) returns U = NaN the first time it sees this step index (−1: never). */
  nanAt: number;
  /** computeGradients(step) throws the first time it sees this step index (−1: never). */
  throwAt: number;
  /** Milliseconds each gradient computation waits (an async LL solve). */
  delay: number;
  /** 0: the problem has no `command` method. */
  commands: number;
}

const DIM = 3;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function makeFakeProblem(seed: number, params: FakeParams): FakeProblem {
  const w = trainableVariable('fake/w', tf.fill([DIM], seed / 10));
  const t = tf.fill([DIM], params.target);
  const log: string[] = [];
  const calls: number[] = [];
  let inStep = false;
  let nanDone = false;
  let throwDone = false;
  const problem: FakeProblem = {
    log,
    calls,
    disposed: false,
    variables: [w],
    async computeGradients(step) {
      if (problem.disposed) throw new Error('computeGradients on a disposed problem');
      if (inStep) throw new Error('two steps overlap');
      inStep = true;
      log.push(`step ${step}`);
      calls.push(step);
      try {
        if (params.delay > 0) await sleep(params.delay);
        if (step === params.throwAt && !throwDone) {
          throwDone = true;
          throw new Error('the LL solver failed');
        }
        const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(tf.sub(w, t))) as tf.Scalar, [w]);
        const upper = (await value.data())[0];
        value.dispose();
        const nan = step === params.nanAt && !nanDone;
        if (nan) nanDone = true;
        return {
          gradients: [grads[w.name]],
          upper: nan ? NaN : upper,
          lower: step,
          metrics: { twice: 2 * step },
        };
      } finally {
        inStep = false;
      }
    },
    async snapshot() {
      if (inStep) throw new Error('snapshot in the middle of a step');
      log.push('snapshot');
      return { w: Array.from(await w.data()), target: params.target };
    },
    dispose() {
      problem.disposed = true;
      tf.dispose([w, t]);
    },
  };
  if (params.commands > 0) {
    problem.command = async (name, payload) => {
      if (inStep) throw new Error(`command "${name}" ran in the middle of a step`);
      log.push(`command ${name}`);
      if (name === 'double') return (payload as number) * 2;
      if (name === 'shift') {
        w.assign(tf.add(w, payload as number));
        return null;
      }
      throw new Error(`unknown command "${name}"`);
    };
    problem.commandChangesSnapshot = (name) => name === 'shift';
  }
  return problem;
}

const FAKE_DEFAULTS: FakeParams = { target: 1, nanAt: -1, throwAt: -1, delay: 0, commands: 1 };

function fakeFactory(created: FakeProblem[], failCreate = false): ProblemFactory<FakeParams, FakeSnapshot> {
  return {
    defaultParams: FAKE_DEFAULTS,
    parseParams: (raw) => ({
      target: numberParam(raw, 'target', FAKE_DEFAULTS.target, -10, 10),
      nanAt: numberParam(raw, 'nanAt', FAKE_DEFAULTS.nanAt, -1, 1e6),
      throwAt: numberParam(raw, 'throwAt', FAKE_DEFAULTS.throwAt, -1, 1e6),
      delay: numberParam(raw, 'delay', FAKE_DEFAULTS.delay, 0, 1000),
      commands: numberParam(raw, 'commands', FAKE_DEFAULTS.commands, 0, 1),
    }),
    async create(settings, params) {
      if (failCreate) throw new Error('no such data set');
      const p = makeFakeProblem(settings.seed, params);
      created.push(p);
      return p;
    },
  };
}

/** Everything the session told its listener, in order. */
class Recorder implements SessionEvents {
  readonly statuses: SessionStatus[] = [];
  readonly batches: StepReport[][] = [];
  readonly snapshots: unknown[] = [];
  reports(reports: StepReport[]): void {
    this.batches.push([...reports]);
  }
  snapshot(snapshot: unknown): void {
    this.snapshots.push(snapshot);
  }
  status(status: SessionStatus): void {
    this.statuses.push({ ...status });
  }
  get steps(): number[] {
    return this.batches.flat().map((r) => r.step);
  }
  get last(): SessionStatus | undefined {
    return this.statuses.at(-1);
  }
  lastSnapshot(): FakeSnapshot {
    const s = this.snapshots.at(-1);
    if (!isFakeSnapshot(s)) throw new Error(`no snapshot of the fake problem: ${JSON.stringify(s)}`);
    return s;
  }
}

function isFakeSnapshot(s: unknown): s is FakeSnapshot {
  return typeof s === 'object' && s !== null && 'w' in s && Array.isArray((s as { w: unknown }).w);
}

interface Rig {
  session: TrainingSession;
  events: Recorder;
  created: FakeProblem[];
  requested: string[];
}

const sessions: TrainingSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

function rig(opts: { failCreate?: boolean } = {}): Rig {
  const events = new Recorder();
  const created: FakeProblem[] = [];
  const requested: string[] = [];
  const factory = fakeFactory(created, opts.failCreate);
  const session = new TrainingSession(events, async (id) => {
    requested.push(id);
    if (id !== 'fake') throw new Error(`unknown example "${id}"`);
    return {
      defaultParams: factory.defaultParams,
      parseParams: (raw: ExampleParams) => factory.parseParams(raw),
      create: (settings, params) => factory.create(settings, factory.parseParams(params)),
    };
  });
  sessions.push(session);
  return { session, events, created, requested };
}

function request(params: ExampleParams = {}, lr = 0.1, optimizer: 'adam' | 'sgd' = 'sgd'): LoadRequest {
  return { exampleId: 'fake', settings: { seed: 5, learningRate: lr, batchSize: 1, optimizer }, params };
}

async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!cond()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

/** One SGD step on ‖w − t‖² from w: w − lr·2(w − t), in float32 as tfjs computes it. */
const sgdStep = (w: number[], t: number, lr: number): number[] =>
  Array.from(Float32Array.from(w.map((x) => x - lr * 2 * (x - t))));

// ---------------------------------------------------------------------------------------------------------------

describe('TrainingSession: load', () => {
  it('goes loading → idle at step 0, parses the params and sends the first snapshot', async () => {
    const { session, events, created, requested } = rig();
    await session.load(request({ target: '3', delay: 'junk' }));
    expect(requested).toEqual(['fake']);
    expect(events.statuses.map((s) => [s.state, s.step])).toEqual([
      ['loading', 0],
      ['idle', 0],
    ]);
    expect(created).toHaveLength(1);
    // "3" from a URL becomes a number; junk falls back to the default.
    expect(events.lastSnapshot()).toEqual({ w: [0.5, 0.5, 0.5], target: 3 });
    expect(events.batches).toEqual([]);
  });

  it('reports an unknown example as an error status, and then neither trains nor runs commands', async () => {
    const { session, events } = rig();
    await session.load({ ...request(), exampleId: 'nope' });
    expect(events.last?.state).toBe('error');
    expect(events.last?.message).toBe('Could not load nope: unknown example "nope"');
    await session.play();
    await session.step(3);
    expect(events.batches).toEqual([]);
    expect(events.last?.state).toBe('error');
    await expect(session.command('double', 2)).rejects.toThrow('not loaded');
    await expect(session.exportWeights({})).rejects.toThrow('nothing is loaded');
  });

  it('reports a factory that throws as an error status', async () => {
    const { session, events } = rig({ failCreate: true });
    await session.load(request());
    expect(events.statuses.map((s) => s.state)).toEqual(['loading', 'error']);
    expect(events.last?.message).toBe('Could not load fake: no such data set');
  });

  it('a new load disposes the previous problem and never steps it again', async () => {
    const { session, events, created } = rig();
    await session.load(request({ delay: 3 }));
    const playing = session.play();
    await until(() => created[0].calls.length >= 3, 'three steps');
    await session.load(request({ target: -2 }));
    await playing;
    expect(created).toHaveLength(2);
    expect(created[0].disposed).toBe(true);
    expect(created[1].disposed).toBe(false);
    const stepsOfFirst = created[0].calls.length;
    await session.step(2);
    expect(created[0].calls).toHaveLength(stepsOfFirst);
    expect(created[1].calls).toEqual([0, 1]);
    expect(events.last).toEqual({ state: 'idle', step: 2 });
    expect(events.lastSnapshot().target).toBe(-2);
  });
});

describe('TrainingSession: step, play, pause, speed', () => {
  it('step(n) applies n updates, reports each once with U, L, ‖∇U‖ and metrics, then snapshots', async () => {
    const { session, events } = rig();
    await session.load(request({ target: 1 }, 0.1, 'sgd'));
    const w0 = events.lastSnapshot().w;
    await session.step(3);
    expect(events.steps).toEqual([1, 2, 3]);
    expect(events.last).toEqual({ state: 'idle', step: 3 });
    const reports = events.batches.flat();
    // U = ‖w − t‖² before each update, falling under SGD; ‖∇U‖ = 2‖w − t‖ = 2√U.
    const expectedW = [w0];
    for (let i = 0; i < 3; i++) expectedW.push(sgdStep(expectedW[i], 1, 0.1));
    reports.forEach((r, i) => {
      const u = expectedW[i].reduce((a, x) => a + (x - 1) ** 2, 0);
      expect(r.upper).toBeCloseTo(u, 5);
      expect(r.gradNorm).toBeCloseTo(2 * Math.sqrt(u), 5);
      expect(r.lower).toBe(i);
      expect(r.metrics).toEqual({ twice: 2 * i });
      expect(r.ms).toBeGreaterThanOrEqual(0);
    });
    expect(reports[2].upper).toBeLessThan(reports[0].upper);
    const w3 = events.lastSnapshot().w;
    w3.forEach((x, j) => expect(x).toBeCloseTo(expectedW[3][j], 6));
  });

  it('play runs until pause: running → idle with the step count, steps contiguous, nothing after pause', async () => {
    const { session, events, created } = rig();
    await session.load(request({ delay: 1 }));
    const playing = session.play();
    expect(events.last).toEqual({ state: 'running', step: 0 });
    await until(() => created[0].calls.length >= 5, 'five steps');
    session.pause();
    await playing;
    const taken = created[0].calls.length;
    expect(events.last).toEqual({ state: 'idle', step: taken });
    expect(events.steps).toEqual(Array.from({ length: taken }, (_, i) => i + 1));
    expect(created[0].calls).toEqual(Array.from({ length: taken }, (_, i) => i));
    await sleep(30);
    expect(created[0].calls).toHaveLength(taken);
    // The last snapshot shows the weights after the last step (a snapshot is forced on pause).
    expect(created[0].log.at(-1)).toBe('snapshot');
  });

  it('a second play while running does not start a second loop; step while running is ignored', async () => {
    const { session, events, created } = rig();
    await session.load(request({ delay: 2 }));
    const a = session.play();
    const b = session.play();
    await session.step(5); // ignored: it would interleave with the loop
    await until(() => created[0].calls.length >= 6, 'six steps');
    session.pause();
    await Promise.all([a, b]);
    const taken = created[0].calls.length;
    expect(created[0].calls).toEqual(Array.from({ length: taken }, (_, i) => i));
    expect(events.statuses.filter((s) => s.state === 'running')).toHaveLength(1);
    expect(events.last).toEqual({ state: 'idle', step: taken });
  });

  it('play resumes from the current step', async () => {
    const { session, events, created } = rig();
    await session.load(request());
    await session.step(4);
    const playing = session.play();
    expect(events.last).toEqual({ state: 'running', step: 4 });
    await until(() => created[0].calls.length >= 6, 'two more steps');
    session.pause();
    await playing;
    expect(created[0].calls.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('speed limits the steps per second; null runs flat out', async () => {
    const { session, created } = rig();
    await session.load(request());
    session.setSpeed(4); // one step, then one every 250 ms
    let playing = session.play();
    await sleep(600);
    session.pause();
    await playing;
    const slow = created[0].calls.length;
    expect(slow).toBeGreaterThanOrEqual(1);
    expect(slow).toBeLessThanOrEqual(4);

    session.setSpeed(null);
    playing = session.play();
    await sleep(600);
    session.pause();
    await playing;
    const fast = created[0].calls.length - slow;
    expect(fast).toBeGreaterThan(4 * slow);
  });

  it('batches reports (fewer report messages than steps when stepping fast)', async () => {
    const { session, events, created } = rig();
    await session.load(request());
    const playing = session.play();
    await until(() => created[0].calls.length >= 200, '200 steps');
    session.pause();
    await playing;
    expect(events.steps).toEqual(Array.from({ length: created[0].calls.length }, (_, i) => i + 1));
    expect(events.batches.length).toBeLessThan(created[0].calls.length / 5);
  });
});

describe('TrainingSession: divergence and errors', () => {
  it('refuses the NaN step: weights back to the last checkpoint, status diverged with lr/10, no report for it', async () => {
    const { session, events, created } = rig();
    await session.load(request({ nanAt: 3 }, 0.1, 'sgd'));
    // The trainer keeps the weights every 25 steps; before step 25 its checkpoint is the initial weights.
    const before = events.lastSnapshot().w;
    await session.step(3);
    expect(events.lastSnapshot().w).not.toEqual(before);
    const playing = session.play();
    await playing; // stops on its own at the bad step
    expect(created[0].calls).toEqual([0, 1, 2, 3]);
    expect(events.steps).toEqual([1, 2, 3]);
    const d = events.last;
    expect(d?.state).toBe('diverged');
    expect(d?.step).toBe(3);
    expect(d?.suggestedLearningRate).toBeCloseTo(0.01, 12);
    expect(d?.message).toBe(
      'Training diverged: U became NaN at step 4 with learning rate 0.1; the update was not applied and the ' +
        'weights were restored from step 0. Try a lower learning rate, e.g. 0.01.',
    );
    expect(events.lastSnapshot().w).toEqual(before);

    // A new learning rate clears the divergence; training continues (step 4 on) from the restored weights.
    session.setLearningRate(0.01);
    expect(events.last).toEqual({ state: 'idle', step: 3 });
    await session.step(1);
    expect(events.steps).toEqual([1, 2, 3, 4]);
    const after = events.lastSnapshot().w;
    sgdStep(before, 1, 0.01).forEach((x, j) => expect(after[j]).toBeCloseTo(x, 6));
  });

  it('a real blow-up (SGD with too large a step) stops before any non-finite weight is applied', async () => {
    const { session, events } = rig();
    await session.load(request({ target: 1 }, 10, 'sgd')); // w − t grows ×19 per step
    const playing = session.play();
    await playing;
    expect(events.last?.state).toBe('diverged');
    expect(events.last?.message).toMatch(/became (Infinity|NaN) at step \d+ with learning rate 10;/);
    const reports = events.batches.flat();
    expect(reports.length).toBeGreaterThan(5);
    for (const r of reports) expect(Number.isFinite(r.upper) && Number.isFinite(r.gradNorm)).toBe(true);
    for (const x of events.lastSnapshot().w) expect(Number.isFinite(x)).toBe(true);
    expect(events.last?.step).toBe(reports.at(-1)?.step);
  });

  it('a step that throws ends in an error status with the message; play is then refused', async () => {
    const { session, events, created } = rig();
    await session.load(request({ throwAt: 2 }));
    await session.play();
    expect(events.last).toEqual({
      state: 'error',
      step: 2,
      message: 'Training step failed: the LL solver failed',
    });
    expect(events.steps).toEqual([1, 2]);
    const calls = created[0].calls.length;
    await session.play();
    expect(created[0].calls).toHaveLength(calls);
    // A reset rebuilds the problem and clears the error.
    await session.reset();
    expect(events.last).toEqual({ state: 'idle', step: 0 });
  });
});

describe('TrainingSession: reset, learning rate, optimizer', () => {
  it('reset rebuilds from the same seed: initial weights, step 0 and the same curve again', async () => {
    const { session, events, created } = rig();
    await session.load(request({ target: 2 }));
    const initial = events.lastSnapshot().w;
    await session.step(4);
    const first = events.batches.flat().map((r) => r.upper);
    events.batches.length = 0;
    const statusesBefore = events.statuses.length;
    await session.reset();
    expect(events.statuses.slice(statusesBefore).map((s) => [s.state, s.step])).toEqual([
      ['loading', 0],
      ['idle', 0],
    ]);
    expect(created).toHaveLength(2);
    expect(created[0].disposed).toBe(true);
    expect(events.lastSnapshot().w).toEqual(initial);
    await session.step(4);
    expect(events.batches.flat().map((r) => r.upper)).toEqual(first);
  });

  it('reset before any load does nothing', async () => {
    const { session, events, created } = rig();
    await session.reset();
    expect(events.statuses).toEqual([]);
    expect(created).toEqual([]);
  });

  it('a learning rate or optimizer changed while loaded survives a reset', async () => {
    const { session, events } = rig();
    await session.load(request({ target: 1 }, 0.1, 'adam'));
    session.setLearningRate(0.05);
    session.setOptimizer('sgd');
    await session.reset();
    const w0 = events.lastSnapshot().w;
    await session.step(1);
    const w1 = events.lastSnapshot().w;
    sgdStep(w0, 1, 0.05).forEach((x, j) => expect(w1[j]).toBeCloseTo(x, 6));
  });

  it('setOptimizer switches the update rule at once (Adam moves each weight by ≈ lr, SGD by lr·g)', async () => {
    const { session, events } = rig();
    await session.load(request({ target: 1 }, 0.01, 'adam'));
    const w0 = events.lastSnapshot().w; // 0.5, so g = 2(w − t) = −1
    await session.step(1);
    const w1 = events.lastSnapshot().w;
    w1.forEach((x, j) => expect(x - w0[j]).toBeCloseTo(0.01, 5)); // Adam's first step: lr·sign(g)
    session.setOptimizer('sgd');
    await session.step(1);
    const w2 = events.lastSnapshot().w;
    sgdStep(w1, 1, 0.01).forEach((x, j) => expect(w2[j]).toBeCloseTo(x, 6));
  });
});

describe('TrainingSession: commands', () => {
  it('returns the command value; a command that changes the view sends a fresh snapshot', async () => {
    const { session, events } = rig();
    await session.load(request());
    const snapshots = events.snapshots.length;
    expect(await session.command('double', 21)).toBe(42);
    expect(events.snapshots).toHaveLength(snapshots);
    await session.command('shift', 1);
    expect(events.snapshots).toHaveLength(snapshots + 1);
    expect(events.lastSnapshot().w).toEqual([1.5, 1.5, 1.5]);
  });

  it('passes a command error back as a rejection and stays usable', async () => {
    const { session, events } = rig();
    await session.load(request());
    await expect(session.command('explode', null)).rejects.toThrow('unknown command "explode"');
    await session.step(1);
    expect(events.last).toEqual({ state: 'idle', step: 1 });
  });

  it('refuses commands where the problem has none', async () => {
    const { session } = rig();
    await session.load(request({ commands: 0 }));
    await expect(session.command('double', 1)).rejects.toThrow('this example has no commands');
  });

  it('never runs a command or a snapshot in the middle of a step while playing', async () => {
    const { session, created } = rig();
    await session.load(request({ delay: 4 }));
    const playing = session.play();
    const results: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      await sleep(3);
      results.push(await session.command('double', i));
    }
    session.pause();
    await playing;
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    // The fake throws on overlap, so reaching here means none happened; the log shows commands between steps.
    const log = created[0].log;
    expect(log.filter((l) => l.startsWith('command'))).toHaveLength(8);
    expect(created[0].calls.length).toBeGreaterThan(1);
  });
});

describe('TrainingSession: weights export and import', () => {
  it('exports the weights with params, seed and step count, and imports them back (step and curve restart)', async () => {
    const { session, events } = rig();
    await session.load(request({ target: 2 }));
    await session.step(3);
    const saved = events.lastSnapshot().w;
    const files = await session.exportWeights({ note: 'test', good: true });
    expect(files.json.example).toBe('fake');
    expect(files.json.meta).toMatchObject({ note: 'test', good: true, 'p.target': 2, seed: 5, steps: 3 });
    expect(files.json.weightsManifest[0].weights.map((w) => w.shape)).toEqual([[DIM]]);
    expect(files.bin.byteLength).toBe(DIM * 4);

    await session.step(5);
    expect(events.lastSnapshot().w).not.toEqual(saved);
    await session.importWeights(files);
    expect(events.last).toEqual({ state: 'idle', step: 0 });
    expect(events.lastSnapshot().w).toEqual(saved);
    events.batches.length = 0;
    await session.step(1);
    expect(events.steps).toEqual([1]);
  });

  it('refuses weights of another example or shape and keeps the model as it was', async () => {
    const { session, events } = rig();
    await session.load(request());
    await session.step(2);
    const files = await session.exportWeights({});
    const kept = events.lastSnapshot().w;
    const statuses = events.statuses.length;

    const other: WeightsFiles = { ...files, json: { ...files.json, example: 'explorer' } };
    await expect(session.importWeights(other)).rejects.toThrow(/another example/);
    const wrongShape: WeightsFiles = {
      json: {
        ...files.json,
        weightsManifest: [
          { paths: ['weights.bin'], weights: [{ name: '0/fake/w', shape: [2], dtype: 'float32' }] },
        ],
      },
      bin: new ArrayBuffer(8),
    };
    await expect(session.importWeights(wrongShape)).rejects.toThrow();
    expect(events.statuses).toHaveLength(statuses);
    await session.step(0); // no update: only a fresh snapshot of the weights
    expect(events.last).toEqual({ state: 'idle', step: 2 });
    expect(events.lastSnapshot().w).toEqual(kept);
  });

  it('import before any load is refused', async () => {
    const { session } = rig();
    const files: WeightsFiles = {
      json: {
        format: 'il-playground-weights',
        formatVersion: 1,
        example: 'fake',
        meta: {},
        weightsManifest: [{ paths: ['weights.bin'], weights: [] }],
      },
      bin: new ArrayBuffer(0),
    };
    await expect(session.importWeights(files)).rejects.toThrow('nothing is loaded');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// One real example, through the same session the worker uses.
// ---------------------------------------------------------------------------------------------------------------

describe('TrainingSession with the explorer example', () => {
  function explorerRig(): { session: TrainingSession; events: Recorder } {
    const events = new Recorder();
    const session = new TrainingSession(events, async (id) => {
      if (id !== 'explorer') throw new Error(`unknown example "${id}"`);
      return {
        defaultParams: explorerFactory.defaultParams,
        parseParams: (raw: ExampleParams) => explorerFactory.parseParams(raw),
        create: (settings, params) => explorerFactory.create(settings, explorerFactory.parseParams(params)),
      };
    });
    sessions.push(session);
    return { session, events };
  }
  const load: LoadRequest = {
    exampleId: 'explorer',
    settings: { seed: 3, learningRate: 0.1, batchSize: 1, optimizer: 'adam' },
    params: { method: 'implicit', cgIterations: 5 },
  };
  const explorerSnapshot = (events: Recorder): ExplorerSnapshot =>
    events.snapshots.at(-1) as ExplorerSnapshot;

  it('trains, lowers U, answers the compare command, and resets to the same curve', async () => {
    const { session, events } = explorerRig();
    await session.load({ ...load, settings: { ...load.settings }, params: { ...load.params } });
    expect(events.last).toEqual({ state: 'idle', step: 0 });
    const theta0 = explorerSnapshot(events).theta;
    expect(theta0.length).toBeGreaterThan(0);

    await session.step(40);
    const reports = events.batches.flat();
    expect(reports.map((r) => r.step)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(reports[39].upper).toBeLessThan(reports[0].upper);
    expect(explorerSnapshot(events).path.length).toBeGreaterThan(1);

    const rows = (await session.command('compare', { unrollSteps: 20, cgIterations: 20 })) as MethodResult[];
    expect(rows.map((r) => r.method).sort()).toEqual(['exact', 'finite-difference', 'implicit', 'unrolled']);
    const implicit = rows.find((r) => r.method === 'implicit');
    expect(implicit?.relativeError).toBeLessThan(1e-3);

    const firstFive = reports.slice(0, 5).map((r) => r.upper);
    events.batches.length = 0;
    await session.reset();
    expect(explorerSnapshot(events).theta).toEqual(theta0);
    await session.step(5);
    expect(events.batches.flat().map((r) => r.upper)).toEqual(firstFive);
  });

  it('round-trips its weights through export and import', async () => {
    const { session, events } = explorerRig();
    await session.load({ ...load, settings: { ...load.settings }, params: { ...load.params } });
    await session.step(10);
    const trained = explorerSnapshot(events).theta;
    const files = await session.exportWeights({});
    expect(files.json.example).toBe('explorer');
    expect(files.json.meta).toMatchObject({ 'p.method': 'implicit', seed: 3, steps: 10 });
    await session.reset();
    expect(explorerSnapshot(events).theta).not.toEqual(trained);
    await session.importWeights(files);
    expect(explorerSnapshot(events).theta).toEqual(trained);
    expect(events.last).toEqual({ state: 'idle', step: 0 });
  });
});
