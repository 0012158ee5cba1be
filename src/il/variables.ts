import * as tf from '@tensorflow/tfjs';

let counter = 0;

/**
 * A trainable tf.Variable with a readable name. tfjs requires variable names to be unique per engine, and a page
 * re-creates its problem on every reset, so a counter is appended; checkpoints match by order and shape, not name.
 */
export function trainableVariable(name: string, initial: tf.Tensor): tf.Variable {
  counter += 1;
  return tf.variable(initial, true, `${name}#${counter}`);
}

/** The name without the uniqueness suffix (what checkpoints store). */
export function baseName(variableName: string): string {
  const hash = variableName.lastIndexOf('#');
  return hash < 0 ? variableName : variableName.slice(0, hash);
}
