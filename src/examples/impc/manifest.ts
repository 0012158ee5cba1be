import { defineExample } from '../../il/example/define';
import { impcContract } from './contract';
import { impcMeta } from './meta';
import { impcParamSchema } from './example-params';

export default defineExample({
  meta: impcMeta,
  params: impcParamSchema,
  contract: impcContract,
  problem: () => import('./problem').then((m) => m.impcFactory),
  lesson: () => import('./lesson/lesson').then((m) => m.impcLesson),
  benches: { impc: () => import('./bench/bench').then((m) => m.run) },
});
