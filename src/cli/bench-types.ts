/** What `npm run bench -- <id> [--seed N] [--steps N] [--backend cpu|wasm] [--flag value ...]` hands a bench. */
export interface BenchArgs {
  seed: number;
  /** Training steps, where the bench trains; undefined means the bench's own fixed budget. */
  steps?: number;
  /** tfjs backend for training in Node; undefined means the bench's default (wasm). */
  backend?: 'cpu' | 'wasm';
  /** Every other `--name value` (or bare `--name` → true). */
  flags: Record<string, string | boolean>;
  /** Progress lines go here (stderr), never to stdout. */
  log: (line: string) => void;
  /**
   * Reads a file of the public benchmark data (../shared/data, relative to it), or returns null where that folder
   * is absent: benches stay free of Node APIs and say what they skipped.
   */
  readSharedData: (relativePath: string) => Uint8Array | null;
}

/** A bench returns a human-readable table and the JSON object printed as the very last stdout line. */
export interface BenchResult {
  /** Rows of cells; the first row is the header. */
  table: (string | number)[][];
  json: Record<string, unknown>;
}

export type BenchRunner = (args: BenchArgs) => Promise<BenchResult>;
