import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data beside the checkout (or $IL_SHARED_DATA): the public benchmark files, never copied in. */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDataDir = process.env.IL_SHARED_DATA ?? join(projectRoot, '..', 'shared', 'data');
