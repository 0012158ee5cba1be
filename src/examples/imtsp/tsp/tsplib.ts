import type { DistanceMetric } from './distance';
import type { MtspInstance } from '../instances/instance';

/** The coordinate-based TSPLIB edge weight types this reader accepts (all planar). */
export type TsplibEdgeWeightType = 'EUC_2D' | 'CEIL_2D' | 'ATT';

const ACCEPTED_TYPES: readonly TsplibEdgeWeightType[] = ['EUC_2D', 'CEIL_2D', 'ATT'];

/** TSPLIB's own (integer) metric for each accepted edge weight type. */
export const TSPLIB_METRIC: Readonly<Record<TsplibEdgeWeightType, DistanceMetric>> = {
  EUC_2D: 'nint',
  CEIL_2D: 'ceil',
  ATT: 'att',
};

export interface TsplibFile {
  /** Cities in node-id order: node 1 is city 0, the depot. */
  instance: MtspInstance;
  edgeWeightType: TsplibEdgeWeightType;
  /** COMMENT lines joined with newlines ('' if none). */
  comment: string;
}

/** A malformed or unsupported `.tsp` file: `line` is 1-based, `reason` says what was wrong there. */
export class TsplibParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'TsplibParseError';
  }
}

/**
 * What a file may hold: the cities the solvers answer within seconds (the app's own limit too), and coordinates
 * small enough that every distance and tour length stays finite and exact to well below a unit.
 */
export const TSPLIB_LIMITS = {
  maxDimension: 1000,
  maxAbsCoordinate: 1e9,
} as const;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^\+?\d+$/;
const KEYWORD = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*(.*))?$/;
/** Known keywords this reader does not handle (explicit matrices, tours, vehicle routing...). */
const UNSUPPORTED = new Set([
  'CAPACITY',
  'EDGE_WEIGHT_FORMAT',
  'EDGE_DATA_FORMAT',
  'EDGE_WEIGHT_SECTION',
  'EDGE_DATA_SECTION',
  'FIXED_EDGES_SECTION',
  'TOUR_SECTION',
  'DEMAND_SECTION',
  'DEPOT_SECTION',
]);
const MAX_REPORTED_MISSING = 5;

interface Header {
  name?: string;
  dimension?: number;
  edgeWeightType?: TsplibEdgeWeightType;
  comments: string[];
  seen: Map<string, number>;
}

/** Reads one file; every problem becomes a TsplibParseError naming its line. */
class Reader {
  private readonly header: Header = { comments: [], seen: new Map() };
  private section: 'header' | 'coords' | 'display' = 'header';
  private coordsLine = 0;
  // Nodes as read, keyed by id: memory follows the file's size, never a (possibly absurd) DIMENSION.
  private readonly nodes = new Map<number, { x: number; y: number; line: number }>();
  private coordsDone = false;
  line = 0;

  constructor(private readonly fallbackName: string) {}

