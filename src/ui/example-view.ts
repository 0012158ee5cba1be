import type { ExampleParams, TrainingSettings } from '../il/problem';
import type { SessionStatus } from '../il/session';
import type { StepReport } from '../il/trainer';

/** How a view asks the worker for example-specific work (gradient check, comparison, evaluation). */
export interface CommandChannel {
  command<T>(name: string, payload: unknown): Promise<T>;
}

/**
 * What the page frame hands every example view. The view renders the example's world from the latest worker
 * snapshot and edits the example's own params; the frame owns training, the curve and the shared settings.
 */
export interface ExampleViewProps<Snapshot = unknown, Params extends ExampleParams = ExampleParams> {
  snapshot: Snapshot | null;
  params: Params;
  settings: TrainingSettings;
  /** Changes the example's params: the problem is rebuilt from the seed (new data, fresh weights). */
  setParams: (patch: Partial<Params>) => void;
  /** View-only state kept in the link (overlays, a comparison's K); changing it never restarts training. */
  viewState: ExampleParams;
  setViewState: (patch: ExampleParams) => void;
  channel: CommandChannel;
  status: SessionStatus;
  reports: readonly StepReport[];
  /** Shows a message in the page's notice area. */
  notify: (kind: 'error' | 'warning' | 'info', message: string) => void;
}
