import { useCallback, useMemo, useState } from 'react';
import { choiceParam, numberParam, type ExampleParams } from '../../../il/problem';
import {
  WORLD_KINDS,
  type Point2,
  type Pose2,
  type Shape,
  type World,
  type WorldKind,
} from '../worlds/types.ts';
import { addObstacle, deleteObstacle, moveObstacle, setGoal, setStart } from '../worlds/world-edit.ts';
import { generateWorld } from '../worlds/worlds.ts';

export const TOOLS = ['goal', 'start', 'cylinder', 'box', 'move', 'delete'] as const;
export type Tool = (typeof TOOLS)[number];

export const TOOL_LABEL: Record<Tool, string> = {
  goal: 'Set goal',
  start: 'Place robot',
  cylinder: 'Add trunk',
  box: 'Add box',
  move: 'Move obstacle',
  delete: 'Delete obstacle',
};

/** The default editor world: a test-split seed (2 = 3·0 + 2), never a training world. */
export const DEFAULT_EDITOR_SEED = 2;

export interface EditorWorld {
  world: World;
  kind: WorldKind;
  seed: number;
  selected: number | null;
  /** Bumped on every edit, so that plans and comparisons refresh. */
  version: number;
  /** Apply a click with the current tool; returns a message for the notice area when the click did nothing. */
  click: (tool: Tool, point: Point2, obstacleId: number | null) => string | null;
  /** Throw the edits away and regenerate the world from its kind and seed. */
  regenerate: () => void;
}

/** A number kept in the view state, or NaN when absent or cleared (''). */
function optionalNumber(viewState: ExampleParams, key: string): number {
  const v = viewState[key];
  if (v === '' || v === undefined || typeof v === 'boolean') return NaN;
  return numberParam(viewState, key, NaN, -1e6, 1e6);
}

const inside = (w: World, p: Point2) =>
  p.x > w.bounds.minX && p.x < w.bounds.maxX && p.y > w.bounds.minY && p.y < w.bounds.maxY;

/**
 * The editor's world: generated from (kind, seed) in the view state, then edited in place. The goal and the robot's
 * start are kept in the view state (so a link reproduces them); added, moved and deleted obstacles live in memory.
 */
export function useEditorWorld(
  viewState: ExampleParams,
  setViewState: (patch: ExampleParams) => void,
  defaultKind: WorldKind,
): EditorWorld {
  const kind = choiceParam(viewState, 'world', WORLD_KINDS, defaultKind);
  const seed = Math.round(numberParam(viewState, 'wseed', DEFAULT_EDITOR_SEED, 0, 1_000_000));
  const generated = useMemo(() => generateWorld(kind, seed), [kind, seed]);
  const [edited, setEdited] = useState<{ base: World; world: World; version: number } | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const current =
    edited && edited.base === generated ? edited : { base: generated, world: generated, version: 0 };

  // The goal and start from the link override the generated scene.
  const world = useMemo(() => {
    let w = current.world;
    const gx = optionalNumber(viewState, 'gx');
    const gy = optionalNumber(viewState, 'gy');
    if (Number.isFinite(gx) && Number.isFinite(gy)) w = setGoal(w, { x: gx, y: gy });
    const sx = optionalNumber(viewState, 'sx');
    const sy = optionalNumber(viewState, 'sy');
    const syaw = Number.isFinite(optionalNumber(viewState, 'syaw')) ? optionalNumber(viewState, 'syaw') : 0;
    if (Number.isFinite(sx) && Number.isFinite(sy)) w = setStart(w, { x: sx, y: sy, yaw: syaw });
    return w;
  }, [current.world, viewState]);

  const edit = useCallback(
    (next: World) =>
      setEdited((e) => ({
        base: generated,
        world: next,
        version: (e?.base === generated ? e.version : 0) + 1,
      })),
    [generated],
  );

  const click = (tool: Tool, point: Point2, obstacleId: number | null): string | null => {
    const round = (v: number) => Math.round(v * 100) / 100;
    switch (tool) {
      case 'goal':
        if (!inside(world, point)) return 'The goal must lie inside the world.';
        setViewState({ gx: round(point.x), gy: round(point.y) });
        return null;
      case 'start': {
        if (!inside(world, point)) return 'The robot must stand inside the world.';
        const yaw = Math.atan2(world.goal.y - point.y, world.goal.x - point.x);
        const start: Pose2 = { x: round(point.x), y: round(point.y), yaw: round(yaw) };
        setViewState({ sx: start.x, sy: start.y, syaw: start.yaw });
        return null;
      }
      case 'cylinder':
      case 'box': {
        if (!inside(world, point)) return 'Place obstacles inside the world.';
        const shape: Shape =
          tool === 'cylinder'
            ? { kind: 'cylinder', x: point.x, y: point.y, radius: 0.3, height: 4 }
            : { kind: 'box', x: point.x, y: point.y, halfX: 0.8, halfY: 0.25, yaw: 0, height: 1.2 };
        edit(addObstacle(current.world, shape));
        return null;
      }
      case 'move':
        if (obstacleId !== null) {
          setSelected(obstacleId);
          return null;
        }
        if (selected === null) return 'Click an obstacle first, then the place to move it to.';
        if (!inside(world, point)) return 'Move obstacles inside the world.';
        edit(moveObstacle(current.world, selected, point.x, point.y));
        setSelected(null);
        return null;
      case 'delete':
        if (obstacleId === null) return 'Click an obstacle to delete it.';
        edit(deleteObstacle(current.world, obstacleId));
        return null;
    }
  };

  const regenerate = () => {
    setEdited(null);
    setSelected(null);
    setViewState({ gx: '', gy: '', sx: '', sy: '', syaw: '' });
  };

  return { world, kind, seed, selected, version: current.version, click, regenerate };
}
