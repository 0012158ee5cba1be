import type { NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';

/** The named input of a kernel call, or a clear error naming the kernel when it is missing. */
export function requireInput(inputs: NamedTensorInfoMap, name: string, kernelName: string): TensorInfo {
  const t = inputs[name];
  if (t === undefined) throw new Error(`wasm-kernels: ${kernelName} was called without input '${name}'.`);
  return t;
}

/** [h, w] from a number or a pair (strides, dilations). */
export function pairOf(v: number | [number, number] | undefined, fallback: number): [number, number] {
  if (v === undefined) return [fallback, fallback];
  return typeof v === 'number' ? [v, v] : v;
}

export function assertShape(t: TensorInfo, expected: number[], what: string): void {
  const same = t.shape.length === expected.length && t.shape.every((d, i) => d === expected[i]);
  if (!same) {
    throw new Error(
      `wasm-kernels: ${what} has shape [${t.shape.join(', ')}], expected [${expected.join(', ')}].`,
    );
  }
}

export function asShape4(shape: number[]): [number, number, number, number] {
  if (shape.length !== 4)
    throw new Error(`wasm-kernels: expected a rank-4 shape, got [${shape.join(', ')}].`);
  return [shape[0], shape[1], shape[2], shape[3]];
}
