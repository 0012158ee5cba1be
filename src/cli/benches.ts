import type { BenchRunner } from './bench-types';

/** id → bench. Lazy, so a bench only loads what it measures. */
export const benchLoaders: Record<string, () => Promise<BenchRunner>> = {
  explorer: () => import('../examples/explorer/bench').then((m) => m.run),
  iplanner: () => import('../examples/iplanner/bench').then((m) => m.run),
  impc: () => import('../examples/impc/bench').then((m) => m.run),
  imtsp: () => import('../examples/imtsp/bench').then((m) => m.run),
  grid: () => import('../examples/ia-star/bench-grid').then((m) => m.run),
  'ia-star': () => import('../examples/ia-star/bench').then((m) => m.run),
};
