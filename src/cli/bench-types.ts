// The bench contract lives in the engine (src/il/bench.ts); this re-export keeps older imports compiling.
export type { BenchArgs, BenchResult, BenchRunner } from '../il/bench';
