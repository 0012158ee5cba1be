import * as tf from '@tensorflow/tfjs';

import { BACKEND_ORDER, type BackendChoice, type BackendName } from './backend-names';

export { BACKEND_ORDER, isBackendName, type BackendChoice, type BackendName } from './backend-names';

export interface SelectBackendOptions {
  requested?: BackendName | 'auto';
  /** Candidates in order of preference (default webgpu → webgl → wasm → cpu). */
  order?: readonly BackendName[];
  /** Runs before a backend is tried (e.g. registering the wasm training kernels, setting wasm paths). */
  prepare?: Partial<Record<BackendName, () => void | Promise<void>>>;
}

/**
 * Picks the first backend that initialises and computes correctly; a requested backend goes first, and if it
 * fails the fall-back reason is recorded for the badge. Never throws while cpu is registered.
 */
export async function selectBackend(options: SelectBackendOptions = {}): Promise<BackendChoice> {
  const requested = options.requested ?? 'auto';
  const order = [...(options.order ?? BACKEND_ORDER)];
  if (requested !== 'auto') {
    order.splice(order.indexOf(requested), 1);
    order.unshift(requested);
  }
  const fallbacks: BackendChoice['fallbacks'] = [];
  for (const name of order) {
    const reason = await tryBackend(name, options.prepare?.[name]);
    if (reason === null) return { name, requested, fallbacks };
    fallbacks.push({ name, reason });
  }
  throw new Error(
    `no tfjs backend could start: ${fallbacks.map((f) => `${f.name}: ${f.reason}`).join('; ')}`,
  );
}

async function tryBackend(name: BackendName, prepare?: () => void | Promise<void>): Promise<string | null> {
  if (tf.findBackendFactory(name) === null) return 'not registered in this build';
  if (name === 'webgpu' && !hasWebGpu()) return 'navigator.gpu is missing (WebGPU not available here)';
  try {
    await prepare?.();
    const ok = await tf.setBackend(name);
    if (!ok)
      return name === 'webgpu' ? 'no WebGPU adapter (requestAdapter returned null)' : 'failed to initialise';
    await tf.ready();
    // A backend that starts but computes wrongly is worse than a slow one: check a tiny product.
    const check = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])));
    const value = (await check.data())[0];
    check.dispose();
    if (Math.abs(value - 11) > 1e-4) return `self-check computed ${value} instead of 11`;
    return null;
  } catch (e) {
    return `failed to initialise: ${(e as Error).message}`;
  }
}

function hasWebGpu(): boolean {
  return (
    typeof navigator !== 'undefined' && 'gpu' in navigator && Boolean((navigator as { gpu?: unknown }).gpu)
  );
}
