import '@tensorflow/tfjs-backend-wasm';
import { selectBackend, type BackendChoice } from './backend';
import { registerWasmTrainingKernels } from '../kernels/wasm';

/**
 * tfjs in Node (tests, bench, train, plan): wasm by default (with the training kernels it lacks), cpu as the
 * fallback. Never tfjs-node, whose install downloads a binary. Idempotent per backend.
 */
export async function setupNodeBackend(requested: 'wasm' | 'cpu' | 'auto' = 'wasm'): Promise<BackendChoice> {
  return selectBackend({
    requested: requested === 'auto' ? 'wasm' : requested,
    order: ['wasm', 'cpu'],
    prepare: { wasm: registerWasmTrainingKernels },
  });
}
