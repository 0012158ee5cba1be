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
}

export type ToolRunner = (argv: readonly string[], io: ToolIo) => Promise<number>;
