import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath, sharedDataTitle } from '../../../test-support/shared-data';
import { G2oError, parseG2o } from './g2o';
import { solveLm } from './lm';
import { denseGaussNewtonStep } from './dense-gn';
import { NormalEquations } from './normal-equations';
import { factorise, solveFactor } from '../../../il/sparse/block-cholesky';

describe('g2o reader', () => {
  it('reads vertices and edges, and builds the odometry chain without vertices', () => {
    const g = parseG2o(
      '# a comment\nEDGE_SE2 0 1 1 0 0 1 0 0 1 0 1\nEDGE_SE2 1 2 1 0 1.5707963 1 0 0 1 0 1\n',
    );
    expect(g.startFrom).toBe('odometry');
    expect(g.graph.poseCount).toBe(3);
    expect(Array.from(g.start.slice(6, 9))).toEqual([2, 0, 1.5707963]);
  });

  it.each([
    ['VERTEX_SE2 0 0 0\n', /line 1: VERTEX_SE2 needs 4 numbers/],
    [
      'EDGE_SE2 0 1 1 0 0 1 0 0 1 0 1\nEDGE_SE2 1 2 1 0 nan 1 0 0 1 0 1\n',
      /line 2: "nan" is not a finite number/,
    ],
    ['EDGE_SE2 0 1 1 0 0 1 0 0 -1 0 1\n', /line 1: the information matrix is not positive definite/],
    ['EDGE_SE2 3 3 1 0 0 1 0 0 1 0 1\n', /line 1: an edge from vertex 3 to itself/],
    ['VERTEX_XY 0 1 2\n', /line 1: "VERTEX_XY" is not supported/],
    [
      'EDGE_SE2 0 1 1 0 0 1 0 0 1 0 1\nEDGE_SE2 2 3 1 0 0 1 0 0 1 0 1\n',
      /no odometry edge from vertex 1 to 2/,
    ],
    ['', /no EDGE_SE2 lines/],
  ])('refuses bad input with its line: %j', (text, message) => {
    expect(() => parseG2o(text)).toThrow(G2oError);
    expect(() => parseG2o(text)).toThrow(message);
  });
});

/** Reference optima of ../shared/data/g2o/README.md (an independent sparse LM); ours may be lower, never higher. */
const REFERENCE = [
  { file: 'intel.g2o', poses: 1728, edges: 2512, start: 551.74, optimum: 45.0047, lambda: 1e-5 },
  // A hard start: from λ₀ = 1e-5 LM stops in a local minimum (chi² 770.66); λ₀ = 1 reaches the reference.
  { file: 'MIT.g2o', poses: 808, edges: 827, start: 4.414e9, optimum: 462.2489, lambda: 1 },
  { file: 'manhattan.g2o', poses: 3500, edges: 5453, start: 2.332e10, optimum: 3549.0368, lambda: 1e-5 },
];

describe.skipIf(!hasSharedData)(
  sharedDataTitle('LM reaches the reference optima of the g2o benchmarks'),
  () => {
    for (const ref of REFERENCE) {
      it(`${ref.file}: chi² ≤ reference + 0.01 %, max |∇chi²| < 1e-4`, () => {
        const { graph, start } = parseG2o(readFileSync(sharedDataPath('g2o', ref.file), 'utf8'));
        expect(graph.poseCount).toBe(ref.poses);
        expect(graph.edges.length).toBe(ref.edges);
        const r = solveLm(graph, start, {
          maxIterations: 1000,
          gradientTolerance: 1e-6,
          initialLambda: ref.lambda,
        });
        expect(r.initialCost / ref.start).toBeCloseTo(1, 3);
        expect(r.finalCost).toBeLessThanOrEqual(ref.optimum * 1.0001);
        expect(r.maxGradient).toBeLessThan(1e-4);
      }, 120_000);
    }

    it('the sparse step equals the dense Gauss–Newton step (intel, first 300 poses)', () => {
      const { graph, start } = parseG2o(readFileSync(sharedDataPath('g2o', 'intel.g2o'), 'utf8'));
      const sub = { poseCount: 300, edges: graph.edges.filter((e) => e.i < 300 && e.j < 300) };
      const poses = start.slice(0, 900);
      const normal = new NormalEquations(sub);
      const { h, g } = normal.build(poses);
      const sparse = solveFactor(factorise(h), g);
      const dense = denseGaussNewtonStep(sub, poses, normal);
      const scale = Math.max(...dense.map(Math.abs));
      for (let k = 0; k < sparse.length; k++)
        expect(Math.abs(-sparse[k] - dense[k])).toBeLessThan(1e-8 * scale);
    });
  },
);
