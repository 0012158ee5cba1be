import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real benchmark files live in ../shared/data beside the checkout (never copied into the project).
 * Tests that read them call `describeSharedData` so they skip, with a clear message, where the folder
 * is absent (as on a user's machine).
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDataDir = process.env.IL_SHARED_DATA ?? join(projectRoot, '..', 'shared', 'data');
export const hasSharedData = existsSync(sharedDataDir);

export function sharedDataPath(...parts: string[]): string {
  return join(sharedDataDir, ...parts);
}

export const sharedDataSkipMessage = `skipped: ${sharedDataDir} is absent (the benchmark files of ../shared/data are not on this machine)`;
