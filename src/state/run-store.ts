import { create } from 'zustand';
import type { BackendChoice } from '../il/backend-names';
import type { RunVersion, SessionStatus, Speed } from '../il/session';
import type { StepReport } from '../il/trainer';

/** Something that changed the run at a step, marked on the plot's x-axis (a reset starts a new curve instead). */
export interface RunEvent {
  step: number;
  kind: 'learningRate' | 'weights' | 'diverged';
  label: string;
}

/** What the worker has told the page: the live curve, the latest snapshot, the status and the backend. */
export interface RunState {
  status: SessionStatus;
  /** The run generation the status belongs to; reports and snapshots of another generation arrive late and are dropped. */
  generation: number;
  reports: StepReport[];
  snapshot: unknown;
  backend: BackendChoice | null;
  fatal: string | null;
  speed: Speed;
  logScale: boolean;
  /** Pause was asked for and the worker has not yet said it stopped (a long step finishes first). */
  pausing: boolean;
  /** Events of the current curve, in step order. */
  events: RunEvent[];
  appendReports(reports: StepReport[], version?: RunVersion): void;
  setSnapshot(snapshot: unknown, version?: RunVersion): void;
  setStatus(status: SessionStatus, version?: RunVersion): void;
  setBackend(choice: BackendChoice): void;
  setFatal(message: string | null): void;
  setSpeed(speed: Speed): void;
  toggleLogScale(): void;
  requestPause(): void;
  /** Marks an event at the curve's current step (a weights load, which restarts the curve, at step 0). */
  markEvent(kind: RunEvent['kind'], label: string): void;
  clearRun(): void;
}

/**
 * The step the page shows: the curve's last point while training runs (the status is quiet then), the status's
 * step otherwise (a load restarts both at 0).
 */
export const selectStep = (s: Pick<RunState, 'status' | 'reports'>): number =>
  Math.max(s.status.step, s.reports.at(-1)?.step ?? 0);

/** Training speed over the last reports (median step time), two significant digits; null before any step. */
export const selectStepsPerSecond = (s: Pick<RunState, 'reports'>): number | null => {
  const ms = s.reports
    .slice(-20)
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  if (ms.length === 0) return null;
  const median = ms[Math.floor(ms.length / 2)];
  return median > 0 ? Number((1000 / median).toPrecision(2)) : null;
};

const stale = (s: RunState, version: RunVersion | undefined): boolean =>
  version !== undefined && version.generation !== s.generation;

export const useRunStore = create<RunState>((set) => ({
  status: { state: 'loading', step: 0 },
  generation: 0,
  reports: [],
  snapshot: null,
  backend: null,
  fatal: null,
  speed: null,
  logScale: true,
  pausing: false,
  events: [],
  appendReports: (reports, version) =>
    set((s) => (stale(s, version) ? s : { reports: s.reports.concat(reports) })),
  setSnapshot: (snapshot, version) => set((s) => (stale(s, version) ? s : { snapshot })),
  setStatus: (status, version) =>
    set((s) => {
      const generation = version?.generation ?? s.generation;
      const pausing = s.pausing && status.state === 'running';
      // A fresh load (a new generation) starts a fresh curve.
      if (status.state === 'loading' || generation !== s.generation)
        return { status, generation, reports: [], snapshot: null, events: [], pausing };
      const diverged =
        status.state === 'diverged' && s.status.state !== 'diverged'
          ? [{ step: status.step, kind: 'diverged' as const, label: 'diverged: step refused' }]
          : [];
      return {
        status,
        reports: s.reports,
        pausing,
        events: diverged.length ? [...s.events, ...diverged] : s.events,
      };
    }),
  setBackend: (backend) => set({ backend }),
  setFatal: (fatal) => set({ fatal }),
  setSpeed: (speed) => set({ speed }),
  toggleLogScale: () => set((s) => ({ logScale: !s.logScale })),
  requestPause: () => set((s) => (s.status.state === 'running' ? { pausing: true } : s)),
  markEvent: (kind, label) =>
    set((s) => {
      const step = kind === 'weights' ? 0 : selectStep(s);
      // A curve restarted by a weights load keeps only that event; otherwise one mark per step and kind.
      const kept = kind === 'weights' ? [] : s.events.filter((e) => !(e.step === step && e.kind === kind));
      return { events: [...kept, { step, kind, label }] };
    }),
  clearRun: () =>
    set({ reports: [], snapshot: null, status: { state: 'loading', step: 0 }, events: [], pausing: false }),
}));
