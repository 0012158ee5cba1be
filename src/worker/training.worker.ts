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
    reports: (reports) => post({ type: 'reports', reports }),
    snapshot: (snapshot) => post({ type: 'snapshot', snapshot }),
    status: (status) => post({ type: 'status', status }),
  },
  loadProblemFactory,
);

const guard = new BackendGuard({
  choose: chooseBrowserBackend,
  use: switchBrowserBackend,
  announce: (choice) => post({ type: 'backend', choice }),
  progress: (message) => post({ type: 'status', status: { state: 'loading', step: 0, message } }),
});
let ready: Promise<void> = Promise.resolve();

async function reply(id: number, work: () => Promise<unknown>): Promise<void> {
  try {
    post({ type: 'result', id, ok: true, value: await work() });
  } catch (e) {
    post({ type: 'result', id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    ready = guard.init(message.backend);
    return ready;
  }
  // Nothing runs before the backend is chosen; messages keep their order because each waits on the same promise.
  await ready;
  switch (message.type) {
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
    case 'play':
      return session.play();
    case 'pause':
      return session.pause();
    case 'step':
      return session.step(message.count);
    case 'reset':
      return session.reset();
    case 'speed':
      return session.setSpeed(message.speed);
    case 'learningRate':
      return session.setLearningRate(message.value);
    case 'optimizer':
      return session.setOptimizer(message.value);
    case 'command':
      return reply(message.id, () => session.command(message.name, message.payload));
    case 'exportWeights':
      return reply(message.id, () => session.exportWeights(message.meta));
    case 'importWeights':
      return reply(message.id, () => session.importWeights(message.files));
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((e: unknown) =>
    post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) }),
  );
};
