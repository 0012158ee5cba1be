/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { compareFingerprints } from '../il/backend-check/compare';
import { fingerprint, type Fingerprint } from '../il/backend-check/fingerprint';
import { probeAddN } from '../kernels/webgpu/chunked-add-n';
import { findExample, loadProblemFactory } from '../examples/registry';
import { switchBrowserBackend } from './backends';
import type { BackendCheckCase, BackendCheckMessage, BackendCheckRequest } from './backend-check-protocol';

/**
 * The cross-backend equivalence check: every case trained for the same steps from the same seed on each backend,
 * its U, L, ‖∇U‖ and first hypergradients compared with the reference backend's. Runs in its own worker.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: BackendCheckMessage): void => scope.postMessage(message);

async function fingerprintCase(c: BackendCheckCase, steps: number): Promise<Fingerprint> {
  const meta = findExample(c.exampleId);
  if (!meta) throw new Error(`unknown example ${c.exampleId}`);
  const preset = meta.presets.find((p) => p.id === c.presetId) ?? meta.presets[0];
  const factory = await loadProblemFactory(c.exampleId);
  const settings = { ...meta.defaults, ...preset.settings };
  return fingerprint(factory, settings, preset.params, { steps, gradientSteps: steps });
}

async function run(request: BackendCheckRequest): Promise<void> {
  const { cases, steps, reference } = request;
  if (!(await switchBrowserBackend(reference)))
    throw new Error(`the reference backend ${reference} cannot start`);
  const expected = new Map<string, Fingerprint>();
  for (const c of cases) {
    post({ type: 'progress', text: `${c.exampleId}/${c.presetId} on ${reference} (reference)…` });
    expected.set(`${c.exampleId}/${c.presetId}`, await fingerprintCase(c, steps));
  }
  for (const backend of request.backends) {
    const started = await switchBrowserBackend(backend);
    if (started && backend === 'webgpu') post({ type: 'probe', probe: await probeAddN() });
    for (const c of cases) {
      const base = { exampleId: c.exampleId, presetId: c.presetId, backend };
      if (!started) {
        post({
          type: 'cell',
          cell: {
            ...base,
            status: 'unavailable',
            summary: `${backend} does not start here`,
            worstRelativeError: NaN,
            msPerStep: NaN,
          },
        });
        continue;
      }
      post({ type: 'progress', text: `${c.exampleId}/${c.presetId} on ${backend}…` });
      try {
        const got = await fingerprintCase(c, steps);
        const ref = expected.get(`${c.exampleId}/${c.presetId}`);
        if (!ref) throw new Error('no reference fingerprint');
        const comparison = compareFingerprints(ref, got);
        post({
          type: 'cell',
          cell: {
            ...base,
            status: comparison.agree ? 'agree' : 'differ',
            summary: comparison.summary,
            worstRelativeError: comparison.worstRelativeError,
            msPerStep: got.msPerStep,
          },
        });
      } catch (e) {
        const summary = e instanceof Error ? e.message : String(e);
        post({
          type: 'cell',
          cell: { ...base, status: 'error', summary, worstRelativeError: NaN, msPerStep: NaN },
        });
      }
    }
  }
  post({ type: 'progress', text: `done; ${tf.memory().numTensors} tensors left` });
  post({ type: 'done' });
}

scope.onmessage = (event: MessageEvent<BackendCheckRequest>) => {
  run(event.data).catch((e: unknown) =>
    post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) }),
  );
};
