import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../il/rng';
import { trainableVariable } from '../../../il/variables';
import { AllocationNetwork } from './model';
import { initialSurrogate } from './surrogate';

/** The variables of iMTSP, in checkpoint order: θ (the allocation network), then φ (the surrogate ŝ). */
export interface ImtspVariables {
  network: AllocationNetwork;
  surrogate: tf.Variable;
  all: tf.Variable[];
}

export function createImtspVariables(seed: number): ImtspVariables {
  const network = new AllocationNetwork(seed);
  const rng = createRng(seed).fork('imtsp-surrogate');
  const surrogate = trainableVariable('imtsp/surrogate', tf.tensor1d(initialSurrogate(() => rng.normal())));
  return { network, surrogate, all: [...network.variables, surrogate] };
}
