import { Trainer, type StepReport } from './trainer';
import type { ExampleParams, OptimizerKind, Problem, ProblemFactory, TrainingSettings } from './problem';
import { assignVariables, encodeVariables, type WeightsFiles } from './checkpoint';

export type SessionState = 'loading' | 'idle' | 'running' | 'diverged' | 'error';

export interface SessionStatus {
  state: SessionState;
  step: number;
  message?: string;
  /** Offered to the user after a divergence. */
  suggestedLearningRate?: number;
}

/**
 * Which run a message belongs to: `generation` counts loads (a reset or new params start a new one), `step` is the
 * trainer's step when it was sent. The page drops what an older generation sends late.
 */
export interface RunVersion {
  generation: number;
  step: number;
}

export interface SessionEvents {
  reports(reports: StepReport[], version: RunVersion): void;
  snapshot(snapshot: unknown, version: RunVersion): void;
  status(status: SessionStatus, version: RunVersion): void;
}

export interface LoadRequest {
  exampleId: string;
  settings: TrainingSettings;
  params: ExampleParams;
}

/** Steps per second; null runs as fast as the backend allows. */
export type Speed = number | null;

const REPORT_FLUSH_MS = 100;
/** Snapshots can be costly (evaluations, renders of learned maps): at most this share of the time goes to them. */
const SNAPSHOT_TIME_SHARE = 0.25;
const MIN_SNAPSHOT_INTERVAL_MS = 150;
/** How often a loop sleeping between slow steps checks for a pause. */
const PAUSE_POLL_MS = 50;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const yieldToEventLoop = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One example's training, free of any DOM: the worker wraps it in messages, the CLI could drive it directly.
 * Play runs steps until paused, yielding to the event loop between steps so pause/step/commands are heard.
 */
export class TrainingSession {
  private problem: Problem | null = null;
  private trainer: Trainer | null = null;
  private request: LoadRequest | null = null;
  private running = false;
  private generation = 0;
  private readonly viewInputs = new Map<string, unknown>();
  private loopId = 0;
  private busy: Promise<unknown> = Promise.resolve();
  private speed: Speed = null;
  private status: SessionStatus = { state: 'loading', step: 0 };
  private pending: StepReport[] = [];
  private lastFlush = 0;
  private lastSnapshot = 0;
  private snapshotCost = 0;

  constructor(
    private readonly events: SessionEvents,
    private readonly loadFactory: (exampleId: string) => Promise<ProblemFactory>,
  ) {}

  /** Serialises everything that touches the problem, so a command never runs in the middle of a step. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => undefined);
    return next;
  }

  private get version(): RunVersion {
    return { generation: this.generation, step: this.trainer?.stepCount ?? 0 };
  }

  private setStatus(status: SessionStatus): void {
    this.status = status;
    this.events.status(status, this.version);
  }

  /** A line for the page while the next load is prepared (e.g. the backend self-check): the coming generation's. */
  announceLoading(message: string): void {
    this.events.status({ state: 'loading', step: 0, message }, { generation: this.generation + 1, step: 0 });
  }

  async load(request: LoadRequest): Promise<void> {
    this.running = false;
    await this.exclusive(async () => {
      this.disposeProblem();
      if (this.request?.exampleId !== request.exampleId) this.viewInputs.clear();
      this.request = request;
      this.generation += 1;
      this.pending = [];
      this.setStatus({ state: 'loading', step: 0 });
      try {
        const factory = await this.loadFactory(request.exampleId);
        const params = factory.parseParams(request.params);
        this.problem = await factory.create(request.settings, params);
        this.trainer = new Trainer(this.problem, request.settings.optimizer, request.settings.learningRate);
        await this.replayViewInputs(this.problem);
        this.events.snapshot(await this.problem.snapshot(), this.version);
        this.setStatus({ state: 'idle', step: 0 });
      } catch (e) {
        this.setStatus({
          state: 'error',
          step: 0,
          message: `Could not load ${request.exampleId}: ${errorText(e)}`,
        });
      }
    });
  }

  /**
   * What the view handed the worker (a problem's `viewInputs` commands: the map it shows, a comparison network)
   * belongs to the session: a rebuilt problem gets it again, so the view need not re-send it. An input the new
   * problem refuses (other params) is dropped.
   */
  private async replayViewInputs(problem: Problem): Promise<void> {
    for (const [name, payload] of [...this.viewInputs]) {
      try {
        await problem.command?.(name, payload);
      } catch {
        this.viewInputs.delete(name);
      }
    }
  }

  /** Rebuilds the problem from the same seed and settings: the same data and initial weights. */
  async reset(): Promise<void> {
    if (this.request) await this.load(this.request);
  }

  setSpeed(speed: Speed): void {
    this.speed = speed === null ? null : Math.max(0.1, speed);
  }

  setLearningRate(lr: number): void {
    if (!(lr > 0) || !Number.isFinite(lr))
      throw new Error(`learning rate must be a positive number, got ${lr}`);
    this.trainer?.setLearningRate(lr);
    // Kept for the next reset; a copy, so the caller's settings object is never changed.
    if (this.request)
      this.request = { ...this.request, settings: { ...this.request.settings, learningRate: lr } };
    if (this.status.state === 'diverged') this.setStatus({ state: 'idle', step: this.status.step });
  }

  setOptimizer(kind: OptimizerKind): void {
    if (this.request)
      this.request = { ...this.request, settings: { ...this.request.settings, optimizer: kind } };
    this.trainer?.setOptimizer(kind);
  }

