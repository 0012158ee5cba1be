/**
 * An example's command-line tool (`npm run plan`, `npm run mtsp`): argv in, an exit code out. Node-only work
 * (reading files, the shared benchmark data) reaches it through `ToolIo`, so example code never imports `node:*`.
 */
export interface ToolIo {
  /** stdout */
  print: (line: string) => void;
  /** stderr */
  log: (line: string) => void;
  readFile: (path: string) => Uint8Array;
  writeFile: (path: string, data: Uint8Array | string) => void;
  /** A file of ../shared/data (relative to it), or null where that folder is absent. */
  readSharedData: (relativePath: string) => Uint8Array | null;
  exists: (path: string) => boolean;
  /** A path inside the project (e.g. `public/weights/…`, the shipped weights), absolute. */
  projectPath: (relativePath: string) => string;
}

/**
 * A usage mistake (a bad or missing flag): the runner prints `<tool>: <message>`, then the tool's usage, and exits
 * with 2. With an empty message (`--help`) it prints the usage alone and exits with 0.
 */
export class ToolUsageError extends Error {
  override readonly name = 'ToolUsageError';
  constructor(
    message: string,
    readonly usage = '',
  ) {
    super(message);
  }
}

/** Runs the tool: 0 done, 1 a bad file or a failed run; throws ToolUsageError for usage, anything else for failure. */
export type ToolRunner = (argv: readonly string[], io: ToolIo) => Promise<number>;
