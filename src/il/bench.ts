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
  /**
   * A full garbage collection, where V8 allows one (null otherwise): benches that time two implementations call it
   * between timed blocks so neither pays for the other's garbage.
   */
  collectGarbage: (() => void) | null;
  /** Reads a file the user named (e.g. `--weights DIR/model.json`); throws with the path on failure. */
  readFile: (path: string) => Uint8Array;
}

/** A bench returns a human-readable table and the JSON object printed as the very last stdout line. */
export interface BenchResult {
  /** Rows of cells; the first row is the header. */
  table: (string | number)[][];
  json: Record<string, unknown>;
}

export type BenchRunner = (args: BenchArgs) => Promise<BenchResult>;
