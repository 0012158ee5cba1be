import { linearise, newLinearisation, type EdgeLinearisation } from './se2';

/** What an edge measures: the learned odometry (depends on θ), the IMU, a loop closure, or an edge of a g2o file. */
export type EdgeKind = 'odometry' | 'imu' | 'loop' | 'g2o';

/** A relative-pose edge: measurement z = pose of j in the frame of i, information Ω (3×3 row-major, symmetric). */
export interface PoseEdge {
  i: number;
  j: number;
  z: Float64Array;
  info: Float64Array;
  kind: EdgeKind;
  /** Cauchy kernel width c (in √chi² units); 0 = plain least squares. */
  robust: number;
}

/** L(P) = Σ_e ρ(e_eᵀ Ω_e e_e) over the edges, pose 0 held fixed (the gauge). */
export interface PoseGraph {
  poseCount: number;
  edges: PoseEdge[];
}

export function information(sx: number, sy: number, st: number): Float64Array {
  return Float64Array.of(1 / (sx * sx), 0, 0, 0, 1 / (sy * sy), 0, 0, 0, 1 / (st * st));
}

/** Cauchy: ρ(s) = c² log(1 + s/c²), weight ρ'(s) = 1 / (1 + s/c²). */
export function robustCost(s: number, c: number): { cost: number; weight: number } {
  if (c <= 0) return { cost: s, weight: 1 };
  const c2 = c * c;
  return { cost: c2 * Math.log1p(s / c2), weight: 1 / (1 + s / c2) };
}

export function quadratic(e: Float64Array, info: Float64Array): number {
  let s = 0;
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) s += e[r] * info[r * 3 + c] * e[c];
  return s;
}

const scratch: EdgeLinearisation = newLinearisation();

export function lineariseEdge(
  poses: Float64Array,
  edge: PoseEdge,
  out: EdgeLinearisation = scratch,
): EdgeLinearisation {
  const a = 3 * edge.i;
  const b = 3 * edge.j;
  linearise(
    poses[a],
    poses[a + 1],
    poses[a + 2],
    poses[b],
    poses[b + 1],
    poses[b + 2],
    edge.z[0],
    edge.z[1],
    edge.z[2],
    out,
  );
  return out;
}

/** L(P) and its parts by edge kind. */
export function graphCost(
  graph: PoseGraph,
  poses: Float64Array,
): { total: number; byKind: Record<EdgeKind, number> } {
  const byKind: Record<EdgeKind, number> = { odometry: 0, imu: 0, loop: 0, g2o: 0 };
  let total = 0;
  for (const edge of graph.edges) {
    const { e } = lineariseEdge(poses, edge);
    const { cost } = robustCost(quadratic(e, edge.info), edge.robust);
    byKind[edge.kind] += cost;
    total += cost;
  }
  return { total, byKind };
}

/** ∇_P L (length 3·poseCount; the gauge pose's entries are left at zero). */
export function graphGradient(graph: PoseGraph, poses: Float64Array): Float64Array {
  const g = new Float64Array(3 * graph.poseCount);
  const we = new Float64Array(3);
  for (const edge of graph.edges) {
    const lin = lineariseEdge(poses, edge);
    const { weight } = robustCost(quadratic(lin.e, edge.info), edge.robust);
    for (let r = 0; r < 3; r++) {
      let s = 0;
      for (let c = 0; c < 3; c++) s += edge.info[r * 3 + c] * lin.e[c];
      we[r] = 2 * weight * s;
    }
    for (let c = 0; c < 3; c++) {
      let gi = 0;
      let gj = 0;
      for (let r = 0; r < 3; r++) {
        gi += lin.ji[r * 3 + c] * we[r];
        gj += lin.jj[r * 3 + c] * we[r];
      }
      g[3 * edge.i + c] += gi;
      g[3 * edge.j + c] += gj;
    }
  }
  g[0] = g[1] = g[2] = 0;
  return g;
}

export function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let k = 0; k < v.length; k++) m = Math.max(m, Math.abs(v[k]));
  return m;
}
