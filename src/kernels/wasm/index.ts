import {
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelBackend,
  type KernelConfig,
} from '@tensorflow/tfjs';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2DBackpropInputConfig } from './conv2d-backprop-input';
import { depthwiseFilterGradConfig, depthwiseInputGradConfig } from './depthwise-backprop';
import { maxPoolGradConfig } from './max-pool-grad';
import { resizeBilinearGradConfig, resizeNearestNeighborGradConfig } from './resize-grad';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum';

/**
 * Training kernels for tfjs 4.22's wasm backend, each built only from wasm's own kernels.
 * `missing`: wasm has no such kernel (upstream tensorflow/tfjs#8474); registered only while absent,
 * so a later tfjs that ships its own keeps it. `faulty`: wasm's own kernel computes wrong
 * gradients; replaced. `slow`: wasm's own kernel is right but far slower than one built on its
 * XNNPACK kernels; replaced. README.md in this folder has the survey behind this list.
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
const slow: readonly KernelConfig[] = [conv2DBackpropInputConfig];
const replaced = [...faulty, ...slow];

export const wasmTrainingKernels: readonly KernelConfig[] = [...missing, ...replaced];

/** wasm's own kernels that `registerWasmTrainingKernels` replaced, by name (for before/after timings). */
const stock = new Map<string, KernelConfig>();

/**
 * Registers the wasm training kernels. Idempotent. Call it before `tf.setBackend('wasm')`; calling
 * it later also works, since none of these kernels needs a per-backend setup step.
 */
export function registerWasmTrainingKernels(): void {
  for (const config of missing) {
    if (getKernel(config.kernelName, config.backendName) === undefined) registerKernel(config);
  }
  for (const config of replaced) {
    const current = getKernel(config.kernelName, config.backendName);
    if (current === config) continue;
    if (current !== undefined) {
      stock.set(config.kernelName, current);
      unregisterKernel(config.kernelName, config.backendName);
    }
    registerKernel(config);
  }
}

/**
 * Runs `body` with wasm's own (stock) kernel `kernelName` in place of this folder's replacement, then
 * puts the replacement back: for timing a kernel before and after, in one process. The wasm backend
 * must be active (the stock kernel's setup step runs against it). Throws if there is no stock kernel.
 */
export async function withStockWasmKernel<T>(
  kernelName: string,
  backend: KernelBackend,
  body: () => Promise<T>,
): Promise<T> {
  const original = stock.get(kernelName);
  const ours = getKernel(kernelName, 'wasm');
  if (original === undefined || ours === undefined) {
    throw new Error(`wasm-kernels: no stock wasm '${kernelName}' was replaced, nothing to compare with.`);
  }
  unregisterKernel(kernelName, 'wasm');
  registerKernel(original);
  original.setupFunc?.(backend);
  try {
    return await body();
  } finally {
    unregisterKernel(kernelName, 'wasm');
    registerKernel(ours);
  }
}
