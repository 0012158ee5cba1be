import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../il/rng';
import { trainableVariable } from '../../../il/variables';
import { NODE_FEATURES, WORKLOAD_FEATURES, type CityFeatures } from './features';

/** Width of the graph layers. */
export const HIDDEN = 16;

/** A batch of instances with the same n and M, as tensors (see `CityFeatures` for each field). */
export interface ModelInputs {
  node: tf.Tensor3D;
  workload: tf.Tensor3D;
  sweep: tf.Tensor3D;
  neighbours: tf.Tensor3D;
  agents: number;
}

/** Stacks the features of B instances (same n, same M) into the network's inputs. The caller disposes. */
export function modelInputs(batch: readonly CityFeatures[]): ModelInputs {
  const b = batch.length;
  const { n, agents } = batch[0];
  if (batch.some((f) => f.n !== n || f.agents !== agents))
    throw new RangeError('every instance of a batch needs the same number of cities and agents');
  const stack = (pick: (f: CityFeatures) => Float32Array, width: number) => {
    const out = new Float32Array(b * n * width);
    batch.forEach((f, k) => out.set(pick(f), k * n * width));
    return tf.tensor3d(out, [b, n, width]);
  };
  return {
    node: stack((f) => f.node, NODE_FEATURES),
    workload: stack((f) => f.workload, WORKLOAD_FEATURES),
    sweep: stack((f) => f.sweep, n),
    neighbours: stack((f) => f.neighbours, n),
    agents,
  };
}

export function disposeInputs(inputs: ModelInputs): void {
  tf.dispose([inputs.node, inputs.workload, inputs.sweep, inputs.neighbours]);
}

/**
 * The graph layers' weights are stored ×1/GRAPH_STEP_SCALE: Adam moves every parameter by about the learning
 * rate per step whatever its gradient's size, and the score-function gradients are noisy, so without this the
 * ~700 graph weights random-walk far faster than the 5 parameters of the head.
 */
const GRAPH_STEP_SCALE = 0.1;
/** The graph layer can scale a city's workload by e^{±CORRECTION_BOUND}. */
const CORRECTION_BOUND = 0.5;

/** softplus⁻¹, for initialising a positive parameter stored raw. */
const rawFor = (positive: number) => Math.log(Math.expm1(positive));

function seededMatrix(rng: ReturnType<typeof createRng>, rows: number, cols: number, std: number): tf.Tensor {
  return tf.tensor2d(
    Float32Array.from({ length: rows * cols }, () => std * rng.normal()),
    [rows, cols],
  );
}

/**
 * The allocation network f(θ): for every city a distribution over the M agents, for any N and M.
 *
 * 1. A graph layer (GIN-style: h' = relu(W2 [h, mean of the k nearest cities' h])) over scale-free node
 *    features gives each city a bounded correction c_i = ½ tanh(·).
 * 2. Each city's workload w_i = (Σ_k softplus(α_k) f_ik) · e^{c_i}: a positive mix of what a city costs its
 *    agent (its share of the radial trip out and back, the local zig-zag, its distance, a count term).
 * 3. Sweep head: cities are ordered by angle around the depot; t_i ∈ [0, 1] is the workload swept before
 *    city i. Agent m owns the sector centred at (m + ½)/M, and the logit is −κ·u², u = M·t_i − (m + ½),
 *    the distance to that centre in sectors. Cumulative workloads are what balances the tours.
 *
 * θ = [α, κ, W1, b1, W2, b2, w3, b3]; about 650 numbers.
 */
export class AllocationNetwork {
  readonly variables: tf.Variable[];
  private readonly alpha: tf.Variable;
  private readonly kappa: tf.Variable;
  private readonly w1: tf.Variable;
  private readonly b1: tf.Variable;
  private readonly w2: tf.Variable;
  private readonly b2: tf.Variable;
  private readonly w3: tf.Variable;
  private readonly b3: tf.Variable;

  constructor(seed: number) {
    const rng = createRng(seed).fork('imtsp-allocation-network');
    this.alpha = trainableVariable('imtsp/alpha', tf.fill([WORKLOAD_FEATURES], rawFor(0.25)));
    this.kappa = trainableVariable('imtsp/kappa', tf.scalar(rawFor(2)));
    const s = GRAPH_STEP_SCALE;
    this.w1 = trainableVariable(
      'imtsp/w1',
      seededMatrix(rng, NODE_FEATURES, HIDDEN, Math.sqrt(2 / NODE_FEATURES) / s),
    );
    this.b1 = trainableVariable('imtsp/b1', tf.zeros([HIDDEN]));
    this.w2 = trainableVariable('imtsp/w2', seededMatrix(rng, 2 * HIDDEN, HIDDEN, Math.sqrt(1 / HIDDEN) / s));
    this.b2 = trainableVariable('imtsp/b2', tf.zeros([HIDDEN]));
    this.w3 = trainableVariable('imtsp/w3', seededMatrix(rng, HIDDEN, 1, 0.01 / s));
    this.b3 = trainableVariable('imtsp/b3', tf.zeros([1]));
    this.variables = [this.alpha, this.kappa, this.w1, this.b1, this.w2, this.b2, this.w3, this.b3];
  }

  /** Per-city workload w [B, n] (positive). */
  workloads(inputs: ModelInputs): tf.Tensor2D {
    return tf.tidy(() => {
      const [b, n] = inputs.node.shape;
      const flat = tf.reshape(inputs.node, [b * n, NODE_FEATURES]);
      const s = GRAPH_STEP_SCALE;
      const h1 = tf.reshape(tf.relu(tf.add(tf.matMul(flat, tf.mul(this.w1, s)), tf.mul(this.b1, s))), [
        b,
        n,
        HIDDEN,
      ]);
      const pooled = tf.matMul(inputs.neighbours, h1);
      const joined = tf.reshape(tf.concat([h1, pooled], 2), [b * n, 2 * HIDDEN]);
      const h2 = tf.relu(tf.add(tf.matMul(joined, tf.mul(this.w2, s)), tf.mul(this.b2, s)));
      const correction = tf.reshape(
        tf.mul(CORRECTION_BOUND, tf.tanh(tf.add(tf.matMul(h2, tf.mul(this.w3, s)), tf.mul(this.b3, s)))),
        [b, n],
      );
      const mix = tf.reshape(
        tf.matMul(
          tf.reshape(inputs.workload, [b * n, WORKLOAD_FEATURES]),
          tf.reshape(tf.softplus(this.alpha), [-1, 1]),
        ),
        [b, n],
      );
      return tf.mul(mix, tf.exp(correction)) as tf.Tensor2D;
    });
  }

  /** Logits ℓ [B, n, M] of every city's distribution over agents. */
  logits(inputs: ModelInputs): tf.Tensor3D {
    return tf.tidy(() => {
      const m = inputs.agents;
      const w = this.workloads(inputs);
      const swept = tf.squeeze(tf.matMul(inputs.sweep, tf.expandDims(w, 2)), [2]);
      const t = tf.div(swept, tf.sum(w, 1, true));
      const centres = tf.tensor1d(Float32Array.from({ length: m }, (_, k) => k + 0.5));
      const u = tf.sub(tf.expandDims(tf.mul(t, m), 2), centres);
      return tf.mul(tf.neg(tf.softplus(this.kappa)), tf.square(u)) as tf.Tensor3D;
    });
  }

  dispose(): void {
    tf.dispose(this.variables);
  }
}
