import type { ExampleViewModule } from '../ui/define-view';

export type { ExampleViewModule };

// Every example's view, found by folder: one lazy chunk each, so the landing page and the worker never load React
// views they do not show.
const viewModules = import.meta.glob<ExampleViewModule>('../examples/*/view/index.tsx');

export function loadView(exampleId: string): Promise<ExampleViewModule> {
  const load = viewModules[`../examples/${exampleId}/view/index.tsx`];
  if (!load) return Promise.reject(new Error(`example "${exampleId}" has no view/index.tsx`));
  return load();
}
