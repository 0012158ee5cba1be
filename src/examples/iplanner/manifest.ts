import { defineExample } from '../../il/example/define';
import { iplannerContract } from './contract';
import { iplannerMeta } from './meta';
import { iplannerParamSchema } from './params';

export default defineExample({
  meta: iplannerMeta,
  params: iplannerParamSchema,
  contract: iplannerContract,
  problem: () => import('./problem').then((m) => m.iplannerFactory),
  lesson: () => import('./lesson/lesson').then((m) => m.iplannerLesson),
  benches: { iplanner: () => import('./bench/bench').then((m) => m.run) },
});
