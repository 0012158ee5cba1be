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
}

/** The app's only way to train: typed messages to a dedicated worker, typed promises back. */
export class TrainingClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly listeners: WorkerListeners,
    backend: BackendName | 'auto',
  ) {
    this.worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    this.worker.onerror = (event) => listeners.fatal(event.message || 'the training worker failed to start');
    this.send({ type: 'init', backend });
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'backend':
        return this.listeners.backend(message.choice);
      case 'reports':
        return this.listeners.reports(message.reports, message.version);
      case 'snapshot':
        return this.listeners.snapshot(message.snapshot, message.version);
      case 'status':
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
    this.send({ type: 'load', exampleId, settings, params });
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
    this.send({ type: 'speed', speed });
  }
  setLearningRate(value: number): void {
    this.send({ type: 'learningRate', value });
  }
  setOptimizer(value: OptimizerKind): void {
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
