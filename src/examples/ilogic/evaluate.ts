import * as tf from '@tensorflow/tfjs';
import { sceneTensors } from './batches';
import { weightedAccuracy, type SceneSet } from './data';
import { ground } from './grounder';
import { nlmForward } from './nlm';
import { ACTIONS, CONCEPTS, NB, NU, decide, flipConcept, type ConceptTable } from './rules';
import type { Params } from './tensors';

/** Grounded concepts and NLM action probabilities of a whole scene set, read back once. */
export interface Readout {
  unary: Float32Array; // [S·N, NU]
  binary: Float32Array; // [S·N·N, NB]
  probabilities: Float32Array; // [S·N, NA]
  predicted: Int32Array; // [S·N]
}

export async function readout(theta: Params, mu: Params, set: SceneSet): Promise<Readout> {
  const idx = Array.from({ length: set.count }, (_, i) => i);
  const [u, b, p] = tf.tidy(() => {
    const x = sceneTensors(set, idx);
    const c = ground(theta, x);
    return [c.unary, c.binary, tf.softmax(nlmForward(mu, c))];
  });
  const [unary, binary, probabilities] = await Promise.all([u.data(), b.data(), p.data()]);
  tf.dispose([u, b, p]);
  const na = ACTIONS.length;
  const predicted = new Int32Array(set.count * set.agents);
  for (let k = 0; k < predicted.length; k++) {
    let best = 0;
    for (let a = 1; a < na; a++) if (probabilities[k * na + a] > probabilities[k * na + best]) best = a;
    predicted[k] = best;
  }
  return {
    unary: unary as Float32Array,
    binary: binary as Float32Array,
    probabilities: probabilities as Float32Array,
    predicted,
  };
}

export const accuracyOf = (r: Readout, set: SceneSet): number => weightedAccuracy(r.predicted, set.actions);

export interface ProbeMatch {
  slot: number;
  negated: boolean;
}

/**
 * The concept probe: concept labels never train anything; after training, each true concept is matched to the
 * grounded slot (and polarity) that agrees with it most often on the probe-fitting scenes, and scored by that
 * slot's accuracy (threshold 0.5) on held-out scenes. Binary concepts are scored on ordered pairs X ≠ Y.
 */
export function fitProbe(r: Readout, set: SceneSet): ProbeMatch[] {
  return CONCEPTS.map((_, k) => {
    let best: ProbeMatch = { slot: 0, negated: false };
    let bestAcc = -1;
    const slots = k < NU ? NU : NB;
    for (let slot = 0; slot < slots; slot++)
      for (const negated of [false, true]) {
        const acc = probeAccuracy(r, set, k, { slot, negated });
        if (acc > bestAcc) {
          bestAcc = acc;
          best = { slot, negated };
        }
      }
    return best;
  });
}

export function probeAccuracy(r: Readout, set: SceneSet, k: number, m: ProbeMatch): number {
  let hit = 0;
  let total = 0;
  const agree = (p: number, truth: number) => (m.negated ? p < 0.5 : p >= 0.5) === truth > 0.5;
  if (k < NU) {
    for (let a = 0; a < set.count * set.agents; a++) {
      total += 1;
      if (agree(r.unary[a * NU + m.slot], set.trueUnary[a * NU + k])) hit += 1;
    }
  } else {
    const n = set.agents;
    for (let p = 0; p < set.count * n * n; p++) {
      if (Math.floor(p / n) % n === p % n) continue;
      total += 1;
      if (agree(r.binary[p * NB + m.slot], set.trueBinary[p * NB + (k - NU)])) hit += 1;
    }
  }
  return total ? hit / total : NaN;
}

/**
 * Rule read-out by ablation: for each concept, negate it for one agent at a time and count how often each action's
 * decision (taken / not taken) changes. `decideAll` maps concept tables to actions: the true rule engine, or the NLM
 * on grounded concepts (all variants in one forward). Returns [action][concept] change frequencies.
 */
export async function ablationDependencies(
  tables: ConceptTable[],
  decideAll: (tables: ConceptTable[]) => Promise<number[][]>,
  slotOf: (concept: number) => number = (k) => k,
): Promise<number[][]> {
  const n = tables[0]?.unary.length ?? 0;
  const variants: ConceptTable[] = [...tables];
  for (let i = 0; i < n; i++)
    for (let k = 0; k < CONCEPTS.length; k++)
      for (const t of tables) variants.push(flipConcept(t, i, slotOf(k)));
  const actions = await decideAll(variants);
  const base = actions.slice(0, tables.length);
  const dep = ACTIONS.map(() => CONCEPTS.map(() => 0));
  let v = tables.length;
  for (let i = 0; i < n; i++)
    for (let k = 0; k < CONCEPTS.length; k++)
      for (let s = 0; s < tables.length; s++, v++)
        for (let a = 0; a < ACTIONS.length; a++)
          if ((actions[v][i] === a) !== (base[s][i] === a)) dep[a][k] += 1;
  const count = Math.max(1, n * tables.length);
  return dep.map((row) => row.map((x) => x / count));
}

export const trueDecide = async (tables: ConceptTable[]): Promise<number[][]> =>
  tables.map((t) => t.unary.map((_, i) => decide(t, i).action));