  read(text: string): TsplibFile {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
      this.line = i + 1;
      const trimmed = lines[i].trim();
      if (trimmed === '') continue;
      if (trimmed === 'EOF') break;
      if (this.section !== 'header' && /^[+\-.\d]/.test(trimmed)) {
        if (this.section === 'coords') this.readNode(trimmed);
        continue;
      }
      this.endSection();
      this.readKeyword(trimmed);
    }
    this.endSection();
    return this.finish();
  }

  private fail(reason: string, line = this.line): never {
    throw new TsplibParseError(line, reason);
  }

  private readKeyword(trimmed: string): void {
    const match = KEYWORD.exec(trimmed);
    if (match === null) this.fail(`expected "KEYWORD : value" or a section name, found "${clip(trimmed)}"`);
    const key = match[1].toUpperCase();
    const value = (match[2] ?? '').trim();
    if (key !== 'COMMENT') {
      const earlier = this.header.seen.get(key);
      if (earlier !== undefined) this.fail(`${key} appears again (first on line ${earlier})`);
      this.header.seen.set(key, this.line);
    }
    if (UNSUPPORTED.has(key)) {
      this.fail(
        `${key} is not supported: this reader takes node coordinates only (EDGE_WEIGHT_TYPE ${typeList()})`,
      );
    }
    switch (key) {
      case 'NAME':
        this.header.name = this.needValue(key, value);
        return;
      case 'COMMENT':
        this.header.comments.push(value);
        return;
      case 'TYPE': {
        const type = this.needValue(key, value).split(/\s+/)[0].toUpperCase();
        if (type !== 'TSP') this.fail(`TYPE ${type} is not supported: only symmetric TSP files (TYPE : TSP)`);
        return;
      }
      case 'DIMENSION': {
        const v = this.needValue(key, value);
        const dim = INTEGER.test(v) ? Number(v) : NaN;
        if (!Number.isSafeInteger(dim) || dim < 1)
          this.fail(`DIMENSION must be a whole number ≥ 1, found "${clip(v)}"`);
        if (dim > TSPLIB_LIMITS.maxDimension)
          this.fail(
            `DIMENSION must be a whole number from 1 to ${TSPLIB_LIMITS.maxDimension} (the cities this app solves), found ${dim}`,
          );
        this.header.dimension = dim;
        return;
      }
      case 'EDGE_WEIGHT_TYPE': {
        const v = this.needValue(key, value).toUpperCase();
        if (!isAcceptedType(v)) {
          this.fail(`EDGE_WEIGHT_TYPE ${clip(v)} is not supported (accepted: ${typeList()})`);
        }
        this.header.edgeWeightType = v;
        return;
      }
      case 'NODE_COORD_TYPE': {
        const v = this.needValue(key, value).toUpperCase();
        if (v !== 'TWOD_COORDS') this.fail(`NODE_COORD_TYPE ${clip(v)} is not supported (only TWOD_COORDS)`);
        return;
      }
      case 'DISPLAY_DATA_TYPE':
        return;
      case 'NODE_COORD_SECTION':
        this.startCoords(value);
        return;
      case 'DISPLAY_DATA_SECTION':
        this.section = 'display';
        return;
      default:
        this.fail(`unknown keyword "${clip(key)}"`);
    }
  }

  private needValue(key: string, value: string): string {
    if (value === '') this.fail(`${key} has no value (expected "${key} : value")`);
    return value;
  }

  private startCoords(value: string): void {
    if (value !== '') this.fail(`NODE_COORD_SECTION takes no value; put the nodes on the following lines`);
    const dim = this.header.dimension;
    if (dim === undefined) this.fail('NODE_COORD_SECTION comes before DIMENSION');
    this.section = 'coords';
    this.coordsLine = this.line;
  }

  private readNode(trimmed: string): void {
    const tokens = trimmed.split(/\s+/);
    if (tokens.length !== 3) {
      this.fail(`a node line needs 3 fields "id x y", found ${tokens.length}: "${clip(trimmed)}"`);
    }
    const [idText, xText, yText] = tokens;
    const dim = this.header.dimension ?? 0;
    if (!INTEGER.test(idText)) this.fail(`node id "${clip(idText)}" is not a whole number`);
    const id = Number(idText);
    if (id < 1 || id > dim) this.fail(`node id ${clip(idText)} is outside 1..${dim} (DIMENSION)`);
    const x = NUMBER.test(xText) ? Number(xText) : NaN;
    const y = NUMBER.test(yText) ? Number(yText) : NaN;
    if (!Number.isFinite(x)) this.fail(`x coordinate of node ${id} is not a finite number: "${clip(xText)}"`);
    if (!Number.isFinite(y)) this.fail(`y coordinate of node ${id} is not a finite number: "${clip(yText)}"`);
    const limit = TSPLIB_LIMITS.maxAbsCoordinate;
    for (const [axis, v, text] of [
      ['x', x, xText],
      ['y', y, yText],
    ] as const)
      if (Math.abs(v) > limit)
        this.fail(`${axis} coordinate of node ${id} must lie in [-1e9, 1e9], found "${clip(text)}"`);
    const earlier = this.nodes.get(id);
    if (earlier !== undefined) this.fail(`node ${id} appears again (first on line ${earlier.line})`);
    this.nodes.set(id, { x, y, line: this.line });
  }

  private endSection(): void {
    if (this.section === 'coords') {
      const dim = this.header.dimension ?? 0;
      const count = this.nodes.size;
      if (count < dim) {
        const missing: number[] = [];
        for (let id = 1; id <= dim && missing.length < MAX_REPORTED_MISSING; id++)
          if (!this.nodes.has(id)) missing.push(id);
        const more = dim - count > missing.length ? ', ...' : '';
        this.fail(
          `NODE_COORD_SECTION (line ${this.coordsLine}) has ${count} of the ${dim} nodes of DIMENSION; ` +
            `missing ${missing.join(', ')}${more}`,
        );
      }
      this.coordsDone = true;
    }
    this.section = 'header';
  }

  private finish(): TsplibFile {
    const { dimension, edgeWeightType, name, comments } = this.header;
    if (dimension === undefined) this.fail('the file has no DIMENSION');
    if (edgeWeightType === undefined) this.fail(`the file has no EDGE_WEIGHT_TYPE (accepted: ${typeList()})`);
    if (!this.coordsDone) this.fail('the file has no NODE_COORD_SECTION');
    const x = new Float64Array(dimension);
    const y = new Float64Array(dimension);
    for (const [id, node] of this.nodes) {
      x[id - 1] = node.x;
      y[id - 1] = node.y;
    }
    return {
      instance: { name: name ?? this.fallbackName, x, y },
      edgeWeightType,
      comment: comments.join('\n'),
    };
  }
}

