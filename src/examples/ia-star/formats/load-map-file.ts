import { parseMapJson } from './format-json-map.ts';
import { parseMovingAiMap } from './format-movingai-map.ts';
import { parsePngMap } from './format-png-map.ts';
import { parseReferenceMap } from './format-reference-map.ts';
import { type LoadedMap, MapFormatError } from './map-format-error.ts';

/** The map formats a user can open, by file name extension. */
export const MAP_FILE_EXTENSIONS = ['.map', '.json', '.png', '.txt'] as const;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * Read a map file by its name: Moving AI `.map`, the project's `.json`, a `.png` image, or the reference
 * `.txt` format (with start and goal). Throws MapFormatError only.
 */
export function parseMapFile(name: string, bytes: Uint8Array): LoadedMap {
  const ext = extensionOf(name);
  const text = (): string => new TextDecoder('utf-8').decode(bytes);
  switch (ext) {
    case '.map':
      return { map: parseMovingAiMap(text()), start: null, goal: null };
    case '.json':
      return parseMapJson(text());
    case '.png':
      return parsePngMap(bytes);
    case '.txt':
      return parseReferenceMap(text());
    default:
      throw new MapFormatError(
        'movingai-map',
        null,
        `cannot tell the format of '${name}': expected a file ending in ${MAP_FILE_EXTENSIONS.join(', ')}`,
      );
  }
}
