import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ExampleParams } from '../../../il/problem';
import {
  canRedo,
  canUndo,
  commit,
  createHistory,
  type EditHistory,
  redo,
  replacePresent,
  undo,
} from '../maps/edit-history.ts';
import type { EditorScene } from './editor-scene.ts';
import { linkFromScene, sceneFromLink, sceneLinkKey } from './scene-link.ts';

interface EditorState {
  /** sceneLinkKey of the view state this history agrees with; another key means the link changed outside. */
  key: string;
  history: EditHistory<EditorScene>;
  /** Whether the link reproduces the present scene. */
  inLink: boolean;
  /** Why part of the link could not be used, when it could not. */
  problem: string | null;
  /** Bumped when the history restarts from the link (a preset, a pasted link), not on edits. */
  generation: number;
}

export interface SceneEditor {
  scene: EditorScene;
  canUndo: boolean;
  canRedo: boolean;
  inLink: boolean;
  linkProblem: string | null;
  generation: number;
  /** Show a scene while a drag is under way: no undo step, no link update. */
  preview: (next: EditorScene) => void;
  /** Record a scene as one undo step (after a drag, pass the scene from before it) and put it in the link. */
  commit: (next: EditorScene, before?: EditorScene) => void;
  undo: () => void;
  redo: () => void;
}

/** Undo depth by map size: about 16 MB of wall arrays at most. */
function historyLimit(scene: EditorScene): number {
  return Math.max(8, Math.min(100, Math.floor(16e6 / (scene.map.width * scene.map.height))));
}

function fromLink(view: ExampleParams, params: ExampleParams, generation: number): EditorState {
  const { scene, problem } = sceneFromLink(view, params);
  return {
    key: sceneLinkKey(view, params),
    history: createHistory(scene, historyLimit(scene)),
    inLink: true,
    problem,
    generation,
  };
}

/**
 * The editor's scene with undo / redo, kept in the link. The history restarts from the link only when the link
 * names another map than the one the editor wrote itself (a preset chosen, a link opened); the editor's own
 * writes never reset it. Drags update the link once, when they end.
 */
export function useSceneEditor(
  viewState: ExampleParams,
  params: ExampleParams,
  setViewState: (patch: ExampleParams) => void,
): SceneEditor {
  const key = sceneLinkKey(viewState, params);
  const [state, setState] = useState<EditorState>(() => fromLink(viewState, params, 0));
  let current = state;
  if (state.key !== key) {
    current = fromLink(viewState, params, state.generation + 1);
    setState(current);
  }
  // Handlers read and write the latest state through this ref (a render may not have happened between two).
  const latest = useRef({ state: current, viewState, params, setViewState });
  useLayoutEffect(() => {
    latest.current = { state: current, viewState, params, setViewState };
  });

  const apply = useCallback((history: EditHistory<EditorScene>) => {
    const { state: s, viewState: view, params: p, setViewState: setView } = latest.current;
    const patch = linkFromScene(history.present);
    const next: EditorState = {
      ...s,
      history,
      key: patch ? sceneLinkKey({ ...view, ...patch }, p) : s.key,
      inLink: patch !== null,
      problem: null,
    };
    latest.current = { ...latest.current, state: next, viewState: patch ? { ...view, ...patch } : view };
    setState(next);
    if (patch) setView(patch);
  }, []);

  const preview = useCallback((scene: EditorScene) => {
    const s = latest.current.state;
    const next = { ...s, history: replacePresent(s.history, scene) };
    latest.current = { ...latest.current, state: next };
    setState(next);
  }, []);

  const commitScene = useCallback(
    (scene: EditorScene, before?: EditorScene) => {
      const h = latest.current.state.history;
      const base = before ? replacePresent(h, before) : h;
      if (Object.is(base.present, scene)) {
        // A drag that changed nothing: put the present back without an undo step.
        apply(replacePresent(h, scene));
        return;
      }
      apply(commit({ ...base, limit: historyLimit(scene) }, scene));
    },
    [apply],
  );
  const undoScene = useCallback(() => {
    const h = latest.current.state.history;
    if (canUndo(h)) apply(undo(h));
  }, [apply]);
  const redoScene = useCallback(() => {
    const h = latest.current.state.history;
    if (canRedo(h)) apply(redo(h));
  }, [apply]);

  return {
    scene: current.history.present,
    canUndo: canUndo(current.history),
    canRedo: canRedo(current.history),
    inLink: current.inLink,
    linkProblem: current.problem,
    generation: current.generation,
    preview,
    commit: commitScene,
    undo: undoScene,
    redo: redoScene,
  };
}
