import * as tf from '@tensorflow/tfjs';
import { straightThrough } from '../../../il/gradients/straight-through.ts';
import type { GridMap } from '../maps/grid-map.ts';
import { chebyshevEuclid, octile } from '../search/heuristics.ts';
import type { DastarModel } from './dastar.ts';

/**
 * The differentiable A* written plainly in tfjs ops, in the matrix form of the papers' PyTorch code: every step
 * forms f over all cells, a softmax over the open list, a straight-through one-hot selection, and adds it to the
 * history H; autograd does the backward. Slow (O(N) tensors per step) and only for small maps: it exists so the
 * fast TypeScript engine (dastar.ts) can be checked against it. Ties go to the smaller index (tf.argMax).
 * The open list and g are bookkeeping (detached), exactly as in Neural A*.
 */
export interface ReferenceRun {
  /** Σ_n upstream(n)·H(n), whose gradient w.r.t. the guidance is the ST backward. */
  loss: tf.Scalar;
  expansionOrder: number[];
}

export function dastarReference(
  map: GridMap,
  start: number,
  goal: number,
  model: DastarModel,
  guidance: tf.Tensor1D,
  upstream: Float32Array,
): ReferenceRun {
  const { width, height, blocked } = map;
  const n = width * height;
  const neural = model.costModel === 'neural-astar';
  const gx = goal % width;
  const gy = Math.floor(goal / width);
  const hValues = Float32Array.from({ length: n }, (_, c) => {
    const dx = Math.abs((c % width) - gx);
    const dy = Math.abs(Math.floor(c / width) - gy);
    return neural ? chebyshevEuclid(dx, dy) : octile(dx, dy);
  });
  const cValues = guidance.dataSync();
  const open = new Float32Array(n);
  const closed = new Uint8Array(n);
  const g = new Float64Array(n);
  open[start] = 1;
  const order: number[] = [];
  const h = tf.tensor1d(hValues);
  const weights = tf.tensor1d(upstream);
  let history: tf.Tensor = tf.zeros([n]);
  for (let t = 0; t < n; t++) {
    const f = tf.add(
      tf.add(tf.mul(model.gWeight, tf.tensor1d(Float32Array.from(g))), tf.mul(model.hWeight, h)),
      tf.mul(model.guidanceWeight, guidance),
    );
    const logits = tf.where(
      tf.tensor1d(open).greater(0),
      tf.div(tf.neg(f), model.temperature),
      tf.fill([n], -Infinity),
    );
    const selectedIndex = tf.argMax(logits).dataSync()[0];
    const soft = tf.softmax(logits);
    const hard = tf
      .oneHot(tf.tensor1d([selectedIndex], 'int32'), n)
      .reshape([n])
      .toFloat();
    history = tf.add(history, straightThrough(soft, hard));
    order.push(selectedIndex);
    if (selectedIndex === goal) break;
    open[selectedIndex] = 0;
    closed[selectedIndex] = 1;
    const sx = selectedIndex % width;
    const sy = Math.floor(selectedIndex / width);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (dx === 0 && dy === 0) continue;
        const x = sx + dx;
        const y = sy + dy;
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const j = y * width + x;
        if (blocked[j] || closed[j]) continue;
        const diagonal = dx !== 0 && dy !== 0;
        if (diagonal && !neural && (blocked[sy * width + x] || blocked[y * width + sx])) continue;
        const step = neural ? cValues[selectedIndex] : diagonal ? Math.SQRT2 : 1;
        const g2 = g[selectedIndex] + step;
        if (open[j] && !(g2 < g[j])) continue;
        g[j] = g2;
        open[j] = 1;
      }
    }
    if (!open.some((v) => v > 0)) break;
  }
  return { loss: tf.sum(tf.mul(weights, history)) as tf.Scalar, expansionOrder: order };
}
