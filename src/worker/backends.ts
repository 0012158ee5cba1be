import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendChoice, type BackendName } from '../il/backend';
import { registerWasmTrainingKernels } from '../il/wasm-kernels';

/**
 * Backend choice inside the browser worker: webgpu → webgl → wasm → cpu. The wasm binaries are bundled by Vite;
 * multithreading is switched off on purpose (it breaks in a minified build and gave no speed-up on 2 cores).
 */
export function chooseBrowserBackend(requested: BackendName | 'auto'): Promise<BackendChoice> {
  return selectBackend({
    requested,
    prepare: {
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
    },
  });
}
