import type { BackendChoice, BackendName } from '../il/backend-names';
import type { WeightsFiles } from '../il/weights-format';
import type { ExampleParams, OptimizerKind, TrainingSettings } from '../il/problem';
import type { RunVersion, SessionStatus, Speed } from '../il/session';
import type { StepReport } from '../il/trainer';
import type { FromWorker, ToWorker } from './protocol';

export interface WorkerListeners {
  backend(choice: BackendChoice): void;
  reports(reports: StepReport[], version: RunVersion): void;
  snapshot(snapshot: unknown, version: RunVersion): void;
  status(status: SessionStatus, version: RunVersion): void;
  fatal(message: string): void;
  /** The worker died while training and a new one took over (with the last checkpoint's weights, where there is one). */
  restarted?(message: string): void;
}

/** A running worker's weights are fetched for a restart at most this often (and whenever training pauses). */
const CHECKPOINT_MS = 30_000;
/** More crashes than this within a minute is not bad luck: the page is told it stopped. */
const MAX_RESTARTS_PER_MINUTE = 3;

/** The app's only way to train: typed messages to a dedicated worker, typed promises back. */
export class TrainingClient {
  private worker!: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** What a restarted worker needs to take over: the backend asked for, the run, its settings and a checkpoint. */
  private started = false;
  private lastLoad: Extract<ToWorker, { type: 'load' }> | null = null;
  private speed: Speed = null;
  private checkpoint: { files: WeightsFiles; step: number } | null = null;
  private lastCheckpointAt = 0;
  private lastStep = 0;
  private running = false;
  private readonly restarts: number[] = [];

  constructor(
    private readonly listeners: WorkerListeners,
    private readonly backend: BackendName | 'auto',
  ) {
    this.start();
  }

  private start(): void {
    this.started = false;
    this.worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => this.crashed(event.message);
    this.send({ type: 'init', backend: this.backend });
  }

  /**
   * A worker that fails to start is fatal. One that dies while it runs (out of memory, a GPU device lost) is
   * replaced: the same run is loaded again and the last checkpoint's weights imported, and the page is told.
   */
  private crashed(message: string): void {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length && now - this.restarts[0] > 60_000) this.restarts.shift();
    if (!this.started || !this.lastLoad || this.restarts.length > MAX_RESTARTS_PER_MINUTE) {
      this.listeners.fatal(message || 'the training worker failed to start');
      return;
    }
    this.worker.terminate();
    for (const p of this.waiting.values())
      p.reject(new Error('the training worker stopped and was restarted'));
    this.waiting.clear();
    const load = this.lastLoad;
    const checkpoint = this.checkpoint;
    this.start();
    this.setSpeed(this.speed);
    this.send(load);
    if (checkpoint) void this.importWeights(checkpoint.files).catch(() => undefined);
    this.listeners.restarted?.(
      `The training worker stopped (${message || 'no reason given'}) and was restarted` +
        (checkpoint ? ` with the weights of step ${checkpoint.step}.` : ' from the start of the run.'),
    );
  }

  /** Keeps the weights for a restart: when training pauses, and every CHECKPOINT_MS while it runs. */
  private maybeCheckpoint(status: SessionStatus): void {
    const wasRunning = this.running;
    this.running = status.state === 'running';
    const due =
      (wasRunning && status.state === 'idle') ||
      (this.running && Date.now() - this.lastCheckpointAt > CHECKPOINT_MS);
    if (!due || this.lastStep === 0 || this.lastStep === this.checkpoint?.step) return;
    const step = this.lastStep;
    this.lastCheckpointAt = Date.now();
    this.exportWeights({ checkpoint: true }).then(
      (files) => (this.checkpoint = { files, step }),
      () => undefined,
    );
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'backend':
        this.started = true;
        return this.listeners.backend(message.choice);
      case 'reports':
        this.lastStep = message.reports.at(-1)?.step ?? this.lastStep;
        if (this.running && Date.now() - this.lastCheckpointAt > CHECKPOINT_MS)
          this.maybeCheckpoint({ state: 'running', step: this.lastStep });
        return this.listeners.reports(message.reports, message.version);
      case 'snapshot':
        return this.listeners.snapshot(message.snapshot, message.version);
      case 'status':
        if (message.status.state === 'loading') {
          this.checkpoint = null;
          this.lastStep = 0;
        } else this.lastStep = Math.max(this.lastStep, message.status.step);
        this.maybeCheckpoint(message.status);
        return this.listeners.status(message.status, message.version);
      case 'fatal':
        return this.listeners.fatal(message.message);
      case 'result': {
        const pending = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (!pending) return;
        if (message.ok) pending.resolve(message.value);
        else pending.reject(new Error(message.error));
      }
    }
  }

  private request<T>(build: (id: number) => ToWorker): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send(build(id));
    });
  }

  load(exampleId: string, settings: TrainingSettings, params: ExampleParams): void {
    this.lastLoad = { type: 'load', exampleId, settings, params };
    this.send(this.lastLoad);
  }
  play(): void {
    this.send({ type: 'play' });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  step(count = 1): void {
    this.send({ type: 'step', count });
  }
  reset(): void {
    this.send({ type: 'reset' });
  }
  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.send({ type: 'speed', speed });
  }
  setLearningRate(value: number): void {
    if (this.lastLoad)
      this.lastLoad = { ...this.lastLoad, settings: { ...this.lastLoad.settings, learningRate: value } };
    this.send({ type: 'learningRate', value });
  }
  setOptimizer(value: OptimizerKind): void {
    if (this.lastLoad)
      this.lastLoad = { ...this.lastLoad, settings: { ...this.lastLoad.settings, optimizer: value } };
    this.send({ type: 'optimizer', value });
  }
  /** An example-specific computation in the worker (gradient check, comparison, evaluation …). */
  command<T>(name: string, payload: unknown): Promise<T> {
    return this.request<T>((id) => ({ type: 'command', id, name, payload }));
  }
  exportWeights(meta: Record<string, string | number | boolean>): Promise<WeightsFiles> {
    return this.request<WeightsFiles>((id) => ({ type: 'exportWeights', id, meta }));
  }
  importWeights(files: WeightsFiles): Promise<void> {
    return this.request<unknown>((id) => ({ type: 'importWeights', id, files })).then(() => undefined);
  }

  dispose(): void {
    this.worker.terminate();
    for (const p of this.waiting.values()) p.reject(new Error('the training worker was stopped'));
    this.waiting.clear();
  }
}
