import type { ExampleMeta } from '../il/example-meta';
import { explorerMeta } from './explorer/meta';
import { iaStarMeta } from './ia-star/meta';
import { imtspMeta } from './imtsp/meta';
import { iplannerMeta } from './iplanner/meta';
import { impcMeta } from './impc/meta';

/** Every example's metadata, in landing-page order. Light: no engine, model or view code. */
export const catalog: readonly ExampleMeta[] = [explorerMeta, iaStarMeta, impcMeta, iplannerMeta, imtspMeta];

export function findExample(id: string): ExampleMeta | undefined {
  return catalog.find((m) => m.id === id);
}
