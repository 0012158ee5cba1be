import { choiceParam, numberParam, type ExampleParams } from '../../../il/problem';
import { createGridMap, type GridPoint, gridPoint } from '../maps/grid-map.ts';
import { MAP_KINDS, type MapKind } from '../maps/generate-map.ts';
import {
  EDITOR_MAX_SIDE,
  EDITOR_MIN_SIDE,
  type EditorScene,
  type GenOrigin,
  generatedScene,
  originName,
} from './editor-scene.ts';
import { decodeWalls, encodeWalls } from './wall-code.ts';

/**
 * The editor's map in the link (view state `v.*`, never restarting training):
 *   kind, mw, mh, mseed  the generator (default: the example params mapKind, width, height, mapSeed)
 *   walls                edited walls (wall-code.ts), when they fit in LINK_WALLS_MAX characters
 *   sx, sy, gx, gy       start and goal
 * A generated map is linked by its generator; an edited one by its walls when they are short enough (every map
 * up to 64×64, and sparse larger ones); otherwise the link cannot hold it and the view says so.
 */
export const LINK_WALLS_MAX = 3000;

const KINDS = MAP_KINDS.map((k) => k.kind);
const LINK_KEYS = ['kind', 'mw', 'mh', 'mseed', 'walls', 'sx', 'sy', 'gx', 'gy'] as const;
const PARAM_KEYS = ['mapKind', 'width', 'height', 'mapSeed'] as const;

/** The generator the example's params describe (the training maps' class); never throws. */
export function paramsOrigin(params: ExampleParams): GenOrigin {
  return {
    kind: choiceParam<MapKind>(params, 'mapKind', KINDS, 'random-rectangles'),
    width: Math.round(numberParam(params, 'width', 32, EDITOR_MIN_SIDE, EDITOR_MAX_SIDE)),
    height: Math.round(numberParam(params, 'height', 32, EDITOR_MIN_SIDE, EDITOR_MAX_SIDE)),
    seed: Math.round(numberParam(params, 'mapSeed', 1, 0, 2 ** 31)),
  };
}

/** Changes exactly when the link names another map (the editor resets its history then, and only then). */
export function sceneLinkKey(view: ExampleParams, params: ExampleParams): string {
  return JSON.stringify([
    ...LINK_KEYS.map((k) => view[k] ?? null),
    ...PARAM_KEYS.map((k) => params[k] ?? null),
  ]);
}

function linkedPoint(view: ExampleParams, kx: string, ky: string, w: number, h: number): GridPoint | null {
  const x = view[kx];
  const y = view[ky];
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= w || y >= h) return null;
  return gridPoint(x, y);
}

export interface LinkedScene {
  scene: EditorScene;
  /** Set when part of the link could not be used (the rest still is). */
  problem: string | null;
}

/** The scene a link describes; a malformed link falls back to the generator and says why. */
export function sceneFromLink(view: ExampleParams, params: ExampleParams): LinkedScene {
  const base = paramsOrigin(params);
  const origin: GenOrigin = {
    kind: choiceParam<MapKind>(view, 'kind', KINDS, base.kind),
    width: Math.round(numberParam(view, 'mw', base.width, EDITOR_MIN_SIDE, EDITOR_MAX_SIDE)),
    height: Math.round(numberParam(view, 'mh', base.height, EDITOR_MIN_SIDE, EDITOR_MAX_SIDE)),
    seed: Math.round(numberParam(view, 'mseed', base.seed, 0, 2 ** 31)),
  };
  let problem: string | null = null;
  let scene: EditorScene;
  try {
    scene = generatedScene(origin);
  } catch (e) {
    problem = `The link's map generator failed (${e instanceof Error ? e.message : String(e)}); showing the preset's map.`;
    scene = generatedScene(base);
  }
  const walls = view.walls;
  if (typeof walls === 'string' && walls !== '') {
    const blocked = decodeWalls(walls, origin.width * origin.height);
    if (blocked) {
      scene = {
        map: createGridMap(origin.width, origin.height, blocked),
        start: gridPoint(0, 0),
        goal: gridPoint(origin.width - 1, origin.height - 1),
        origin: null,
        // Edits keep the generated map's name (the editor does the same), so exports match across a link.
        name: originName(origin),
      };
    } else {
      problem = `The walls in the link could not be read for a ${origin.width}×${origin.height} map; showing the generated map instead.`;
    }
  }
  const { width, height } = scene.map;
  const start = linkedPoint(view, 'sx', 'sy', width, height);
  const goal = linkedPoint(view, 'gx', 'gy', width, height);
  return { scene: { ...scene, start: start ?? scene.start, goal: goal ?? scene.goal }, problem };
}

/**
 * The view-state patch that links this scene, or null when the link cannot hold it (edited walls too long).
 * Keys the patch does not need are cleared (''), so an old value never lingers.
 */
export function linkFromScene(scene: EditorScene): ExampleParams | null {
  const { map, start, goal, origin } = scene;
  const ends = { sx: start.x, sy: start.y, gx: goal.x, gy: goal.y };
  if (origin) {
    return { kind: origin.kind, mw: origin.width, mh: origin.height, mseed: origin.seed, walls: '', ...ends };
  }
  if (map.width > EDITOR_MAX_SIDE || map.height > EDITOR_MAX_SIDE) return null;
  const walls = encodeWalls(map.blocked);
  if (walls.length > LINK_WALLS_MAX) return null;
  return { mw: map.width, mh: map.height, walls, ...ends };
}
