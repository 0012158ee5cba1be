import * as tf from '@tensorflow/tfjs';

let counter = 0;

/**
 * A trainable tf.Variable with a readable name. tfjs requires variable names to be unique per engine, and a page
 * re-creates its problem on every reset, so a counter is appended; checkpoints match by order and shape, not name.
 * Takes ownership of `initial`: tf.variable keeps its own reference to the data, and the initial tensor would
 * otherwise stay counted (one leaked tensor per variable on every reset).
 */
export function trainableVariable(name: string, initial: tf.Tensor): tf.Variable {
  counter += 1;
  const v = tf.variable(initial, true, `${name}#${counter}`);
  initial.dispose();
  return v;
}

/** The name without the uniqueness suffix (what checkpoints store). */
export function baseName(variableName: string): string {
  const hash = variableName.lastIndexOf('#');
  return hash < 0 ? variableName : variableName.slice(0, hash);
}
