import * as tf from '@tensorflow/tfjs';
import { PAIR_FEATURES, POS_FEATURES, type SceneSet } from './data';
import type { SceneTensors } from './grounder';
import type { Batch } from './losses';
import { NA } from './rules';
import { PATCH_SIZE } from './sprites';

/** Tensors for the scenes `indices` of a set (fixed shapes for a fixed count). */
export function sceneTensors(set: SceneSet, indices: readonly number[]): SceneTensors {
  const n = set.agents;
  const s = indices.length;
  const agents = new Float32Array(s * n * (PATCH_SIZE + POS_FEATURES));
  const pairs = new Float32Array(s * n * n * PAIR_FEATURES);
  const width = PATCH_SIZE + POS_FEATURES;
  indices.forEach((scene, b) => {
    for (let i = 0; i < n; i++) {
      const src = scene * n + i;
      const dst = (b * n + i) * width;
      agents.set(set.patches.subarray(src * PATCH_SIZE, (src + 1) * PATCH_SIZE), dst);
      agents.set(set.positions.subarray(src * POS_FEATURES, (src + 1) * POS_FEATURES), dst + PATCH_SIZE);
    }
    const block = n * n * PAIR_FEATURES;
    pairs.set(set.pairs.subarray(scene * block, (scene + 1) * block), b * block);
  });
  return {
    agents: tf.tensor3d(agents, [s, n, width]),
    pairs: tf.tensor4d(pairs, [s, n, n, PAIR_FEATURES]),
    offDiagonal: tf.tidy(() => tf.sub(1, tf.eye(n))) as tf.Tensor2D,
  };
}

export function actionsOf(set: SceneSet, indices: readonly number[]): Int32Array {
  const n = set.agents;
  const out = new Int32Array(indices.length * n);
  indices.forEach((scene, b) => out.set(set.actions.subarray(scene * n, (scene + 1) * n), b * n));
  return out;
}

export function makeBatch(set: SceneSet, indices: readonly number[], weights: Float32Array): Batch {
  const actions = actionsOf(set, indices);
  return {
    x: sceneTensors(set, indices),
    oneHot: tf.tidy(() => tf.oneHot(tf.tensor1d(actions, 'int32'), NA).toFloat()) as tf.Tensor2D,
    weight: tf.tensor1d(Float32Array.from(actions, (a) => weights[a])),
  };
}

export function disposeBatch(b: Batch): void {
  tf.dispose([b.x.agents, b.x.pairs, b.x.offDiagonal, b.oneHot, b.weight]);
}
