import {
  addBlock,
  analyseBlockPattern,
  blockMatrix,
  slotOf,
  type BlockMatrix,
  type BlockPattern,
} from '../../../il/sparse/block-cholesky';
import { lineariseEdge, quadratic, robustCost, type PoseGraph } from './pose-graph';

/**
 * The Gauss–Newton normal equations of a pose graph, H = Σ w JᵀΩJ and g = Σ w JᵀΩe (half the gradient of L), over
 * the free poses 1..N−1 (block v−1). The block pattern and every edge's slot are resolved once per graph.
 */
export class NormalEquations {
  readonly pattern: BlockPattern;
  private readonly slots: Int32Array;

  constructor(private readonly graph: PoseGraph) {
    const free = graph.poseCount - 1;
    const pairs: [number, number][] = [];
    for (const e of graph.edges) if (e.i > 0 && e.j > 0 && e.i !== e.j) pairs.push([e.i - 1, e.j - 1]);
    this.pattern = analyseBlockPattern(free, 3, pairs);
    this.slots = Int32Array.from(graph.edges, (e) =>
      e.i > 0 && e.j > 0 && e.i !== e.j ? slotOf(this.pattern, e.i - 1, e.j - 1) : -1,
    );
  }

  /** Builds H and g at the poses; returns them with L(P). */
  build(poses: Float64Array): { h: BlockMatrix; g: Float64Array; cost: number } {
    const h = blockMatrix(this.pattern);
    const g = new Float64Array(3 * (this.graph.poseCount - 1));
    const jtw = new Float64Array(18); // [J_iᵀ; J_jᵀ] · wΩ, 6×3
    const block = new Float64Array(9);
    let cost = 0;
    this.graph.edges.forEach((edge, k) => {
      const lin = lineariseEdge(poses, edge);
      const s = quadratic(lin.e, edge.info);
      const { cost: c, weight } = robustCost(s, edge.robust);
      cost += c;
      for (let side = 0; side < 2; side++) {
        const jac = side === 0 ? lin.ji : lin.jj;
        for (let a = 0; a < 3; a++)
          for (let r = 0; r < 3; r++) {
            let v = 0;
            for (let t = 0; t < 3; t++) v += jac[t * 3 + a] * edge.info[t * 3 + r];
            jtw[(side * 3 + a) * 3 + r] = weight * v;
          }
      }
      const ends = [edge.i, edge.j];
      for (let si = 0; si < 2; si++) {
        const vi = ends[si];
        if (vi === 0) continue;
        for (let a = 0; a < 3; a++) {
          let v = 0;
          for (let r = 0; r < 3; r++) v += jtw[(si * 3 + a) * 3 + r] * lin.e[r];
          g[3 * (vi - 1) + a] += v;
        }
        for (let sj = 0; sj <= si; sj++) {
          const vj = ends[sj];
          if (vj === 0) continue;
          const jac = sj === 0 ? lin.ji : lin.jj;
          for (let a = 0; a < 3; a++)
            for (let b = 0; b < 3; b++) {
              let v = 0;
              for (let r = 0; r < 3; r++) v += jtw[(si * 3 + a) * 3 + r] * jac[r * 3 + b];
              block[a * 3 + b] = v;
            }
          if (si === sj) addBlock(h, vi - 1, vi - 1, block);
          else addBlock(h, vi - 1, vj - 1, block, this.slots[k]);
        }
      }
    });
    return { h, g, cost };
  }
}
