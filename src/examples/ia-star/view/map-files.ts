import { createRng } from '../../../il/rng';
import { serializeMapJson } from '../formats/format-json-map.ts';
import { serializeMovingAiMap } from '../formats/format-movingai-map.ts';
import { parseScen, type Scenario, serializeScen } from '../formats/format-movingai-scen.ts';
import { serializePngMap } from '../formats/format-png-map.ts';
import { type GridMap, type GridPoint, gridPoint, inBounds, isBlockedAt } from '../maps/grid-map.ts';
import { parseMapFile } from '../formats/load-map-file.ts';
import { placeFarApart } from '../maps/place-endpoints.ts';
import { planOnce } from '../search/search.ts';
import { type EditorScene, PAGE_MAX_CELLS } from './editor-scene.ts';

/** What a file the user opened turned out to be. */
export type OpenedFile = { kind: 'map'; scene: EditorScene } | { kind: 'scenarios'; scenarios: Scenario[] };

export const OPEN_ACCEPT = '.map,.scen,.png,.json,.txt';

/** The file name without its folder and extension, safe to reuse for exports. */
export function baseName(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  const dot = file.lastIndexOf('.');
  const stem = (dot > 0 ? file.slice(0, dot) : file).replace(/[^A-Za-z0-9._-]+/g, '-');
  return stem || 'map';
}

function usable(map: GridMap, p: GridPoint | null): p is GridPoint {
  return p !== null && inBounds(map, p) && !isBlockedAt(map, p);
}

/** Start and goal for a map read without them: keep the current ones where they still fit, else far apart. */
function endpointsFor(map: GridMap, current: EditorScene): { start: GridPoint; goal: GridPoint } {
  if (usable(map, current.start) && usable(map, current.goal))
    return { start: current.start, goal: current.goal };
  try {
    return placeFarApart(map, createRng(1));
  } catch {
    // No free cell at all: the view reports the start on a wall.
    return { start: gridPoint(0, 0), goal: gridPoint(map.width - 1, map.height - 1) };
  }
}

/**
 * Read a file by its name: a map (Moving AI .map, .json, .png, the reference .txt) or a Moving AI .scen list.
 * Throws MapFormatError (naming the line) for malformed files and RangeError for maps too large for the page.
 */
export function openMapFile(name: string, bytes: Uint8Array, current: EditorScene): OpenedFile {
  if (name.toLowerCase().endsWith('.scen')) {
    const scenarios = parseScen(new TextDecoder('utf-8').decode(bytes));
    if (scenarios.length === 0) throw new RangeError('the scenario file lists no scenarios');
    return { kind: 'scenarios', scenarios };
  }
  const loaded = parseMapFile(name, bytes);
  const { map } = loaded;
  if (map.width * map.height > PAGE_MAX_CELLS) {
    throw new RangeError(
      `the map is ${map.width}×${map.height}, larger than this page draws (${PAGE_MAX_CELLS.toLocaleString('en')} cells); plan on it with npm run plan`,
    );
  }
  const ends =
    loaded.start && loaded.goal ? { start: loaded.start, goal: loaded.goal } : endpointsFor(map, current);
  return { kind: 'map', scene: { map, ...ends, origin: null, name: baseName(name) } };
}

export function mapFileText(scene: EditorScene): string {
  return serializeMovingAiMap(scene.map);
}

export function jsonFileText(scene: EditorScene): string {
  return serializeMapJson({ map: scene.map, start: scene.start, goal: scene.goal });
}

export function pngFileBytes(scene: EditorScene): Uint8Array {
  return serializePngMap(scene.map);
}

/** A one-line .scen for the current start and goal, its optimal length from A* (bucket = ⌊length / 4⌋). */
export function scenFileText(scene: EditorScene, mapFileName: string): string {
  const plan = planOnce(scene.map, scene.start, scene.goal);
  if (!plan.success)
    throw new RangeError('there is no path from the start to the goal, so no optimal length');
  const scenario: Scenario = {
    bucket: Math.floor(plan.pathLength / 4),
    mapName: mapFileName,
    mapWidth: scene.map.width,
    mapHeight: scene.map.height,
    start: scene.start,
    goal: scene.goal,
    optimalLength: plan.pathLength,
    line: 0,
  };
  return serializeScen([scenario]);
}
