import { enableProdMode } from '@tensorflow/tfjs-core';

/**
 * Vitest setup (vitest.config.ts `setupFiles`): tfjs's cpu backend prints an "install the node backend" banner on
 * its first tensor in Node, once per test file. Production mode is tfjs's documented switch for its logs
 * (`tf.enableProdMode()` sets the PROD flag, which `log.warn` checks); it changes no computation here: the flag
 * only silences logs and environment warnings. (IS_TEST would silence them too, but turns on leak checks that report
 * a false positive on wasm's fused conv.)
 */
enableProdMode();
