import { useMemo, type ComponentType } from 'react';
import type { TypedExampleManifest } from '../il/example/define';
import type { Lesson } from '../il/lesson';
import type { ExampleParams } from '../il/problem';
import type { ExampleViewProps } from './example-view';

/** What an example's view module (src/examples/<id>/view/index.tsx) exports; the app finds it by folder. */
export interface ExampleViewModule {
  View: ComponentType<ExampleViewProps>;
  lesson: Lesson;
}

/**
 * Types a view from its example's manifest: the view receives params already parsed by the schema and the
 * snapshot as the example's own type. The snapshot is the one trusted narrowing: the page's worker runs this
 * example's problem, whose `snapshot()` returns exactly that type.
 */
export function defineView<P extends ExampleParams, S>(
  manifest: TypedExampleManifest<P, S>,
  View: ComponentType<ExampleViewProps<S, P>>,
): ComponentType<ExampleViewProps> {
  function TypedView(props: ExampleViewProps) {
    const params = useMemo(() => manifest.parseParams(props.params).values, [props.params]);
    return <View {...props} params={params} snapshot={props.snapshot as S | null} />;
  }
  TypedView.displayName = `${manifest.id}View`;
  return TypedView;
}
