import { defineExample } from '../../il/example/define';
import { explorerContract } from './contract';
import { explorerMeta } from './meta';
import { explorerParamSchema } from './params';

export default defineExample({
  meta: explorerMeta,
  params: explorerParamSchema,
  contract: explorerContract,
  problem: () => import('./problem').then((m) => m.explorerFactory),
  lesson: () => import('./lesson').then((m) => m.explorerLesson),
  benches: { explorer: () => import('./bench').then((m) => m.run) },
});
