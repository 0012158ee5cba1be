import { defineExample } from '../../il/example/define';
import { iplannerMeta } from './meta';
import { iplannerParamSchema } from './params';

export default defineExample({
  meta: iplannerMeta,
  params: iplannerParamSchema,
  problem: () => import('./problem').then((m) => m.iplannerFactory),
  benches: { iplanner: () => import('./bench').then((m) => m.run) },
});
