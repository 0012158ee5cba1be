import type { ExampleManifest } from '../il/example/define';
import type { ExampleMeta } from '../il/example-meta';
import type { ProblemFactory } from '../il/problem';
import * as manifests from './index';

/** Landing-page order: the explorer first (it teaches the vocabulary), then the rest as index.ts lists them. */
export const examples: readonly ExampleManifest[] = Object.values(manifests).sort(
  (a, b) => Number(b.id === 'explorer') - Number(a.id === 'explorer'),
);

export function findManifest(id: string): ExampleManifest | undefined {
  return examples.find((e) => e.id === id);
}

export function findExample(id: string): ExampleMeta | undefined {
  return findManifest(id)?.meta;
}

export async function loadProblemFactory(exampleId: string): Promise<ProblemFactory> {
  const manifest = findManifest(exampleId);
  if (!manifest)
    throw new Error(`unknown example "${exampleId}" (known: ${examples.map((e) => e.id).join(', ')})`);
  return manifest.loadProblem();
}