  pause(): void {
    this.running = false;
  }

  async play(): Promise<void> {
    if (this.running || !this.trainer || this.status.state === 'error' || this.status.state === 'loading')
      return;
    this.running = true;
    // A pause and a new play while this loop sleeps must not leave two loops running: each loop has an id.
    const loop = ++this.loopId;
    const mine = () => this.running && this.loopId === loop;
    this.setStatus({ state: 'running', step: this.trainer.stepCount });
    while (mine()) {
      const started = now();
      const ok = await this.exclusive(() => this.stepOnce());
      if (!ok) break;
      await this.maybeSnapshot(false);
      const spent = now() - started;
      const wait = this.speed === null ? 0 : Math.max(0, 1000 / this.speed - spent);
      // Sleep in short slices, so a pause at a slow speed takes effect at once.
      for (const until = now() + wait; mine();) {
        await yieldToEventLoop(Math.min(PAUSE_POLL_MS, Math.max(0, until - now())));
        if (now() >= until) break;
      }
    }
    if (this.loopId !== loop) return;
    this.running = false;
    this.flushReports();
    await this.maybeSnapshot(true);
    if (this.status.state === 'running')
      this.setStatus({ state: 'idle', step: this.trainer?.stepCount ?? 0 });
  }

  /** Takes n steps now (the transport's "step" button), then reports and snapshots. */
  async step(count = 1): Promise<void> {
    if (this.running || !this.trainer) return;
    for (let i = 0; i < count; i++) {
      const ok = await this.exclusive(() => this.stepOnce());
      if (!ok) break;
    }
    this.flushReports();
    await this.maybeSnapshot(true);
    if (this.status.state === 'idle') this.setStatus({ state: 'idle', step: this.trainer.stepCount });
  }

  async command(name: string, payload: unknown): Promise<unknown> {
    const value = await this.exclusive(async () => {
      if (!this.problem) throw new Error('the example is not loaded (yet)');
      if (!this.problem.command) throw new Error('this example has no commands');
      const result = await this.problem.command(name, payload);
      if (this.problem.viewInputs?.includes(name)) this.viewInputs.set(name, payload);
      return result;
    });
    if (this.problem?.commandChangesSnapshot?.(name)) await this.maybeSnapshot(true);
    return value;
  }

  async exportWeights(meta: Record<string, string | number | boolean>): Promise<WeightsFiles> {
    return this.exclusive(async () => {
      if (!this.problem || !this.request) throw new Error('nothing is loaded');
      return encodeVariables(this.request.exampleId, this.problem.variables, {
        ...meta,
        ...Object.fromEntries(Object.entries(this.request.params).map(([k, v]) => [`p.${k}`, v])),
        seed: this.request.settings.seed,
        steps: this.trainer?.stepCount ?? 0,
      });
    });
  }

  /** Loads weights into the current problem (continue from pretrained); the step count and curve restart. */
  async importWeights(files: WeightsFiles): Promise<void> {
    this.running = false;
    await this.exclusive(async () => {
      if (!this.problem || !this.request) throw new Error('nothing is loaded');
      assignVariables(this.request.exampleId, this.problem.variables, files);
      this.trainer?.dispose();
      this.trainer = new Trainer(
        this.problem,
        this.request.settings.optimizer,
        this.request.settings.learningRate,
      );
      this.events.snapshot(await this.problem.snapshot(), this.version);
      this.setStatus({ state: 'idle', step: 0 });
    });
  }

  private async stepOnce(): Promise<boolean> {
    if (!this.trainer) return false;
    try {
      const outcome = await this.trainer.step();
      if (!outcome.ok) {
        this.running = false;
        this.flushReports();
        const d = outcome.divergence;
        this.setStatus({
          state: 'diverged',
          step: this.trainer.stepCount,
          message: `Training diverged: ${d.reason} Try a lower learning rate, e.g. ${d.suggestedLearningRate}.`,
          suggestedLearningRate: d.suggestedLearningRate,
        });
        return false;
      }
      this.pending.push(outcome.report);
      if (now() - this.lastFlush > REPORT_FLUSH_MS) this.flushReports();
      return true;
    } catch (e) {
      this.running = false;
      this.flushReports();
      this.setStatus({
        state: 'error',
        step: this.trainer.stepCount,
        message: `Training step failed: ${errorText(e)}`,
      });
      return false;
    }
  }

  private flushReports(): void {
    this.lastFlush = now();
    if (this.pending.length === 0) return;
    this.events.reports(this.pending, this.version);
    this.pending = [];
  }

  private async maybeSnapshot(force: boolean): Promise<void> {
    if (!this.problem) return;
    const since = now() - this.lastSnapshot;
    const due = since > Math.max(MIN_SNAPSHOT_INTERVAL_MS, this.snapshotCost / SNAPSHOT_TIME_SHARE);
    if (!force && !due) return;
    const started = now();
    const problem = this.problem;
    const snapshot = await this.exclusive(() => problem.snapshot());
    this.snapshotCost = now() - started;
    this.lastSnapshot = now();
    this.events.snapshot(snapshot, this.version);
  }

  private disposeProblem(): void {
    this.trainer?.dispose();
    this.problem?.dispose();
    this.trainer = null;
    this.problem = null;
  }

  dispose(): void {
    this.running = false;
    this.disposeProblem();
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
