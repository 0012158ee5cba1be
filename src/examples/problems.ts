import type { ProblemFactory } from '../il/problem';

/**
 * id → problem factory: what the training worker and the CLI load. Lazy, so each example's engine is its own
 * chunk and the worker only pulls in the example on the page. No React here.
 */
export const problemLoaders: Record<string, () => Promise<ProblemFactory>> = {
  explorer: () => import('./explorer/problem').then((m) => m.explorerFactory as unknown as ProblemFactory),
  'ia-star': () => import('./ia-star/problem').then((m) => m.iaStarFactory as unknown as ProblemFactory),
  iplanner: () => import('./iplanner/problem').then((m) => m.iplannerFactory as unknown as ProblemFactory),
  impc: () => import('./impc/problem').then((m) => m.impcFactory as unknown as ProblemFactory),
  imtsp: () => import('./imtsp/problem').then((m) => m.imtspFactory as unknown as ProblemFactory),
};

export async function loadProblemFactory(exampleId: string): Promise<ProblemFactory> {
  const loader = problemLoaders[exampleId];
  if (!loader)
    throw new Error(`unknown example "${exampleId}" (known: ${Object.keys(problemLoaders).join(', ')})`);
  return loader();
}
