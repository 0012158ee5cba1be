import { useMemo, type ComponentType } from 'react';
import type { CommandChannel, CommandMap } from '../il/example/contract';
import type { TypedExampleManifest } from '../il/example/define';
import type { ExampleParams } from '../il/problem';
import type { ExampleViewProps, FrameViewProps } from './example-view';

/** What an example's view module (src/examples/<id>/view/index.tsx) exports; the app finds it by folder. */
export interface ExampleViewModule {
  View: ComponentType<FrameViewProps>;
}

/**
 * Types a view from its example's manifest: params parsed by the schema, the snapshot as the example's Snapshot,
 * the channel as its command map. The snapshot is the one trusted narrowing: the page's worker runs this example's
 * problem, whose `snapshot()` returns exactly that type.
 */
export function defineView<P extends ExampleParams, S, C extends CommandMap>(
  manifest: TypedExampleManifest<P, S, C>,
  View: ComponentType<ExampleViewProps<S, P, C>>,
): ComponentType<FrameViewProps> {
  function TypedView(props: FrameViewProps) {
    const params = useMemo(() => manifest.parseParams(props.params).values, [props.params]);
    const raw = props.channel;
    const channel = useMemo<CommandChannel<C>>(
      () => ({ command: (name, payload) => raw.command(name, payload) }),
      [raw],
    );
    return <View {...props} params={params} snapshot={props.snapshot as S | null} channel={channel} />;
  }
  TypedView.displayName = `${manifest.id}View`;
  return TypedView;
}
