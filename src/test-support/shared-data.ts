import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../cli/shared-data-dir';

/**
 * The real benchmark files live in ../shared/data beside the checkout (never copied into the project).
 * Tests that read them call `describeSharedData` so they skip, with a clear message, where the folder
 * is absent (as on a user's machine).
 */
export { sharedDataDir };
export const hasSharedData = existsSync(sharedDataDir);

export function sharedDataPath(...parts: string[]): string {
  return join(sharedDataDir, ...parts);
}

export const sharedDataSkipMessage = `skipped: ${sharedDataDir} is absent (the benchmark files of ../shared/data are not on this machine)`;
