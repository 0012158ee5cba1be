import { create } from 'zustand';
import type { BackendChoice } from '../il/backend-names';
import type { SessionStatus, Speed } from '../il/session';
import type { StepReport } from '../il/trainer';

/** What the worker has told the page: the live curve, the latest snapshot, the status and the backend. */
export interface RunState {
  status: SessionStatus;
  reports: StepReport[];
  snapshot: unknown;
  backend: BackendChoice | null;
  fatal: string | null;
  speed: Speed;
  logScale: boolean;
  appendReports(reports: StepReport[]): void;
  setSnapshot(snapshot: unknown): void;
  setStatus(status: SessionStatus): void;
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

export const useRunStore = create<RunState>((set) => ({
  status: { state: 'loading', step: 0 },
  reports: [],
  snapshot: null,
  backend: null,
  fatal: null,
  speed: null,
  logScale: true,
  appendReports: (reports) => set((s) => ({ reports: s.reports.concat(reports) })),
  setSnapshot: (snapshot) => set({ snapshot }),
  setStatus: (status) =>
    // A fresh load starts a fresh curve.
    set((s) =>
      status.state === 'loading' ? { status, reports: [], snapshot: null } : { status, reports: s.reports },
    ),
  setBackend: (backend) => set({ backend }),
  setFatal: (fatal) => set({ fatal }),
  setSpeed: (speed) => set({ speed }),
  toggleLogScale: () => set((s) => ({ logScale: !s.logScale })),
  clearRun: () => set({ reports: [], snapshot: null, status: { state: 'loading', step: 0 } }),
}));
