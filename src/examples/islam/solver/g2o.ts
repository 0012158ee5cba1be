import type { PoseEdge, PoseGraph } from './pose-graph';
import { deadReckon } from './se2';

/** A g2o file read: the graph (poses renumbered 0..N−1 in id order, the first one the gauge) and its start. */
export interface G2oGraph {
  graph: PoseGraph;
  /** VERTEX_SE2 guesses where every pose has one, else the odometry chain i → i+1 composed from (0, 0, 0). */
  start: Float64Array;
  startFrom: 'vertices' | 'odometry';
  ids: number[];
}

export class G2oError extends Error {}

const MAX_POSES = 50_000;
const MAX_EDGES = 200_000;

function numbers(fields: string[], from: number, count: number, line: number, tag: string): number[] {
  if (fields.length < from + count)
    throw new G2oError(
      `line ${line}: ${tag} needs ${count} numbers after the tag, found ${fields.length - from}`,
    );
  const out: number[] = [];
  for (let k = from; k < from + count; k++) {
    const v = Number(fields[k]);
    if (!Number.isFinite(v) || Math.abs(v) > 1e12)
      throw new G2oError(`line ${line}: "${fields[k]}" is not a finite number`);
    out.push(v);
  }
  return out;
}

function vertexId(v: number, line: number): number {
  if (!Number.isInteger(v) || v < 0 || v > 1e9)
    throw new G2oError(`line ${line}: vertex id ${v} is not a whole number ≥ 0`);
  return v;
}

/** Parses VERTEX_SE2 / EDGE_SE2 lines (FIX and comments ignored); every refusal names its line. */
export function parseG2o(text: string): G2oGraph {
  const vertices = new Map<number, [number, number, number]>();
  const rawEdges: { i: number; j: number; z: number[]; info: number[]; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(/\s+/);
    const tag = fields[0];
    if (tag === 'VERTEX_SE2') {
      const [id, x, y, t] = numbers(fields, 1, 4, line, tag);
      if (vertices.has(vertexId(id, line))) throw new G2oError(`line ${line}: vertex ${id} is defined twice`);
      vertices.set(id, [x, y, t]);
    } else if (tag === 'EDGE_SE2') {
      const v = numbers(fields, 1, 11, line, tag);
      const i = vertexId(v[0], line);
      const j = vertexId(v[1], line);
      if (i === j) throw new G2oError(`line ${line}: an edge from vertex ${i} to itself`);
      const [a, b, c, d, e, f] = v.slice(5);
      // Ω must be positive definite (Sylvester's criterion on the 3×3 from its upper triangle).
      const det = a * (d * f - e * e) - b * (b * f - e * c) + c * (b * e - d * c);
      if (!(a > 0 && a * d - b * b > 0 && det > 0))
        throw new G2oError(`line ${line}: the information matrix is not positive definite`);
      rawEdges.push({ i, j, z: v.slice(2, 5), info: [a, b, c, b, d, e, c, e, f], line });
      if (rawEdges.length > MAX_EDGES) throw new G2oError(`line ${line}: more than ${MAX_EDGES} edges`);
    } else if (tag === 'FIX') {
      return;
    } else {
      throw new G2oError(
        `line ${line}: "${tag}" is not supported (this page reads 2D pose graphs: VERTEX_SE2 and EDGE_SE2)`,
      );
    }
  });
  if (rawEdges.length === 0) throw new G2oError('no EDGE_SE2 lines: not a 2D pose graph');
  const idSet = new Set<number>(vertices.keys());
  for (const e of rawEdges) idSet.add(e.i).add(e.j);
  if (idSet.size > MAX_POSES) throw new G2oError(`more than ${MAX_POSES} poses`);
  const ids = [...idSet].sort((p, q) => p - q);
  const index = new Map(ids.map((id, k) => [id, k]));
  const edges: PoseEdge[] = rawEdges.map((e) => ({
    i: index.get(e.i) as number,
    j: index.get(e.j) as number,
    z: Float64Array.from(e.z),
    info: Float64Array.from(e.info),
    kind: 'g2o',
    robust: 0,
  }));
  const graph: PoseGraph = { poseCount: ids.length, edges };
  if (ids.every((id) => vertices.has(id))) {
    const start = new Float64Array(3 * ids.length);
    ids.forEach((id, k) => start.set(vertices.get(id) as number[], 3 * k));
    return { graph, start, startFrom: 'vertices', ids };
  }
  // The odometry chain: edge k → k+1 for every k.
  const chain = new Float64Array(3 * (ids.length - 1));
  const found = new Uint8Array(ids.length - 1);
  for (const e of edges)
    if (e.j === e.i + 1 && !found[e.i]) {
      chain.set(e.z, 3 * e.i);
      found[e.i] = 1;
    }
  const missing = found.indexOf(0);
  if (missing >= 0)
    throw new G2oError(
      `no VERTEX_SE2 guesses and no odometry edge from vertex ${ids[missing]} to ${ids[missing + 1]}: cannot build a start`,
    );
  return { graph, start: deadReckon(chain), startFrom: 'odometry', ids };
}
