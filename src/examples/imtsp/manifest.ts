import { defineExample } from '../../il/example/define';
import { imtspContract } from './contract';
import { imtspMeta } from './meta';
import { imtspParamSchema } from './params';

export default defineExample({
  meta: imtspMeta,
  params: imtspParamSchema,
  contract: imtspContract,
  problem: () => import('./problem').then((m) => m.imtspFactory),
  lesson: () => import('./lesson/lesson').then((m) => m.imtspLesson),
  tools: { mtsp: () => import('./tools/mtsp').then((m) => m.run) },
  benches: { imtsp: () => import('./bench/bench').then((m) => m.run) },
});
