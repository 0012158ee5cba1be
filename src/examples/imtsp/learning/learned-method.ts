import * as tf from '@tensorflow/tfjs';
import { assignVariables, readWeightsFolder, type WeightsFiles } from '../../../il/checkpoint';
import type { MtspSolution } from '../allocation/allocation';
import { createImtspVariables, type ImtspVariables } from './imtsp-variables';
import type { MtspInstance } from '../instances/instance';
import { solveLearned } from './learned';
import type { MtspMethodContext } from '../allocation/methods';
import { MtspUsageError } from '../commands/mtsp-usage-error';

/** The weights `--method learned` uses without `--weights`: the shipped ones of the default preset. */
export const DEFAULT_LEARNED_WEIGHTS = 'public/weights/imtsp/surrogate';

/** Reads model.json + its shard from a folder: with the caller's reader (the CLI's file system), else by fetch. */
function readWeights(folder: string, readFile?: MtspMethodContext['readFile']): Promise<WeightsFiles> {
  return readWeightsFolder(folder, async (path) => {
    try {
      if (readFile) return await readFile(path);
      const response = await fetch(path);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
    }
  });
}

/** Networks loaded per weights folder, so a process that solves many instances loads each file once. */
const loaded = new Map<string, Promise<ImtspVariables>>();

/** The tfjs backend (in Node) and the network with the weights of `context.weights`: done before any timing. */
export function loadLearnedNetwork(
  context: Pick<MtspMethodContext, 'weights' | 'readFile'>,
): Promise<ImtspVariables> {
  const folder = context.weights ?? DEFAULT_LEARNED_WEIGHTS;
  let pending = loaded.get(folder);
  if (!pending) {
    pending = (async () => {
      const variables = createImtspVariables(0);
      try {
        assignVariables('imtsp', variables.all, await readWeights(folder, context.readFile));
        return variables;
      } catch (error) {
        tf.dispose(variables.all);
        throw new MtspUsageError(`learned: ${(error as Error).message}`, { cause: error });
      }
    })();
    loaded.set(folder, pending);
    pending.catch(() => loaded.delete(folder));
  }
  return pending;
}

/** `--method learned`: the trained allocation network (weights from `context.weights`) + the TSP engine. */
export async function solveWithLearnedWeights(
  instance: MtspInstance,
  agents: number,
  context: MtspMethodContext,
): Promise<MtspSolution> {
  const { network } = await loadLearnedNetwork(context);
  const solved = await solveLearned(network, instance, agents, { seed: context.seed, tsp: context.tsp });
  return { tours: solved.tours, lengths: solved.lengths, maxTour: solved.maxTour, sumTour: solved.sumTour };
}
