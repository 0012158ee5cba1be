import { useEffect, useState } from 'react';
import { examples } from '../examples/registry';
import type { AddNProbe } from '../kernels/webgpu/chunked-add-n';
import { BACKEND_ORDER, type BackendName } from '../il/backend-names';
import type {
  BackendCheckCase,
  BackendCheckCell,
  BackendCheckMessage,
  BackendCheckRequest,
} from '../worker/backend-check-protocol';

const REFERENCE: BackendName = 'cpu';
const CANDIDATES = BACKEND_ORDER.filter((b) => b !== REFERENCE);

/** `#/backends?steps=3&examples=ia-star,imtsp`: which examples (first preset each) and how many steps. */
function requestFromHash(): BackendCheckRequest {
  const query = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const steps = Math.min(10, Math.max(1, Math.round(Number(query.get('steps') ?? 3)) || 3));
  const wanted = query.get('examples')?.split(',');
  const cases: BackendCheckCase[] = examples
    .filter((e) => !wanted || wanted.includes(e.id))
    .map((e) => ({ exampleId: e.id, presetId: e.meta.presets[0].id }));
  return { type: 'run', cases, backends: [...CANDIDATES], reference: REFERENCE, steps };
}

/**
 * The backend check: every example trained for a few steps from the same seed on every tfjs backend this browser
 * has, U, L, ‖∇U‖ and the hypergradients compared with the cpu backend's. The e2e suite runs it; so can a lecturer
 * before a demo on an unfamiliar machine.
 */
export function BackendCheckPage() {
  const [request] = useState(requestFromHash);
  const [cells, setCells] = useState<BackendCheckCell[]>([]);
  const [probe, setProbe] = useState<AddNProbe | null>(null);
  const [progress, setProgress] = useState('');
  const [state, setState] = useState<'running' | 'done' | 'failed'>('running');
  const [runId, setRunId] = useState(0);

  // One worker per run; a new run id (the button) starts a fresh one.
  useEffect(() => {
    const worker = new Worker(new URL('../worker/backend-check.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (event: MessageEvent<BackendCheckMessage>) => {
      const m = event.data;
      if (m.type === 'progress') setProgress(m.text);
      else if (m.type === 'probe') setProbe(m.probe);
      else if (m.type === 'cell') setCells((all) => [...all, m.cell]);
      else if (m.type === 'done') setState('done');
      else {
        setProgress(m.message);
        setState('failed');
      }
    };
    worker.onerror = (e) => {
      setProgress(e.message || 'the check worker failed to start');
      setState('failed');
    };
    worker.postMessage(request);
    return () => worker.terminate();
  }, [request, runId]);

  const runAgain = () => {
    setCells([]);
    setProbe(null);
    setState('running');
    setRunId((n) => n + 1);
  };

  const cellFor = (c: BackendCheckCase, backend: BackendName) =>
    cells.find((x) => x.exampleId === c.exampleId && x.presetId === c.presetId && x.backend === backend);

  return (
    <main className="backend-check" data-testid="backend-check" data-state={state}>
      <p>
        <a href="#/">← All examples</a>
      </p>
      <h1>Backend check</h1>
      <p>
        Each example trains {request.steps} steps from the same seed on every tfjs backend of this browser;
        its U, L, ‖∇U‖ and hypergradients dU/dψ are compared with the {REFERENCE} backend&apos;s (float32:
        agreement means a relative error ≤ 10⁻³). The example pages run the same check (their first two steps,
        against wasm) before they train on a GPU backend, and fall back where it disagrees or, on “auto”,
        where it is much slower.
      </p>
      <table className="check-table">
        <thead>
          <tr>
            <th scope="col">example (preset)</th>
            {CANDIDATES.map((b) => (
              <th scope="col" key={b}>
                {b}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {request.cases.map((c) => (
            <tr key={`${c.exampleId}/${c.presetId}`}>
              <th scope="row">
                {examples.find((e) => e.id === c.exampleId)?.meta.title ?? c.exampleId} ({c.presetId})
              </th>
              {CANDIDATES.map((b) => {
                const cell = cellFor(c, b);
                return (
                  <td
                    key={b}
                    data-testid={`check-${c.exampleId}-${b}`}
                    data-status={cell?.status ?? 'pending'}
                    className={`check-${cell?.status ?? 'pending'}`}
                  >
                    {cell ? (
                      <>
                        <strong>{cell.status}</strong>
                        <span>{cell.summary}</span>
                        {Number.isFinite(cell.msPerStep) && <span>{cell.msPerStep.toFixed(0)} ms/step</span>}
                      </>
                    ) : (
                      '…'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p aria-live="polite" data-testid="check-progress">
        {state === 'running' ? `Running: ${progress}` : state === 'done' ? 'Done.' : `Failed: ${progress}`}{' '}
        {state !== 'running' && (
          <button type="button" onClick={runAgain}>
            Run again
          </button>
        )}
      </p>
      {probe && (
        <section data-testid="addn-probe" data-stock={probe.stock} data-current={probe.current}>
          <h2>Known tfjs defect worked around</h2>
          <p>
            tfjs-backend-webgpu 4.22&apos;s AddN binds every input as a storage buffer and exceeds the device
            limit past 7 inputs; the dispatch is dropped and a stale buffer is returned. Here: 1 + 2 + … +{' '}
            {probe.inputs} = {probe.expected}; the stock kernel gives <strong>{probe.stock}</strong>, this
            app&apos;s chunked AddN gives <strong>{probe.current}</strong>.
          </p>
        </section>
      )}
    </main>
  );
}
