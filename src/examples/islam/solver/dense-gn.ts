import { choleskySolve, cholesky, matrix } from '../../../il/linalg';
import type { BlockMatrix } from '../../../il/sparse/block-cholesky';
import type { PoseGraph } from './pose-graph';
import { NormalEquations } from './normal-equations';

/** The block matrix written out densely (3(N−1) square): what a straightforward Gauss–Newton factorises. */
export function toDense(h: BlockMatrix): Float64Array {
  const { n, order, colStart, rowIndex } = h.pattern;
  const m = 3 * n;
  const d = new Float64Array(m * m);
  for (let v = 0; v < n; v++)
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) d[(3 * v + a) * m + 3 * v + b] = h.diagonal[v * 9 + a * 3 + b];
  for (let k = 0; k < n; k++) {
    const q = order[k];
    for (let t = colStart[k]; t < colStart[k + 1]; t++) {
      const p = order[rowIndex[t]];
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++) {
          const v = h.lower[t * 9 + a * 3 + b];
          d[(3 * p + a) * m + 3 * q + b] = v;
          d[(3 * q + b) * m + 3 * p + a] = v;
        }
    }
  }
  return d;
}

/** One dense Gauss–Newton step δ = −H⁻¹g (the baseline the sparse solver is timed against). */
export function denseGaussNewtonStep(
  graph: PoseGraph,
  poses: Float64Array,
  normal = new NormalEquations(graph),
): Float64Array {
  const { h, g } = normal.build(poses);
  const m = g.length;
  const l = cholesky(matrix(m, m, toDense(h)));
  return choleskySolve(l, g).map((v) => -v);
}
