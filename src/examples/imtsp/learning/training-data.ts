import { createRng, mixSeed } from '../../../il/rng';
import { clusteredInstance, uniformInstance } from '../instances/generators';
import type { MtspInstance } from '../instances/instance';
import type { Distribution } from '../params';

/** One random instance of the distribution; `mixed` alternates uniform and clustered by seed parity. */
export function randomInstance(distribution: Distribution, n: number, seed: number): MtspInstance {
  const clustered = distribution === 'clustered' || (distribution === 'mixed' && seed % 2 === 1);
  return clustered ? clusteredInstance({ n, seed }) : uniformInstance({ n, seed });
}

/** The B training instances of step t: a pure function of (seed, t), so every run replays exactly. */
export function trainingBatch(
  distribution: Distribution,
  n: number,
  count: number,
  seed: number,
  step: number,
): MtspInstance[] {
  const rng = createRng(seed).fork('imtsp-train').fork(step);
  return Array.from({ length: count }, () => randomInstance(distribution, n, rng.seed()));
}

/**
 * Held-out instances: seeds from a stream no training step draws from (training seeds come from the
 * 'imtsp-train' fork), so the evaluation never sees a training instance.
 */
export function heldOutInstances(
  distribution: Distribution,
  n: number,
  count: number,
  seed: number,
): MtspInstance[] {
  return Array.from({ length: count }, (_, i) =>
    randomInstance(distribution, n, mixSeed(seed * 7919 + 104729 + i * 31 + n)),
  );
}
