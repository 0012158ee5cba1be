import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { findExample, findManifest } from '../examples/registry';
import type { Lesson } from '../il/lesson';
import { isBackendName, type BackendName } from '../il/backend-names';
import type { ExampleParams, TrainingSettings } from '../il/problem';
import type { Speed } from '../il/session';
import { useRunStore } from '../state/run-store';
import { defaultPageState, formatHash, type PageState } from '../state/url-state';
import { LessonPanel } from '../ui/LessonPanel';
import { Notice } from '../ui/Notice';
import { SettingsPanel } from '../ui/SettingsPanel';
import { SPEEDS } from '../ui/Transport';
import { WeightsPanel } from '../ui/WeightsPanel';
import { downloadBlob, downloadText } from '../ui/download';
import { TrainingClient } from '../worker/client';
import { PAGE_ACTIONS, useKeyActions } from '../ui/actions';
import { PresenterBar, presentingFromUrl, writePresentingToUrl } from '../ui/PresenterBar';
import { LiveBackendBadge, LiveCostPlot, LiveTransport, LiveView } from './live-parts';
import { loadView, type ExampleViewModule } from './views';
import { fetchWeights, readWeightFiles } from './weights-files';

interface NoticeItem {
  id: number;
  kind: 'error' | 'warning' | 'info';
  message: string;
}

function backendOverride(): BackendName | 'auto' {
  const b = new URLSearchParams(window.location.search).get('backend');
  return isBackendName(b) ? b : 'auto';
}

