import { defineExample } from '../../il/example/define';
import { iaStarContract } from './contract';
import { iaStarMeta } from './meta';
import { iaStarParamSchema } from './params';

export default defineExample({
  meta: iaStarMeta,
  params: iaStarParamSchema,
  contract: iaStarContract,
  problem: () => import('./problem').then((m) => m.iaStarFactory),
  lesson: () => import('./lesson/lesson').then((m) => m.iaStarLesson),
  tools: { plan: () => import('./tools/plan').then((m) => m.run) },
  benches: {
    'ia-star': () => import('./bench/bench').then((m) => m.run),
    grid: () => import('./bench/bench-grid').then((m) => m.run),
  },
});
