import { defineConfig } from 'vitest/config';

// Unit tests run in Node. tfjs tests use the wasm backend (with the Conv2DBackpropFilter kernel this
// project registers) or cpu; each test file sets its backend explicitly.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Silences tfjs's "install the node backend" banner (tf.enableProdMode(); see the file).
    setupFiles: ['src/test-support/quiet-tfjs.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