function isAcceptedType(v: string): v is TsplibEdgeWeightType {
  return (ACCEPTED_TYPES as readonly string[]).includes(v);
}

function typeList(): string {
  return ACCEPTED_TYPES.join(', ');
}

/** Quote at most 40 characters of the offending text. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Parse a TSPLIB `.tsp` file with node coordinates (EDGE_WEIGHT_TYPE EUC_2D, CEIL_2D or ATT). Throws only
 * TsplibParseError, whose `line` (1-based) and `reason` say what is wrong.
 */
export function parseTsplib(text: string, fallbackName = 'unnamed'): TsplibFile {
  const reader = new Reader(fallbackName);
  try {
    if (typeof text !== 'string') throw new TsplibParseError(1, 'the input is not text');
    return reader.read(text);
  } catch (error) {
    if (error instanceof TsplibParseError) throw error;
    // Defensive: nothing above should throw anything else, but a caller must only ever see this type.
    throw new TsplibParseError(Math.max(1, reader.line), `unreadable input (${String(error)})`);
  }
}

export interface TsplibExportOptions {
  comment?: string;
  edgeWeightType?: TsplibEdgeWeightType;
}

/** Write an instance as a TSPLIB `.tsp` file (node ids 1..n, city 0 first; coordinates round-trip exactly). */
export function formatTsplib(instance: MtspInstance, options: TsplibExportOptions = {}): string {
  const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').trim();
  const name = oneLine(instance.name) || 'unnamed';
  const lines = [`NAME : ${name}`, 'TYPE : TSP'];
  if (options.comment !== undefined && oneLine(options.comment) !== '')
    lines.push(`COMMENT : ${oneLine(options.comment)}`);
  lines.push(`DIMENSION : ${instance.x.length}`, `EDGE_WEIGHT_TYPE : ${options.edgeWeightType ?? 'EUC_2D'}`);
  lines.push('NODE_COORD_SECTION');
  for (let i = 0; i < instance.x.length; i++) lines.push(`${i + 1} ${instance.x[i]} ${instance.y[i]}`);
  lines.push('EOF', '');
  return lines.join('\n');
}
