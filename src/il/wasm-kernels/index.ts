import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter';
import { depthwiseFilterGradConfig, depthwiseInputGradConfig } from './depthwise-backprop';
import { maxPoolGradConfig } from './max-pool-grad';
import { resizeBilinearGradConfig, resizeNearestNeighborGradConfig } from './resize-grad';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum';

/**
 * Training kernels for tfjs 4.22's wasm backend, each built only from wasm's own kernels.
 * `missing`: wasm has no such kernel (upstream tensorflow/tfjs#8474); registered only while absent,
 * so a later tfjs that ships its own keeps it. `faulty`: wasm's own kernel computes wrong
 * gradients; replaced. README.md in this folder has the survey behind this list.
 */
const missing: readonly KernelConfig[] = [
  conv2DBackpropFilterConfig,
  depthwiseFilterGradConfig,
  depthwiseInputGradConfig,
  unsortedSegmentSumConfig,
];
const faulty: readonly KernelConfig[] = [
  maxPoolGradConfig,
  resizeBilinearGradConfig,
  resizeNearestNeighborGradConfig,
];

export const wasmTrainingKernels: readonly KernelConfig[] = [...missing, ...faulty];

/**
 * Registers the wasm training kernels. Idempotent. Call it before `tf.setBackend('wasm')`; calling
 * it later also works, since none of these kernels needs a per-backend setup step.
 */
export function registerWasmTrainingKernels(): void {
  for (const config of missing) {
    if (getKernel(config.kernelName, config.backendName) === undefined) registerKernel(config);
  }
  for (const config of faulty) {
    const current = getKernel(config.kernelName, config.backendName);
    if (current === config) continue;
    if (current !== undefined) unregisterKernel(config.kernelName, config.backendName);
    registerKernel(config);
  }
}
