import type { CommandChannel, CommandMap } from '../il/example/contract';
import type { ExampleParams, TrainingSettings } from '../il/problem';
import type { SessionStatus } from '../il/session';
import type { StepReport } from '../il/trainer';

/** The worker client's command method, as the page frame has it (untyped: the view's manifest types it). */
export interface RawCommandChannel {
  command<T>(name: string, payload: unknown): Promise<T>;
}

/**
 * What an example view receives, typed by its manifest (see define-view.tsx): the latest worker snapshot, params
 * already parsed by the schema, and a command channel typed by the example's contract. The view renders the
 * example's world and edits its own params; the frame owns training, the curve and the shared settings.
 */
export interface ExampleViewProps<
  Snapshot = unknown,
  Params extends ExampleParams = ExampleParams,
  Commands extends CommandMap = CommandMap,
> {
  snapshot: Snapshot | null;
  params: Params;
  settings: TrainingSettings;
  /** Changes the example's params: the problem is rebuilt from the seed (new data, fresh weights). */
  setParams: (patch: Partial<Params>) => void;
  /** View-only state kept in the link (overlays, a comparison's K); changing it never restarts training. */
  viewState: ExampleParams;
  setViewState: (patch: ExampleParams) => void;
  channel: CommandChannel<Commands>;
  status: SessionStatus;
  reports: readonly StepReport[];
  /** Shows a message in the page's notice area. */
  notify: (kind: 'error' | 'warning' | 'info', message: string) => void;
}

/** What the page frame hands any view, before the manifest types it. */
export type FrameViewProps = Omit<ExampleViewProps, 'channel'> & { channel: RawCommandChannel };
