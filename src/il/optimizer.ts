import * as tf from '@tensorflow/tfjs';
import type { OptimizerKind } from './problem';

/**
 * Adam and SGD over the problem's variables. Written out (rather than tf.train.*) so the learning rate can change
 * while training runs and the update is applied to gradients the problem computed itself (across the LL).
 */
export interface Optimizer {
  readonly kind: OptimizerKind;
  learningRate: number;
  apply(variables: readonly tf.Variable[], gradients: readonly tf.Tensor[]): void;
  dispose(): void;
}

class Sgd implements Optimizer {
  readonly kind = 'sgd' as const;
  constructor(public learningRate: number) {}
  apply(variables: readonly tf.Variable[], gradients: readonly tf.Tensor[]): void {
    tf.tidy(() => {
      variables.forEach((v, i) => v.assign(tf.sub(v, tf.mul(gradients[i], this.learningRate))));
    });
  }
  dispose(): void {}
}

class Adam implements Optimizer {
  readonly kind = 'adam' as const;
  private firstMoments: tf.Tensor[] = [];
  private secondMoments: tf.Tensor[] = [];
  private t = 0;
  constructor(
    public learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {}

  apply(variables: readonly tf.Variable[], gradients: readonly tf.Tensor[]): void {
    if (this.firstMoments.length === 0) {
      this.firstMoments = variables.map((v) => tf.keep(tf.zerosLike(v)));
      this.secondMoments = variables.map((v) => tf.keep(tf.zerosLike(v)));
    }
    this.t++;
    const { beta1, beta2, epsilon } = this;
    const correction1 = 1 - beta1 ** this.t;
    const correction2 = 1 - beta2 ** this.t;
    variables.forEach((v, i) => {
      const g = gradients[i];
      const [m, s] = tf.tidy(() => [
        tf.keep(tf.add(tf.mul(this.firstMoments[i], beta1), tf.mul(g, 1 - beta1))),
        tf.keep(tf.add(tf.mul(this.secondMoments[i], beta2), tf.mul(tf.square(g), 1 - beta2))),
      ]);
      this.firstMoments[i].dispose();
      this.secondMoments[i].dispose();
      this.firstMoments[i] = m;
      this.secondMoments[i] = s;
      tf.tidy(() => {
        const step = tf.div(tf.div(m, correction1), tf.add(tf.sqrt(tf.div(s, correction2)), epsilon));
        v.assign(tf.sub(v, tf.mul(step, this.learningRate)));
      });
    });
  }

  dispose(): void {
    tf.dispose([...this.firstMoments, ...this.secondMoments]);
    this.firstMoments = [];
    this.secondMoments = [];
  }
}

export function createOptimizer(kind: OptimizerKind, learningRate: number): Optimizer {
  return kind === 'adam' ? new Adam(learningRate) : new Sgd(learningRate);
}
