import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, matrix } from '../linalg';
import { createRng } from '../rng';
import { addBlock, analyseBlockPattern, blockMatrix, factorise, solveFactor } from './block-cholesky';

/** A random SPD block matrix on a random graph (a chain plus random long edges), as dense and as blocks. */
function randomSystem(n: number, extra: number, seed: number) {
  const rng = createRng(seed);
  const edges: [number, number][] = [];
  for (let i = 0; i + 1 < n; i++) edges.push([i, i + 1]);
  for (let k = 0; k < extra; k++) {
    const i = rng.int(0, n - 1);
    const j = rng.int(0, n - 1);
    if (i !== j) edges.push([i, j]);
  }
  const pattern = analyseBlockPattern(n, 3, edges);
  const m = blockMatrix(pattern);
  const dense = new Float64Array(9 * n * n);
  const add = (i: number, j: number, v: number[]) => {
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) dense[(3 * i + a) * 3 * n + 3 * j + b] += v[a * 3 + b];
  };
  // A = Σ_e J_eᵀ J_e over edges (J_e = [A_e, B_e] random 3×6) plus a small ridge: SPD with the graph's pattern.
  for (const [i, j] of edges) {
    const J = Array.from({ length: 18 }, () => rng.normal());
    const block = (p: number, q: number) => {
      const out: number[] = [];
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++) {
          let s = 0;
          for (let r = 0; r < 3; r++) s += J[r * 6 + p * 3 + a] * J[r * 6 + q * 3 + b];
          out.push(s);
        }
      return out;
    };
    addBlock(m, i, i, block(0, 0));
    addBlock(m, j, j, block(1, 1));
    addBlock(m, i, j, block(0, 1));
    add(i, i, block(0, 0));
    add(j, j, block(1, 1));
    add(i, j, block(0, 1));
    add(j, i, block(1, 0));
  }
  const ridge = [0.1, 0, 0, 0, 0.1, 0, 0, 0, 0.1];
  for (let i = 0; i < n; i++) {
    addBlock(m, i, i, ridge);
    add(i, i, ridge);
  }
  const rhs = Float64Array.from({ length: 3 * n }, () => rng.normal());
  return { m, dense, rhs, pattern };
}

describe('sparse block Cholesky', () => {
  for (const [n, extra, seed] of [
    [5, 3, 1],
    [40, 30, 2],
    [200, 120, 3],
  ] as const) {
    it(`solves like a dense Cholesky (${n} blocks, ${extra} random edges)`, () => {
      const { m, dense, rhs } = randomSystem(n, extra, seed);
      const x = solveFactor(factorise(m), rhs);
      const ref = choleskySolve(cholesky(matrix(3 * n, 3 * n, dense)), rhs);
      const scale = Math.max(...ref.map(Math.abs));
      for (let k = 0; k < x.length; k++) expect(Math.abs(x[k] - ref[k])).toBeLessThan(1e-9 * scale);
    });
  }

  it('a chain gets no fill under minimum degree', () => {
    const edges = Array.from({ length: 99 }, (_, i) => [i, i + 1] as [number, number]);
    expect(analyseBlockPattern(100, 3, edges).offDiagonalBlocks).toBe(99);
  });

  it('refuses a matrix that is not positive definite', () => {
    const pattern = analyseBlockPattern(2, 3, [[0, 1]]);
    const m = blockMatrix(pattern);
    addBlock(m, 0, 0, [1, 0, 0, 0, 1, 0, 0, 0, -1]);
    addBlock(m, 1, 1, [1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(() => factorise(m)).toThrow(/not positive definite/);
  });
});
