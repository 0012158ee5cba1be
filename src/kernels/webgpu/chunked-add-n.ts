import * as tf from '@tensorflow/tfjs';

/**
 * tfjs-backend-webgpu 4.22 defect: its AddN kernel binds every input as its own storage buffer and never checks
 * the device's `maxStorageBuffersPerShaderStage` (8 on most adapters, the default WebGPU limit). With more than 7
 * inputs the compute pipeline is invalid, the dispatch is dropped with only a console warning, and the result is
 * whatever stale data the pooled output buffer held. The trainer's ‖∇U‖ = sqrt(AddN(Σg²…)) read back the 11 of the
 * backend self-check on every step. Reproduction: `tf.addN` of 9 scalars 1…9 on webgpu gives 28 (the first 7)
 * instead of 45 (see e2e/backend-equivalence.spec.ts and the Backend check page).
 *
 * The fix wraps the backend's own kernel: inputs are summed in chunks that fit the binding limit, then the partial
 * sums are summed the same way. The stock kernel does all the arithmetic; only the grouping changes.
 */

type TensorInfo = tf.TensorInfo;
interface DeviceLimits {
  device?: { limits?: { maxStorageBuffersPerShaderStage?: number } };
}

/** Storage buffers the stock kernel may bind for inputs: the per-stage limit less one for the output. */
export function addNInputLimit(backend: unknown): number {
  const limit = (backend as DeviceLimits).device?.limits?.maxStorageBuffersPerShaderStage ?? 8;
  return Math.max(2, limit - 1);
}

/** The stock kernels replaced so far, by backend (the probe below still runs them). */
const stockKernels = new Map<string, tf.KernelFunc>();

/** Replaces `AddN` on `backendName` with the chunked wrapper. Idempotent; a no-op where no kernel is registered. */
export function registerChunkedAddN(backendName: string, inputLimit: (backend: unknown) => number): void {
  if (stockKernels.has(backendName)) return;
  const stock = tf.getKernel(tf.AddN, backendName);
  if (!stock) return;
  const stockFunc = stock.kernelFunc;
  stockKernels.set(backendName, stockFunc);
  const sumAll = (inputs: TensorInfo[], backend: tf.KernelBackend, attrs: tf.NamedAttrMap): TensorInfo => {
    const run = (group: TensorInfo[]): TensorInfo => {
      // The stock kernel reads `inputs` as an array, as tfjs itself passes it for AddN.
      const out = stockFunc({ inputs: group as unknown as tf.NamedTensorInfoMap, backend, attrs });
      if (Array.isArray(out) || out instanceof Promise)
        throw new Error('AddN: the stock kernel returned an unexpected result');
      return out;
    };
    const limit = inputLimit(backend);
    if (inputs.length <= limit) return run(inputs);
    const partials: TensorInfo[] = [];
    for (let i = 0; i < inputs.length; i += limit) partials.push(run(inputs.slice(i, i + limit)));
    const total = sumAll(partials, backend, attrs);
    for (const p of partials) backend.disposeData(p.dataId);
    return total;
  };
  tf.unregisterKernel(tf.AddN, backendName);
  tf.registerKernel({
    kernelName: tf.AddN,
    backendName,
    // For AddN, tfjs passes the input list itself as `inputs` (an array, which the stock kernel relies on).
    kernelFunc: ({ inputs, backend, attrs }) =>
      sumAll(
        Object.values(inputs).filter((t): t is TensorInfo => t !== undefined),
        backend as tf.KernelBackend,
        attrs ?? {},
      ),
  });
}

export interface AddNProbe {
  backend: string;
  inputs: number;
  expected: number;
  /** What the backend's stock AddN kernel returns for 1 + 2 + … + inputs. */
  stock: number;
  /** What tf.addN returns now (patched where the backend needed it). */
  current: number;
}

/**
 * The minimal reproduction, run on the current backend: the sum of the scalars 1…n with n two past the binding
 * limit, through the stock kernel and through tf.addN as registered now.
 */
export async function probeAddN(): Promise<AddNProbe> {
  const backendName = tf.getBackend();
  const backend = tf.backend();
  const n = addNInputLimit(backend) + 2;
  const xs = Array.from({ length: n }, (_, i) => tf.scalar(i + 1));
  const stockFunc = stockKernels.get(backendName) ?? tf.getKernel(tf.AddN, backendName)?.kernelFunc;
  try {
    let stock = NaN;
    if (stockFunc) {
      const info = stockFunc({ inputs: xs as unknown as tf.NamedTensorInfoMap, backend, attrs: {} });
      if (!Array.isArray(info) && !(info instanceof Promise)) {
        const t = tf.engine().makeTensorFromTensorInfo(info);
        stock = (await t.data())[0];
        t.dispose();
      }
    }
    const sum = tf.addN(xs);
    const current = (await sum.data())[0];
    sum.dispose();
    return { backend: backendName, inputs: n, expected: (n * (n + 1)) / 2, stock, current };
  } finally {
    tf.dispose(xs);
  }
}
