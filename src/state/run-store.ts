import { create } from 'zustand';
import type { BackendChoice } from '../il/backend-names';
import type { RunVersion, SessionStatus, Speed } from '../il/session';
import type { StepReport } from '../il/trainer';

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
  appendReports(reports: StepReport[], version?: RunVersion): void;
  setSnapshot(snapshot: unknown, version?: RunVersion): void;
  setStatus(status: SessionStatus, version?: RunVersion): void;
  setBackend(choice: BackendChoice): void;
  setFatal(message: string | null): void;
  setSpeed(speed: Speed): void;
  toggleLogScale(): void;
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
  appendReports: (reports, version) =>
    set((s) => (stale(s, version) ? s : { reports: s.reports.concat(reports) })),
  setSnapshot: (snapshot, version) => set((s) => (stale(s, version) ? s : { snapshot })),
  setStatus: (status, version) =>
    set((s) => {
      const generation = version?.generation ?? s.generation;
      // A fresh load (a new generation) starts a fresh curve.
      return status.state === 'loading' || generation !== s.generation
        ? { status, generation, reports: [], snapshot: null }
        : { status, reports: s.reports };
    }),
  setBackend: (backend) => set({ backend }),
  setFatal: (fatal) => set({ fatal }),
  setSpeed: (speed) => set({ speed }),
  toggleLogScale: () => set((s) => ({ logScale: !s.logScale })),
  clearRun: () => set({ reports: [], snapshot: null, status: { state: 'loading', step: 0 } }),
}));
