import { generateMap, type MapKind } from '../maps/generate-map.ts';
import type { GridMap, GridPoint, GridScene } from '../maps/grid-map.ts';
import { resizeScene, setGoal, setStart } from '../maps/map-edit.ts';

/** The generator settings that reproduce a map. */
export interface GenOrigin {
  kind: MapKind;
  width: number;
  height: number;
  seed: number;
}

/**
 * What the editor edits and undoes: a scene, where its map came from, and a name for exported files.
 * `origin` is set exactly while the walls are those the generator made (moving start or goal keeps it), so a
 * link can say "kind, size, seed" instead of listing walls.
 */
export interface EditorScene extends GridScene {
  readonly origin: GenOrigin | null;
  readonly name: string;
}

/** Sides the editor's size fields and links accept (every generator works from 8; 512² generates in well under a second). */
export const EDITOR_MAX_SIDE = 512;
export const EDITOR_MIN_SIDE = 8;
/** Largest map (cells) the page opens from a file: five RGBA buffers of it must fit comfortably in memory. */
export const PAGE_MAX_CELLS = 2048 * 2048;

export function originName(o: GenOrigin): string {
  return `${o.kind}-${o.width}x${o.height}-seed${o.seed}`;
}

export function generatedScene(origin: GenOrigin): EditorScene {
  const scene = generateMap(origin.kind, { width: origin.width, height: origin.height, seed: origin.seed });
  return { ...scene, origin, name: originName(origin) };
}

/** Move the start (clamped into the map); the same object back when nothing changed. */
export function withStart(scene: EditorScene, p: GridPoint): EditorScene {
  const next = setStart(scene, p);
  return next === scene ? scene : { ...scene, start: next.start };
}

export function withGoal(scene: EditorScene, p: GridPoint): EditorScene {
  const next = setGoal(scene, p);
  return next === scene ? scene : { ...scene, goal: next.goal };
}

/** New walls: the map no longer is the generator's. */
export function withWalls(scene: EditorScene, map: GridMap): EditorScene {
  return map === scene.map ? scene : { ...scene, map, origin: null };
}

export function withSize(scene: EditorScene, width: number, height: number): EditorScene {
  const next = resizeScene(scene, width, height);
  return next === scene ? scene : { ...scene, ...next, origin: null };
}
