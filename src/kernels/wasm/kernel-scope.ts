import {
  getKernel,
  type DataType,
  type KernelBackend,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from '@tensorflow/tfjs';

/** Backend whose registered kernels the composite kernels are built from. */
export const WASM = 'wasm';

/**
 * Runs the wasm backend's own registered kernels from inside another kernel, on the backend's
 * TensorInfos (no engine tensors, no copies to JS), and frees every intermediate it made when
 * disposed, except the results handed out with `keep`. Composite kernels use it as
 * `try { return scope.keep(result) } finally { scope.dispose() }`, so nothing leaks even on error.
 */
export class KernelScope {
  private readonly made: TensorInfo[] = [];

  constructor(readonly backend: KernelBackend) {}

  run(kernelName: string, inputs: NamedTensorInfoMap, attrs: NamedAttrMap = {}): TensorInfo {
    const config = getKernel(kernelName, WASM);
    if (config === undefined) {
      throw new Error(`wasm-kernels: the wasm backend has no '${kernelName}' kernel to build on.`);
    }
    const out = config.kernelFunc({ inputs, backend: this.backend, attrs });
    if (Array.isArray(out)) {
      throw new Error(`wasm-kernels: '${kernelName}' returned several outputs; expected one.`);
    }
    this.made.push(out);
    return out;
  }

  /** Hands `t` out of the scope: the caller (the engine) owns it from now on. */
  keep(t: TensorInfo): TensorInfo {
    const i = this.made.lastIndexOf(t);
    if (i >= 0) this.made.splice(i, 1);
    return t;
  }

  /** Frees an intermediate now rather than at the end (keeps peak memory down in tap loops). */
  release(t: TensorInfo): void {
    const i = this.made.lastIndexOf(t);
    if (i < 0) return;
    this.made.splice(i, 1);
    this.backend.disposeData(t.dataId);
  }

  /** A small constant (interpolation weights and the like), written to the backend. */
  constant(values: Float32Array, shape: number[]): TensorInfo {
    const t: TensorInfo = { dataId: this.backend.write(values, shape, 'float32'), shape, dtype: 'float32' };
    this.made.push(t);
    return t;
  }

  dispose(): void {
    for (const t of this.made) this.backend.disposeData(t.dataId);
    this.made.length = 0;
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  pad(x: TensorInfo, paddings: [number, number][], constantValue = 0): TensorInfo {
    return this.run('PadV2', { x }, { paddings, constantValue });
  }

  slice(x: TensorInfo, begin: number[], size: number[]): TensorInfo {
    return this.run('Slice', { x }, { begin, size });
  }

  /** x[begin : end : strides] on every axis (no masks). */
  stridedSlice(x: TensorInfo, begin: number[], end: number[], strides: number[]): TensorInfo {
    const masks = { beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0 };
    return this.run('StridedSlice', { x }, { begin, end, strides, ...masks });
  }

  matMul(a: TensorInfo, b: TensorInfo, transposeA: boolean, transposeB: boolean): TensorInfo {
    return this.run('BatchMatMul', { a, b }, { transposeA, transposeB });
  }

  concat(xs: TensorInfo[], axis: number): TensorInfo {
    // Concat takes its inputs as a list, which the kernel signature types as a name map.
    return this.run('Concat', xs as unknown as NamedTensorInfoMap, { axis });
  }

  multiply(a: TensorInfo, b: TensorInfo): TensorInfo {
    return this.run('Multiply', { a, b });
  }

  add(a: TensorInfo, b: TensorInfo): TensorInfo {
    return this.run('Add', { a, b });
  }

  sub(a: TensorInfo, b: TensorInfo): TensorInfo {
    return this.run('Sub', { a, b });
  }

  /** 1 where a == b, else 0, as float32. */
  equalMask(a: TensorInfo, b: TensorInfo): TensorInfo {
    const equal = this.run('Equal', { a, b });
    const mask = this.cast(equal, 'float32');
    this.release(equal);
    return mask;
  }

  sum(x: TensorInfo, axis: number[], keepDims = false): TensorInfo {
    return this.run('Sum', { x }, { axis, keepDims });
  }

  cast(x: TensorInfo, dtype: DataType): TensorInfo {
    return this.run('Cast', { x }, { dtype });
  }

  fill(shape: number[], value: number): TensorInfo {
    return this.run('Fill', {}, { shape, value, dtype: 'float32' });
  }

  /** One-hot rows as float32 (wasm's OneHot always writes int32, whatever dtype it is told). */
  oneHot(indices: TensorInfo, depth: number): TensorInfo {
    const hot = this.run('OneHot', { indices }, { depth, onValue: 1, offValue: 0, dtype: 'int32' });
    const asFloat = this.cast(hot, 'float32');
    this.release(hot);
    return asFloat;
  }
}

/** Runs `body` in a fresh scope and returns its result; all other intermediates are freed. */
export function withScope(backend: object, body: (scope: KernelScope) => TensorInfo): TensorInfo {
  const scope = new KernelScope(backend as KernelBackend);
  try {
    return scope.keep(body(scope));
  } finally {
    scope.dispose();
  }
}
