import { createRng } from '../../il/rng';
import { NB, NU, nextActions, sceneConcepts, NA } from './rules';
import { generateScene, roadBand, type Scene, type Split } from './scene';
import { PATCH_SIZE, renderSprite } from './sprites';

/** Per-agent position features (distance from the road band along rows and columns, in cells / 3). */
export const POS_FEATURES = 2;
/** Per-pair features: both agents' position features and |Δrow|, |Δcol| (clipped at 4 cells, / 2). */
export const PAIR_FEATURES = 6;

/**
 * S scenes of N agents as flat typed arrays in fixed shapes (what the tensors are built from): sprite patches,
 * position and pair features x, observed next actions, and the true concepts (a probe only, never a training
 * signal).
 */
export interface SceneSet {
  scenes: Scene[];
  sprites: Float32Array[][];
  count: number;
  agents: number;
  patches: Float32Array; // [S·N, PATCH_SIZE]
  positions: Float32Array; // [S·N, POS_FEATURES]
  pairs: Float32Array; // [S·N·N, PAIR_FEATURES]
  actions: Int32Array; // [S·N]
  trueUnary: Float32Array; // [S·N, NU]
  trueBinary: Float32Array; // [S·N·N, NB]
}

function bandDistance(grid: number, v: number): number {
  const [c0, c1] = roadBand(grid);
  return v < c0 ? c0 - v : v > c1 ? v - c1 : 0;
}

export function makeSceneSet(
  seed: number,
  label: string,
  count: number,
  grid: number,
  agents: number,
  split: Split,
): SceneSet {
  const rng = createRng(seed).fork(`ilogic-${label}`);
  const n = agents;
  const set: SceneSet = {
    scenes: [],
    sprites: [],
    count,
    agents: n,
    patches: new Float32Array(count * n * PATCH_SIZE),
    positions: new Float32Array(count * n * POS_FEATURES),
    pairs: new Float32Array(count * n * n * PAIR_FEATURES),
    actions: new Int32Array(count * n),
    trueUnary: new Float32Array(count * n * NU),
    trueBinary: new Float32Array(count * n * n * NB),
  };
  for (let s = 0; s < count; s++) {
    const scene = generateScene(rng, grid, n, split);
    const sprites = scene.agents.map((a) => renderSprite(a.type, rng));
    set.scenes.push(scene);
    set.sprites.push(sprites);
    const concepts = sceneConcepts(scene);
    const actions = nextActions(scene);
    const pos = scene.agents.map((a) => [bandDistance(grid, a.row) / 3, bandDistance(grid, a.col) / 3]);
    for (let i = 0; i < n; i++) {
      const k = s * n + i;
      set.patches.set(sprites[i], k * PATCH_SIZE);
      set.positions.set(pos[i], k * POS_FEATURES);
      set.actions[k] = actions[i];
      set.trueUnary.set(concepts.unary[i], k * NU);
      for (let j = 0; j < n; j++) {
        const p = k * n + j;
        const a = scene.agents[i];
        const b = scene.agents[j];
        set.pairs.set(
          [
            ...pos[i],
            ...pos[j],
            Math.min(4, Math.abs(a.row - b.row)) / 2,
            Math.min(4, Math.abs(a.col - b.col)) / 2,
          ],
          p * PAIR_FEATURES,
        );
        set.trueBinary.set(concepts.binary[i][j], p * NB);
      }
    }
  }
  return set;
}

/** LogiCity's class weights: inverse class frequency, normalised to mean 1 over the classes present. */
export function classWeights(actions: Int32Array): Float32Array {
  const counts = new Float64Array(NA);
  for (const a of actions) counts[a] += 1;
  const w = new Float32Array(NA);
  let present = 0;
  let sum = 0;
  for (let c = 0; c < NA; c++)
    if (counts[c] > 0) {
      w[c] = actions.length / counts[c];
      sum += w[c];
      present += 1;
    }
  for (let c = 0; c < NA; c++) w[c] = w[c] > 0 ? (w[c] * present) / sum : 0;
  return w;
}

/**
 * LogiCity's weighted accuracy: per-class accuracy (recall) weighted by inverse class frequency, Σ_c w_c acc_c / Σ_c w_c
 * with w_c = 1 / n_c over the classes present, so a rare action (Stop) counts as much as many common ones.
 */
export function weightedAccuracy(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  const hit = new Float64Array(NA);
  const total = new Float64Array(NA);
  for (let k = 0; k < actual.length; k++) {
    total[actual[k]] += 1;
    if (predicted[k] === actual[k]) hit[actual[k]] += 1;
  }
  let sum = 0;
  let wsum = 0;
  for (let c = 0; c < NA; c++)
    if (total[c] > 0) {
      const w = 1 / total[c];
      sum += (w * hit[c]) / total[c];
      wsum += w;
    }
  return wsum > 0 ? sum / wsum : NaN;
}
