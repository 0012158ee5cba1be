import { parseG2o } from './solver/g2o';
import { denseGaussNewtonStep } from './solver/dense-gn';
import { factorise, solveFactor } from '../../il/sparse/block-cholesky';
import { NormalEquations } from './solver/normal-equations';
import { solveLm } from './solver/lm';

/**
 * The LL solver on MIT (808 poses) from ../shared/data/g2o: one sparse Gauss–Newton step (build H, factorise, solve)
 * against one dense step (the same H written out, dense Cholesky), medians; and the full LM solves of the three graphs.
 */
export function solverSpeed(
  readSharedData: (p: string) => Uint8Array | null,
  log: (line: string) => void,
): Record<string, unknown> {
  const mit = readSharedData('g2o/MIT.g2o');
  if (!mit) return { skipped: 'the g2o benchmark files (../shared/data/g2o) are absent' };
  const { graph, start } = parseG2o(new TextDecoder().decode(mit));
  const normal = new NormalEquations(graph);
  const sparseMs: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    const { h, g } = normal.build(start);
    solveFactor(factorise(h), g);
    sparseMs.push(performance.now() - t0);
  }
  log('islam: timing one dense Gauss–Newton step on MIT (2,421 unknowns)…');
  const t0 = performance.now();
  denseGaussNewtonStep(graph, start, normal);
  const denseMs = performance.now() - t0;
  const sparse = [...sparseMs].sort((a, b) => a - b)[3];
  const graphs: Record<string, unknown> = {};
  for (const [file, lambda] of [
    ['intel', 1e-5],
    ['MIT', 1],
    ['manhattan', 1e-5],
  ] as const) {
    const bytes = readSharedData(`g2o/${file}.g2o`);
    if (!bytes) continue;
    const parsed = parseG2o(new TextDecoder().decode(bytes));
    const r = solveLm(parsed.graph, parsed.start, {
      maxIterations: 1000,
      gradientTolerance: 1e-6,
      initialLambda: lambda,
    });
    graphs[file] = {
      finalChi2: r.finalCost,
      iterations: r.iterations,
      maxGradient: r.maxGradient,
      ms: Math.round(r.ms),
    };
  }
  return {
    mitSparseStepMs: sparse,
    mitDenseStepMs: denseMs,
    speedupVsDenseGaussNewton: denseMs / sparse,
    g2o: graphs,
  };
}
