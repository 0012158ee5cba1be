import { readFileSync } from 'node:fs';
import { parseNpy, type NpyArray } from '../examples/ia-star/learning/npy.ts';

export { parseNpy, type NpyArray } from '../examples/ia-star/learning/npy.ts';

export function readNpy(path: string): NpyArray {
  return parseNpy(new Uint8Array(readFileSync(path)));
}
