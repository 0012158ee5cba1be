import type { BackendChoice, BackendName } from '../il/backend-names';
import type { WeightsFiles } from '../il/weights-format';
import type { ExampleParams, OptimizerKind, TrainingSettings } from '../il/problem';
import type { RunVersion, SessionStatus, Speed } from '../il/session';
import type { StepReport } from '../il/trainer';

/** Main thread → training worker. */
export type ToWorker =
  | { type: 'init'; backend: BackendName | 'auto' }
  | { type: 'load'; exampleId: string; settings: TrainingSettings; params: ExampleParams }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'reset' }
  | { type: 'speed'; speed: Speed }
  | { type: 'learningRate'; value: number }
  | { type: 'optimizer'; value: OptimizerKind }
  | { type: 'command'; id: number; name: string; payload: unknown }
  | { type: 'exportWeights'; id: number; meta: Record<string, string | number | boolean> }
  | { type: 'importWeights'; id: number; files: WeightsFiles };

/** Training worker → main thread. */
export type FromWorker =
  | { type: 'backend'; choice: BackendChoice }
  | { type: 'reports'; reports: StepReport[]; version: RunVersion }
  | { type: 'snapshot'; snapshot: unknown; version: RunVersion }
  | { type: 'status'; status: SessionStatus; version: RunVersion }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'fatal'; message: string };
