import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendChoice, type BackendName } from '../il/backend';
import { addNInputLimit, registerChunkedAddN } from '../kernels/webgpu/chunked-add-n';
import { registerWasmTrainingKernels } from '../kernels/wasm';

/**
 * Backend set-up inside a browser worker: webgpu → webgl → wasm → cpu. The wasm binaries are bundled by Vite;
 * multithreading is switched off on purpose (it breaks in a minified build and gave no speed-up on 2 cores).
 */
const prepare: Partial<Record<BackendName, () => void>> = {
  wasm: () => {
    // setWasmPaths insists on all three binaries; the threaded one is never fetched with multithreading off.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(
      {
        'tfjs-backend-wasm.wasm': wasmUrl,
        'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
      },
      true,
    );
    registerWasmTrainingKernels();
  },
  // tfjs-webgpu's AddN silently drops sums of more than 7 tensors (see kernels/webgpu/chunked-add-n.ts).
  webgpu: () => registerChunkedAddN('webgpu', addNInputLimit),
};

export async function chooseBrowserBackend(
  requested: BackendName | 'auto',
  order?: readonly BackendName[],
): Promise<BackendChoice> {
  const choice = await selectBackend({ requested, order, prepare });
  const note = adapterNote(choice.name);
  return note ? { ...choice, note } : choice;
}

interface WebGpuAdapterInfo {
  adapterInfo?: { architecture?: string; vendor?: string };
}

/** Names a software WebGPU adapter (SwiftShader: no GPU driver) as such; it is correct, but no faster than a CPU. */
function adapterNote(name: BackendName): string | undefined {
  if (name !== 'webgpu') return undefined;
  const info = (tf.backend() as unknown as WebGpuAdapterInfo).adapterInfo;
  const architecture = info?.architecture ?? '';
  if (/swiftshader/i.test(architecture)) return `software adapter (${architecture}, no GPU driver)`;
  return architecture ? `adapter: ${[info?.vendor, architecture].filter(Boolean).join(' ')}` : undefined;
}

/** Switches to one named backend (with its preparation); false where it cannot start here. */
export async function switchBrowserBackend(name: BackendName): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  try {
    prepare[name]?.();
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok;
  } catch {
    return false;
  }
}
