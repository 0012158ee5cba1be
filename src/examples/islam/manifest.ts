import { defineExample } from '../../il/example/define';
import { islamContract } from './contract';
import { islamMeta } from './meta';
import { islamParamSchema } from './params';

export default defineExample({
  meta: islamMeta,
  params: islamParamSchema,
  contract: islamContract,
  problem: () => import('./problem').then((m) => m.islamFactory),
  lesson: () => import('./lesson').then((m) => m.islamLesson),
  benches: { islam: () => import('./bench').then((m) => m.run) },
  tools: { pgo: () => import('./tools/pgo').then((m) => m.run) },
});
