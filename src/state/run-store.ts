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

export const useRunStore = create<RunState>((set) => ({
  status: { state: 'loading', step: 0 },
  reports: [],
  snapshot: null,
  backend: null,
  fatal: null,
  speed: null,
  logScale: true,
  // Reports arrive while the status is quiet (running): the step counter follows the curve's last point.
  appendReports: (reports) =>
    set((s) => {
      const last = reports.at(-1);
      const status = last && last.step > s.status.step ? { ...s.status, step: last.step } : s.status;
      return { reports: s.reports.concat(reports), status };
    }),
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
