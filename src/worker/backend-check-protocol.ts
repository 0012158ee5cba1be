import type { AddNProbe } from '../kernels/webgpu/chunked-add-n';
import type { BackendName } from '../il/backend-names';

/** One example preset trained on every backend, compared with the reference backend. */
export interface BackendCheckCase {
  exampleId: string;
  presetId: string;
}

export type CellStatus = 'agree' | 'differ' | 'unavailable' | 'error';

export interface BackendCheckCell {
  exampleId: string;
  presetId: string;
  backend: BackendName;
  status: CellStatus;
  /** One line: the worst relative error, or what differed first, or why the backend could not run. */
  summary: string;
  worstRelativeError: number;
  msPerStep: number;
}

/** Main thread → backend-check worker. */
export interface BackendCheckRequest {
  type: 'run';
  cases: BackendCheckCase[];
  backends: BackendName[];
  reference: BackendName;
  steps: number;
}

/** Backend-check worker → main thread. */
export type BackendCheckMessage =
  | { type: 'progress'; text: string }
  | { type: 'probe'; probe: AddNProbe }
  | { type: 'cell'; cell: BackendCheckCell }
  | { type: 'done' }
  | { type: 'fatal'; message: string };
