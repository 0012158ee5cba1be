/// <reference lib="webworker" />
import { TrainingSession } from '../il/session';
import { loadProblemFactory } from '../examples/registry';
import { BackendGuard } from '../il/backend-check/guard';
import { chooseBrowserBackend, switchBrowserBackend } from './backends';
import type { FromWorker, ToWorker } from './protocol';

/** The training worker: a thin message adapter around TrainingSession. The main thread never trains. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker): void => scope.postMessage(message);

const session = new TrainingSession(
  {
    reports: (reports, version) => post({ type: 'reports', reports, version }),
    snapshot: (snapshot, version) => post({ type: 'snapshot', snapshot, version }),
    status: (status, version) => post({ type: 'status', status, version }),
  },
  loadProblemFactory,
);

const guard = new BackendGuard({
  choose: chooseBrowserBackend,
  use: switchBrowserBackend,
  announce: (choice) => post({ type: 'backend', choice }),
  progress: (message) => session.announceLoading(message),
});
async function reply(id: number, work: () => Promise<unknown>): Promise<void> {
  try {
    post({ type: 'result', id, ok: true, value: await work() });
  } catch (e) {
    post({ type: 'result', id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

const fatal = (e: unknown): void =>
  post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });

/**
 * Messages are dispatched one after another in arrival order. `init` and `load` finish before the next message
 * is looked at (a step sent right after a load must reach the new problem); everything else starts and lets the
 * next message through (a pause must be heard while play runs; the session serialises steps and commands itself).
 */
async function dispatch(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init':
      return guard.init(message.backend);
    case 'load':
      // The backend computes this example's first hypergradient as wasm does, or another backend takes over.
      // (An unknown example is left to session.load, which reports it.)
      await loadProblemFactory(message.exampleId).then(
        (factory) => guard.ensureFor(message.exampleId, factory, message.settings, message.params),
        () => undefined,
      );
      return session.load({
        exampleId: message.exampleId,
        settings: message.settings,
        params: message.params,
      });
    default:
      start(message).catch(fatal);
  }
}

function start(message: Exclude<ToWorker, { type: 'init' | 'load' }>): Promise<void> {
  switch (message.type) {
    case 'play':
      return session.play();
    case 'pause':
      session.pause();
      break;
    case 'step':
      return session.step(message.count);
    case 'reset':
      return session.reset();
    case 'speed':
      session.setSpeed(message.speed);
      break;
    case 'learningRate':
      session.setLearningRate(message.value);
      break;
    case 'optimizer':
      session.setOptimizer(message.value);
      break;
    case 'command':
      return reply(message.id, () => session.command(message.name, message.payload));
    case 'exportWeights':
      return reply(message.id, () => session.exportWeights(message.meta));
    case 'importWeights':
      return reply(message.id, () => session.importWeights(message.files));
  }
  return Promise.resolve();
}

let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  queue = queue.then(() => dispatch(message)).catch(fatal);
};
