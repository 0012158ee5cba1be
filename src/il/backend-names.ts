/** Backend names without importing tfjs, so the page shell can show and choose them without loading it. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendChoice {
  /** The backend training runs on. */
  name: BackendName;
  requested: BackendName | 'auto';
  /** Every backend tried before it, and why it was not used. */
  fallbacks: { name: BackendName; reason: string }[];
  /** What the badge should know about it, e.g. "software adapter (swiftshader)". */
  note?: string;
}

export function isBackendName(x: unknown): x is BackendName {
  return typeof x === 'string' && (BACKEND_ORDER as readonly string[]).includes(x);
}
