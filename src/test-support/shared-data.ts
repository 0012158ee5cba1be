import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../cli/shared-data-dir';

/**
 * The real benchmark files live in ../shared/data beside the checkout (never copied into the project).
 * Tests that read them use `describe.skipIf(!hasSharedData)(sharedDataTitle(…))` (or `it.skipIf`), so where the folder
 * is absent (as on a user's machine) they are reported as skipped, with the reason in their title, never as passed.
 */
export { sharedDataDir };
export const hasSharedData = existsSync(sharedDataDir);

export function sharedDataPath(...parts: string[]): string {
  return join(sharedDataDir, ...parts);
}

export const sharedDataSkipMessage = `skipped: ${sharedDataDir} is absent (the benchmark files of ../shared/data are not on this machine)`;

/** A title for tests that need ../shared/data: the reason is added where they are skipped. */
export function sharedDataTitle(title: string): string {
  return hasSharedData ? title : `${title} (${sharedDataSkipMessage})`;
}
