import { useCallback, useState } from 'react';
import { choiceParam, numberParam, type ExampleParams } from '../../../il/problem';
import { clusteredInstance, uniformInstance } from '../instances/generators';
import type { MtspInstance } from '../instances/instance';
import { decodeCities, encodeCities, MAX_CITIES_IN_LINK } from '../instances/instance-edits';

export const INSTANCE_KINDS = ['uniform', 'clustered'] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

export interface EditorSource {
  kind: InstanceKind;
  cities: number;
  seed: number;
}

export function editorSource(view: ExampleParams): EditorSource {
  return {
    kind: choiceParam(view, 'kind', INSTANCE_KINDS, 'uniform'),
    cities: Math.round(numberParam(view, 'n', 50, 2, 500)),
    seed: Math.round(numberParam(view, 'iseed', 7, 0, 2 ** 31)),
  };
}

export function generateInstance({ kind, cities, seed }: EditorSource): MtspInstance {
  const name = `${kind}-${cities}-s${seed}`;
  return kind === 'clustered'
    ? clusteredInstance({ n: cities, seed, name })
    : uniformInstance({ n: cities, seed, name });
}

/**
 * The instance in the editor. It starts from the link (edited cities, or a seeded generator) and is then owned
 * here: edits never restart training. Edited instances of up to MAX_CITIES_IN_LINK cities go back into the link.
 */
export function useEditorInstance(view: ExampleParams, setView: (patch: ExampleParams) => void) {
  const [state, setState] = useState(() => {
    const text = typeof view.cities === 'string' && view.cities !== '' ? view.cities : null;
    const fromLink = text ? decodeCities(text) : null;
    return { instance: fromLink ?? generateInstance(editorSource(view)), revision: 0, inLink: true };
  });

  const commit = useCallback(
    (instance: MtspInstance, patch: ExampleParams = {}) => {
      const inLink = instance.x.length <= MAX_CITIES_IN_LINK;
      setState((s) => ({ instance, revision: s.revision + 1, inLink }));
      setView({ ...patch, cities: inLink ? encodeCities(instance) : '' });
    },
    [setView],
  );

  /** A fresh seeded instance: only its recipe goes into the link. */
  const regenerate = useCallback(
    (source: EditorSource) => {
      setState((s) => ({ instance: generateInstance(source), revision: s.revision + 1, inLink: true }));
      setView({ kind: source.kind, n: source.cities, iseed: source.seed, cities: '' });
    },
    [setView],
  );

  return { ...state, commit, regenerate };
}
