import * as tf from '@tensorflow/tfjs';
import type { TrainingSettings } from '../../il/problem';
import { createRng } from '../../il/rng';
import { disposeBatch, makeBatch, sceneTensors } from './batches';
import type { BaselineRow } from './contract';
import { weightedAccuracy, type SceneSet } from './data';
import { ground, initGrounder, type SceneTensors } from './grounder';
import { weightedCrossEntropy, type Batch } from './losses';
import { initNlm, nlmForward } from './nlm';
import { accuracyOf, fitProbe, probeAccuracy, readout } from './evaluate';
import type { IlogicData } from './problem';
import { NA, NB, NU } from './rules';
import { dense, denseInit, type Params } from './tensors';

/**
 * The baselines, trained on the same scenes, batches and step budget as iLogic, with Adam on one loss:
 *   end-to-end  a message-passing network (per-agent MLP + mean-pooled pair messages) straight to the actions;
 *   joint NLM   the same grounder + NLM trained together on L (no bilevel split, no held-out U);
 *   supervised  the same grounder trained on the true concept labels (BCE) and the NLM on its outputs (modular).
 */
const E2E_HIDDEN = 24;

function initEndToEnd(rng: ReturnType<typeof createRng>): Params {
  return [
    ...denseInit(rng, 77, E2E_HIDDEN),
    ...denseInit(rng, 6 + 2 * E2E_HIDDEN, E2E_HIDDEN),
    ...denseInit(rng, 2 * E2E_HIDDEN, E2E_HIDDEN),
    ...denseInit(rng, E2E_HIDDEN, NA),
  ];
}

function endToEnd(w: Params, x: SceneTensors): tf.Tensor3D {
  const [s, n] = x.agents.shape;
  const h = tf.relu(dense(x.agents, w[0], w[1]));
  const hX = tf.tile(tf.reshape(h, [s, n, 1, E2E_HIDDEN]), [1, 1, n, 1]);
  const hY = tf.tile(tf.reshape(h, [s, 1, n, E2E_HIDDEN]), [1, n, 1, 1]);
  const m = tf.relu(dense(tf.concat([x.pairs, hX, hY], 3), w[2], w[3]));
  const mask = tf.reshape(x.offDiagonal, [1, n, n, 1]);
  const pooled = tf.div(tf.sum(tf.mul(m, mask), 2), n - 1);
  const z = tf.relu(dense(tf.concat([h, pooled], 2), w[4], w[5]));
  return dense(z, w[6], w[7]) as tf.Tensor3D;
}

function conceptLoss(theta: Params, batch: Batch, set: SceneSet, idx: number[]): tf.Scalar {
  const c = ground(theta, batch.x);
  const n = set.agents;
  const tu = tf.tensor3d(
    idx.flatMap((s) => Array.from(set.trueUnary.subarray(s * n * NU, (s + 1) * n * NU))),
    [idx.length, n, NU],
  );
  const tbin = tf.tensor4d(
    idx.flatMap((s) => Array.from(set.trueBinary.subarray(s * n * n * NB, (s + 1) * n * n * NB))),
    [idx.length, n, n, NB],
  );
  const bce = (p: tf.Tensor, t: tf.Tensor) =>
    tf.neg(
      tf.mean(tf.add(tf.mul(t, tf.log(tf.add(p, 1e-6))), tf.mul(tf.sub(1, t), tf.log(tf.sub(1 + 1e-6, p))))),
    );
  return tf.add(bce(c.unary, tu), bce(c.binary, tbin)) as tf.Scalar;
}

type Kind = 'end-to-end' | 'joint NLM' | 'concept-supervised';

async function trainOne(
  kind: Kind,
  data: IlogicData,
  settings: TrainingSettings,
  steps: number,
): Promise<BaselineRow> {
  const rng = createRng(settings.seed).fork(`baseline-${kind}`);
  const theta = kind === 'end-to-end' ? [] : initGrounder(rng.fork('theta')).map((t) => tf.variable(t));
  const mu = (kind === 'end-to-end' ? initEndToEnd(rng) : initNlm(rng.fork('mu'), { hidden: 8 })).map((t) =>
    tf.variable(t),
  );
  const vars = [...theta, ...mu];
  const opt = tf.train.adam(settings.learningRate);
  // tfjs's Adam keeps its moments by position in the variable list: one optimiser per list.
  const optMu = tf.train.adam(settings.learningRate);
  const pick = createRng(settings.seed).fork('baseline-batches');
  for (let step = 0; step < steps; step++) {
    const idx = Array.from({ length: settings.batchSize }, () => pick.int(0, data.train.count - 1));
    const batch = makeBatch(data.train, idx, data.weights);
    if (kind === 'concept-supervised') {
      // Modular: θ learns only from the concept labels, μ only from the actions (θ's outputs are inputs to it).
      opt.minimize(() => conceptLoss(theta, batch, data.train, idx), false, theta);
      optMu.minimize(() => weightedCrossEntropy(nlmForward(mu, ground(theta, batch.x)), batch), false, mu);
    } else
      opt.minimize(
        () =>
          kind === 'end-to-end'
            ? weightedCrossEntropy(endToEnd(mu, batch.x), batch)
            : weightedCrossEntropy(nlmForward(mu, ground(theta, batch.x)), batch),
        false,
        vars,
      );
    disposeBatch(batch);
  }
  let row: BaselineRow;
  if (kind === 'end-to-end') {
    const acc = async (set: SceneSet) => {
      const idx = Array.from({ length: set.count }, (_, i) => i);
      const pred = tf.tidy(() => tf.argMax(endToEnd(mu, sceneTensors(set, idx)), 2));
      const p = await pred.data();
      pred.dispose();
      return weightedAccuracy(p, set.actions);
    };
    row = {
      name: kind,
      weightedAccuracyFixed: await acc(data.testFixed),
      weightedAccuracyRandom: await acc(data.testRandom),
      conceptProbeAccuracy: null,
      steps,
    };
  } else {
    const rv = await readout(theta, mu, data.val);
    const rf = await readout(theta, mu, data.testFixed);
    const rr = await readout(theta, mu, data.testRandom);
    const matches = fitProbe(rv, data.val);
    const probe = matches.map(
      (m, k) => (probeAccuracy(rf, data.testFixed, k, m) + probeAccuracy(rr, data.testRandom, k, m)) / 2,
    );
    row = {
      name: kind,
      weightedAccuracyFixed: accuracyOf(rf, data.testFixed),
      weightedAccuracyRandom: accuracyOf(rr, data.testRandom),
      conceptProbeAccuracy: probe.reduce((a, b) => a + b, 0) / probe.length,
      steps,
    };
  }
  opt.dispose();
  optMu.dispose();
  tf.dispose(vars);
  return row;
}

export async function runBaselines(
  data: IlogicData,
  settings: TrainingSettings,
  steps: number,
): Promise<BaselineRow[]> {
  const rows: BaselineRow[] = [];
  for (const kind of ['end-to-end', 'joint NLM', 'concept-supervised'] as const)
    rows.push(await trainOne(kind, data, settings, steps));
  return rows;
}
