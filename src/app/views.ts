import type { ComponentType } from 'react';
import type { Lesson } from '../il/lesson';
import type { ExampleViewProps } from '../ui/example-view';

/** What an example's view chunk provides. */
export interface ExampleViewModule {
  View: ComponentType<ExampleViewProps>;
  lesson: Lesson;
}

/** id → lazily loaded view: one chunk per example, so the landing page stays small. */
export const viewLoaders: Record<string, () => Promise<ExampleViewModule>> = {
  explorer: () => import('../examples/explorer/view'),
  iplanner: () => import('../examples/iplanner/view'),
  impc: () => import('../examples/impc/view'),
  'ia-star': () => import('../examples/ia-star/view'),
  imtsp: () => import('../examples/imtsp/view'),
};