/** The frame every example page shares: worker, transport, live plot, settings, weights, lesson, notices. */
export function ExamplePage({ initial, warning }: { initial: PageState; warning?: string }) {
  const meta = findExample(initial.exampleId)!;
  const [page, setPage] = useState<PageState>(initial);
  const [view, setView] = useState<ExampleViewModule | null>(null);
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [notices, setNotices] = useState<NoticeItem[]>(
    warning ? [{ id: 0, kind: 'warning', message: warning }] : [],
  );
  const clientRef = useRef<TrainingClient | null>(null);
  const noticeId = useRef(1);
  const backend = useMemo(() => backendOverride(), []);
  // Selectors: the frame re-renders on status, backend and speed changes, not on every report flush.
  const status = useRunStore((s) => s.status);
  const fatal = useRunStore((s) => s.fatal);
  const speed = useRunStore((s) => s.speed);

  // One channel object for the page's life: the view's typed channel is built from it once.
  const channel = useMemo(
    () => ({
      command: <T,>(name: string, payload: unknown): Promise<T> => {
        const client = clientRef.current;
        return client
          ? client.command<T>(name, payload)
          : Promise.reject(new Error('the worker is not running'));
      },
    }),
    [],
  );

  const notify = useCallback((kind: NoticeItem['kind'], message: string) => {
    setNotices((n) => [...n.filter((x) => x.message !== message), { id: noticeId.current++, kind, message }]);
  }, []);

  // One worker per page visit; the run store mirrors what it says.
  useEffect(() => {
    const store = useRunStore.getState();
    store.clearRun();
    store.setFatal(null);
    const client = new TrainingClient(
      {
        backend: store.setBackend,
        reports: store.appendReports,
        snapshot: store.setSnapshot,
        status: store.setStatus,
        fatal: store.setFatal,
        restarted: (message) => notify('warning', message),
      },
      backend,
    );
    client.setSpeed(store.speed);
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, [backend, notify]);

  useEffect(() => {
    let live = true;
    loadView(meta.id)
      .then((m) => live && setView(m))
      .catch((e: unknown) => notify('error', `Could not load the ${meta.title} view: ${String(e)}`));
    findManifest(meta.id)
      ?.loadLesson()
      .then((l) => live && setLesson(l))
      .catch((e: unknown) => notify('error', `Could not load the ${meta.title} lesson: ${String(e)}`));
    return () => {
      live = false;
    };
  }, [meta.id, meta.title, notify]);

  // Seed, batch, preset and example params rebuild the problem.
  // The load effect reads the latest page through a ref: learning-rate or view-state changes must not reload.
  const pageRef = useRef(page);
  useEffect(() => {
    pageRef.current = page;
  }, [page]);
  const { seed, batchSize } = page.settings;
  const paramsKey = JSON.stringify(page.params);
  useEffect(() => {
    const client = clientRef.current;
    if (!client) return;
    const { settings, params } = pageRef.current;
    client.load(meta.id, settings, params);
  }, [meta.id, seed, batchSize, paramsKey, page.presetId]);

  // The URL always says how to reproduce what is on screen.
  useEffect(() => {
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${window.location.search}${formatHash(page)}`,
    );
  }, [page]);

  const setSettings = useCallback((patch: Partial<TrainingSettings>) => {
    if (patch.learningRate !== undefined) {
      clientRef.current?.setLearningRate(patch.learningRate);
      useRunStore.getState().markEvent('learningRate', `learning rate ${patch.learningRate}`);
    }
    if (patch.optimizer !== undefined) clientRef.current?.setOptimizer(patch.optimizer);
    setPage((p) => ({ ...p, settings: { ...p.settings, ...patch } }));
  }, []);

  const setParams = useCallback((patch: Partial<ExampleParams>) => {
    setPage((p) => ({ ...p, params: { ...p.params, ...(patch as ExampleParams) } }));
  }, []);
  const setViewState = useCallback((patch: ExampleParams) => {
    setPage((p) => ({ ...p, view: { ...p.view, ...patch } }));
  }, []);

  // Presenter mode (F or ?present=1): large type, settings folded away, scene and plot large (CSS on the root class).
  const [presenting, setPresenting] = useState(() => presentingFromUrl());
  useEffect(() => writePresentingToUrl(presenting), [presenting]);
  const togglePresenting = useCallback(() => setPresenting((p) => !p), []);

  const choosePreset = (presetId: string) => {
    const preset = meta.presets.find((p) => p.id === presetId);
    if (preset)
      setPage({
        ...defaultPageState(meta, preset),
        settings: { ...defaultPageState(meta, preset).settings, seed: page.settings.seed },
      });
  };

  const setSpeed = useCallback((speed: Speed) => {
    useRunStore.getState().setSpeed(speed);
    clientRef.current?.setSpeed(speed);
  }, []);

  const state = status.state;
  const play = useCallback(() => clientRef.current?.play(), []);
  const pause = useCallback(() => {
    useRunStore.getState().requestPause();
    clientRef.current?.pause();
  }, []);
  const step = useCallback(() => clientRef.current?.step(1), []);
  // The worker rebuilds the problem from the request it holds (same seed, same settings): a fresh run.
  const reset = useCallback(() => clientRef.current?.reset(), []);

  const stepPreset = (delta: 1 | -1) => {
    const n = meta.presets.length;
    const i = meta.presets.findIndex((p) => p.id === page.presetId);
    choosePreset(meta.presets[(((i + delta) % n) + n) % n].id);
  };
  const stepPresetRef = useRef(stepPreset);
  useEffect(() => {
    stepPresetRef.current = stepPreset;
  });

  const keyHandlers = useMemo(() => {
    const speedIndex = SPEEDS.findIndex((s) => s.value === speed);
    // Arrow keys belong to the page (scrolling, editors) except in presenter mode.
    const presetKeys = presenting
      ? {
          nextPreset: () => stepPresetRef.current(1),
          previousPreset: () => stepPresetRef.current(-1),
        }
      : {};
    return {
      ...presetKeys,
      present: togglePresenting,
      trainPause: () => (useRunStore.getState().status.state === 'running' ? pause() : play()),
      step,
      reset,
      faster: () => setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, speedIndex + 1)].value),
      slower: () => setSpeed(SPEEDS[Math.max(0, speedIndex - 1)].value),
      logScale: () => useRunStore.getState().toggleLogScale(),
    };
  }, [speed, pause, play, step, reset, setSpeed, presenting, togglePresenting]);
  useKeyActions(PAGE_ACTIONS, keyHandlers);

  const pretrainedFolder = meta.pretrainedWeights?.(page.presetId, page.params) ?? null;
  const loadPretrained = async () => {
    if (!pretrainedFolder) return;
    try {
      await clientRef.current?.importWeights(await fetchWeights(pretrainedFolder));
      useRunStore.setState({ reports: [] });
      useRunStore.getState().markEvent('weights', 'pretrained weights loaded');
      notify('info', `Loaded the pretrained weights (${pretrainedFolder}); training continues from them.`);
    } catch (e) {
      notify('error', `Could not load the pretrained weights: ${(e as Error).message}`);
    }
  };
  const downloadWeights = async () => {
    try {
      const files = await clientRef.current?.exportWeights({ page: formatHash(page) });
      if (!files) return;
      downloadText('model.json', JSON.stringify(files.json, null, 2), 'application/json');
      downloadBlob('weights.bin', new Blob([files.bin]));
    } catch (e) {
      notify('error', `Could not export the weights: ${(e as Error).message}`);
    }
  };
  const uploadWeights = async (files: File[]) => {
    try {
      await clientRef.current?.importWeights(await readWeightFiles(files));
      useRunStore.setState({ reports: [] });
      useRunStore.getState().markEvent('weights', 'your weights loaded');
      notify('info', 'Loaded your weights; training continues from them.');
    } catch (e) {
      notify(
        'error',
        `Those weights could not be loaded: ${(e as Error).message}. The current model is unchanged.`,
      );
    }
  };

  const View = view?.View;
  return (
    <div className={presenting ? 'example-page presenting' : 'example-page'}>
      <header className="topbar">
        <a href="#/" className="back">
          ← All examples
        </a>
        <h1>{meta.title}</h1>
        <LiveBackendBadge />
        <PresenterBar
          presenting={presenting}
          onToggle={togglePresenting}
          presets={meta.presets}
          presetId={page.presetId}
          onStep={stepPreset}
        />
      </header>
      <div className="notices" aria-live="polite">
        {fatal && <Notice kind="error">The training worker stopped: {fatal}</Notice>}
        {status.state === 'error' && status.message && <Notice kind="error">{status.message}</Notice>}
        {status.state === 'diverged' && (
          <Notice kind="warning">
            {status.message}{' '}
            {status.suggestedLearningRate !== undefined && (
              <button
                type="button"
                onClick={() => setSettings({ learningRate: status.suggestedLearningRate! })}
              >
                Use learning rate {status.suggestedLearningRate}
              </button>
            )}
          </Notice>
        )}
        {notices.map((n) => (
          <Notice
            key={n.id}
            kind={n.kind}
            onDismiss={() => setNotices((all) => all.filter((x) => x.id !== n.id))}
          >
            {n.message}
          </Notice>
        ))}
      </div>
      <div className="example-layout">
        <main className="view-area">
          <LiveTransport
            state={state}
            speed={speed}
            onPlay={play}
            onPause={pause}
            onStep={step}
            onReset={reset}
            onSpeed={setSpeed}
          />
          <Suspense fallback={<p>Loading the view…</p>}>
            {View ? (
              <LiveView
                View={View}
                params={page.params}
                settings={page.settings}
                setParams={setParams}
                viewState={page.view}
                setViewState={setViewState}
                channel={channel}
                notify={notify}
              />
            ) : (
              <p className="loading">Loading the view…</p>
            )}
          </Suspense>
        </main>
        <aside className="side">
          <LiveCostPlot name={meta.id} />
          <SettingsPanel
            meta={meta}
            presetId={page.presetId}
            settings={page.settings}
            backendOverride={backend}
            onPreset={choosePreset}
            onSettings={setSettings}
            onBackend={(b) => {
              const url = new URL(window.location.href);
              if (b === 'auto') url.searchParams.delete('backend');
              else url.searchParams.set('backend', b);
              window.location.assign(url.toString());
            }}
          />
          <WeightsPanel
            busy={state === 'loading' || state === 'running'}
            hasPretrained={pretrainedFolder !== null}
            onFromScratch={reset}
            onPretrained={() => void loadPretrained()}
            onDownload={() => void downloadWeights()}
            onUpload={(files) => void uploadWeights(files)}
          />
          {lesson && <LessonPanel lesson={lesson} />}
        </aside>
      </div>
    </div>
  );
}
