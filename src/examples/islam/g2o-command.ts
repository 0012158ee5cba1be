import type { G2oRequest, G2oResult } from './contract';
import { G2oError, parseG2o } from './solver/g2o';
import { solveLm } from './solver/lm';

const MAX_TEXT = 20_000_000;

/** Reads and optimises a g2o file's text (the page's drop zone and `npm run pgo`); a refusal is a message. */
export function optimiseG2oText(req: G2oRequest): G2oResult {
  if (typeof req.text !== 'string' || req.text.length > MAX_TEXT)
    return { ok: false, message: `a g2o file must be text of at most ${MAX_TEXT / 1e6} MB` };
  try {
    const parsed = parseG2o(req.text);
    const maxIterations = Math.min(5000, Math.max(1, Math.round(Number(req.maxIterations) || 100)));
    const initialLambda = Number(req.initialLambda) > 0 ? Number(req.initialLambda) : 1e-5;
    const result = solveLm(parsed.graph, parsed.start, {
      maxIterations,
      gradientTolerance: 1e-6,
      initialLambda,
    });
    const xy = (p: Float64Array) =>
      Array.from({ length: (p.length / 3) * 2 }, (_, k) => p[3 * (k >> 1) + (k & 1)]);
    return {
      ok: true,
      poses: parsed.graph.poseCount,
      edges: parsed.graph.edges.length,
      initialChi2: result.initialCost,
      finalChi2: result.finalCost,
      iterations: result.iterations,
      maxGradient: result.maxGradient,
      ms: result.ms,
      startFrom: parsed.startFrom,
      start: xy(parsed.start),
      optimum: xy(result.poses),
      edgesIJ: parsed.graph.edges.flatMap((e) => [e.i, e.j]),
    };
  } catch (e) {
    if (e instanceof G2oError) return { ok: false, message: e.message };
    return { ok: false, message: `the solver failed: ${(e as Error).message}` };
  }
}
