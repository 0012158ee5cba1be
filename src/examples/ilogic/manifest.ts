import { defineExample } from '../../il/example/define';
import { ilogicContract } from './contract';
import { ilogicMeta } from './meta';
import { ilogicParamSchema } from './params';

export default defineExample({
  meta: ilogicMeta,
  params: ilogicParamSchema,
  contract: ilogicContract,
  problem: () => import('./problem').then((m) => m.ilogicFactory),
  lesson: () => import('./lesson').then((m) => m.ilogicLesson),
  benches: { ilogic: () => import('./bench').then((m) => m.run) },
});
