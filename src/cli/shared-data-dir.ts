import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** ../shared/data beside the checkout (or $IL_SHARED_DATA): the public benchmark files, never copied in. */
export const sharedDataDir = process.env.IL_SHARED_DATA ?? join(projectRoot, '..', 'shared', 'data');

/** A file of the shared data, relative to it, or null where it (or the whole folder) is absent. */
export function readSharedData(relativePath: string): Uint8Array | null {
  const path = join(sharedDataDir, relativePath);
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
}
