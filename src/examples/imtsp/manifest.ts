import { defineExample } from '../../il/example/define';
import { imtspMeta } from './meta';
import { imtspParamSchema } from './params';

export default defineExample({
  meta: imtspMeta,
  params: imtspParamSchema,
  problem: () => import('./problem').then((m) => m.imtspFactory),
  benches: { imtsp: () => import('./bench').then((m) => m.run) },
});
