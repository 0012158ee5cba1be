import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it, vi } from 'vitest';
import { registerWasmTrainingKernels, wasmTrainingKernels } from './index';

describe('registerWasmTrainingKernels', () => {
  it('registers every kernel for wasm, is idempotent and warns about nothing', async () => {
    const warn = vi.spyOn(console, 'warn');
    registerWasmTrainingKernels();
    registerWasmTrainingKernels();
    expect(await tf.setBackend('wasm')).toBe(true);
    registerWasmTrainingKernels(); // after the backend started, too
    for (const config of wasmTrainingKernels) expect(tf.getKernel(config.kernelName, 'wasm')).toBe(config);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('covers what wasm lacks or gets wrong for conv-net training, and touches no other backend', () => {
    const names = wasmTrainingKernels.map((k) => k.kernelName).sort();
    expect(names).toEqual(
      [
        'Conv2DBackpropFilter',
        'Conv2DBackpropInput',
        'DepthwiseConv2dNativeBackpropFilter',
        'DepthwiseConv2dNativeBackpropInput',
        'MaxPoolGrad',
        'ResizeBilinearGrad',
        'ResizeNearestNeighborGrad',
        'UnsortedSegmentSum',
      ].sort(),
    );
    for (const config of wasmTrainingKernels) {
      expect(config.backendName).toBe('wasm');
      expect(tf.getKernel(config.kernelName, 'cpu')).not.toBe(config);
    }
  });
});
