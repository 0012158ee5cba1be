import * as tf from '@tensorflow/tfjs';
import type { AgentView, IlogicSnapshot } from './contract';
import {
  ablationDependencies,
  accuracyOf,
  fitProbe,
  probeAccuracy,
  readout,
  trueDecide,
  type Readout,
} from './evaluate';
import { nlmForward } from './nlm';
import type { IlogicProblem } from './problem';
import { CONCEPTS, NB, NU, sceneConcepts, type ConceptTable } from './rules';
import type { SceneSet } from './data';
import type { Params } from './tensors';

/** Scenes of the random split used for the rule read-out (one NLM forward per agent slot and concept). */
const ABLATION_SCENES = 16;

/** Grounded concepts of scene s of a read-out as a table in slot order (what the NLM sees). */
function groundedTable(r: Readout, set: SceneSet, s: number): ConceptTable {
  const n = set.agents;
  return {
    unary: Array.from({ length: n }, (_, i) =>
      Array.from(r.unary.subarray((s * n + i) * NU, (s * n + i + 1) * NU)),
    ),
    binary: Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) =>
        Array.from(r.binary.subarray(((s * n + i) * n + j) * NB, ((s * n + i) * n + j + 1) * NB)),
      ),
    ),
  };
}

/** The NLM's actions on concept tables (slot order), one forward for all of them. */
export async function nlmDecide(mu: Params, tables: ConceptTable[]): Promise<number[][]> {
  const n = tables[0].unary.length;
  const pred = tf.tidy(() => {
    const unary = tf.tensor3d(
      tables.map((t) => t.unary),
      [tables.length, n, NU],
    );
    const binary = tf.tensor4d(
      tables.map((t) => t.binary),
      [tables.length, n, n, NB],
    );
    return tf.argMax(nlmForward(mu, { unary, binary }), 2);
  });
  const flat = await pred.data();
  pred.dispose();
  return tables.map((_, s) => Array.from(flat.subarray(s * n, (s + 1) * n)));
}

export async function buildSnapshot(problem: IlogicProblem): Promise<IlogicSnapshot> {
  const { val, testFixed, testRandom } = problem.data;
  const theta = problem.variables;
  const mu = problem.mu;
  const [rv, rf, rr] = [
    await readout(theta, mu, val),
    await readout(theta, mu, testFixed),
    await readout(theta, mu, testRandom),
  ];
  const matches = fitProbe(rv, val);
  const probe = matches.map((m, k) => {
    const a = probeAccuracy(rf, testFixed, k, m);
    const b = probeAccuracy(rr, testRandom, k, m);
    return { accuracy: (a + b) / 2, slot: m.slot, negated: m.negated };
  });
  const scenes = Array.from({ length: ABLATION_SCENES }, (_, s) => s);
  const slotOf = (k: number) => (k < NU ? matches[k].slot : NU + matches[k].slot);
  const learned = await ablationDependencies(
    scenes.map((s) => groundedTable(rr, testRandom, s)),
    (tables) => nlmDecide(mu, tables),
    slotOf,
  );
  const truth = await ablationDependencies(
    scenes.map((s) => sceneConcepts(testRandom.scenes[s])),
    trueDecide,
  );
  const s = problem.showScene;
  const scene = testRandom.scenes[s];
  const n = testRandom.agents;
  const agents: AgentView[] = scene.agents.map((a, i) => {
    const k = s * n + i;
    const grounded = rr.unary.subarray(k * NU, (k + 1) * NU);
    return {
      ...a,
      sprite: Array.from(testRandom.sprites[s][i]),
      trueAction: testRandom.actions[k],
      predictedAction: rr.predicted[k],
      probabilities: Array.from(rr.probabilities.subarray(k * 4, k * 4 + 4)),
      trueConcepts: Array.from(testRandom.trueUnary.subarray(k * NU, (k + 1) * NU)),
      groundedConcepts: matches
        .slice(0, NU)
        .map((m) => (m.negated ? 1 - grounded[m.slot] : grounded[m.slot])),
    };
  });
  return {
    grid: scene.grid,
    agents,
    scores: {
      weightedAccuracyFixed: accuracyOf(rf, testFixed),
      weightedAccuracyRandom: accuracyOf(rr, testRandom),
      conceptProbeAccuracy: probe.reduce((acc, p) => acc + p.accuracy, 0) / CONCEPTS.length,
    },
    probe,
    dependencies: { learned, truth },
  };
}
