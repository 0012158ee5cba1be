import type { ExampleMeta } from '../il/example-meta';
import { explorerMeta } from './explorer/meta';

/** Every example's metadata, in landing-page order. Light: no engine, model or view code. */
export const catalog: readonly ExampleMeta[] = [explorerMeta];

export function findExample(id: string): ExampleMeta | undefined {
  return catalog.find((m) => m.id === id);
}
