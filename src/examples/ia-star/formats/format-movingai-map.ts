import { createGridMap, type GridMap, mapToRows, MAX_GRID_SIDE } from '../maps/grid-map.ts';
import {
  asFormatError,
  type MapFileFormat,
  MapFormatError,
  movingAiTerrainIsWall,
  parseSide,
  quote,
  splitLines,
} from './map-format-error.ts';

/**
 * Moving AI `.map` files (N. Sturtevant, "Benchmarks for Grid-Based Pathfinding", 2012):
 *   type octile / height H / width W / map / H rows of W characters.
 * Passable: `.` `G` `S`; blocked: `@` `O` `T` `W`. Written back with `.` and `@` only.
 */

/** Read "<keyword> <value>" header lines; shared with the reference format. */
export class HeaderReader {
  index = 0;
  constructor(
    readonly format: MapFileFormat,
    readonly lines: string[],
  ) {}

  /** No more lines (a final newline leaves one empty string, which does not count as a line). */
  atEnd(): boolean {
    const n = this.lines.length;
    return this.index >= n || (this.index === n - 1 && this.lines[n - 1] === '');
  }

  /** The next line, trimmed; its 1-based number is this.index after the call. */
  next(expected: string): string {
    if (this.atEnd()) {
      throw new MapFormatError(this.format, this.index + 1, `expected ${expected}, but the file ends here`);
    }
    return this.lines[this.index++].trim();
  }

  fail(detail: string): never {
    throw new MapFormatError(this.format, this.index, detail);
  }

  keyword(word: string): void {
    const line = this.next(`'${word}'`);
    if (line !== word) this.fail(`expected '${word}', got ${quote(line)}`);
  }

  side(word: 'height' | 'width'): number {
    const placeholder = word === 'height' ? '<H>' : '<W>';
    const line = this.next(`'${word} ${placeholder}'`);
    const m = /^(\S+)\s+(\S+)$/.exec(line);
    if (!m || m[1] !== word) this.fail(`expected '${word} ${placeholder}', got ${quote(line)}`);
    const v = parseSide(m[2]);
    if (v === null)
      this.fail(`${word} must be a whole number from 1 to ${MAX_GRID_SIDE}, got ${quote(m[2])}`);
    return v;
  }

  type(): void {
    const line = this.next("'type octile'");
    const m = /^type\s+(\S+)$/.exec(line);
    if (!m) this.fail(`expected 'type octile', got ${quote(line)}`);
    if (m[1] !== 'octile') this.fail(`unsupported map type ${quote(m[1])} (only 'octile' grids are read)`);
  }

  /** height × width rows of Moving AI terrain, then nothing but blank lines. */
  rows(width: number, height: number): GridMap {
    const map = createGridMap(width, height);
    for (let y = 0; y < height; y++) {
      if (this.atEnd()) {
        throw new MapFormatError(
          this.format,
          this.index + 1,
          `expected ${height} map rows, but the file ends after ${y}`,
        );
      }
      const row = this.lines[this.index++].trimEnd();
      if (row.length !== width) this.fail(`row has ${row.length} characters, expected ${width}`);
      for (let x = 0; x < width; x++) {
        const wall = movingAiTerrainIsWall(row[x]);
        if (wall === null) this.fail(`unknown terrain ${quote(row[x])} at column ${x + 1}`);
        map.blocked[y * width + x] = wall ? 1 : 0;
      }
    }
    for (; this.index < this.lines.length; this.index++) {
      if (this.lines[this.index].trim() !== '') {
        throw new MapFormatError(
          this.format,
          this.index + 1,
          `unexpected text after the ${height} map rows: ${quote(this.lines[this.index].trim())}`,
        );
      }
    }
    return map;
  }
}

export function parseMovingAiMap(text: string): GridMap {
  return asFormatError('movingai-map', () => {
    const r = new HeaderReader('movingai-map', splitLines(text));
    r.type();
    const height = r.side('height');
    const width = r.side('width');
    r.keyword('map');
    return r.rows(width, height);
  });
}

export function serializeMovingAiMap(map: GridMap): string {
  return `type octile\nheight ${map.height}\nwidth ${map.width}\nmap\n${mapToRows(map).join('\n')}\n`;
}
