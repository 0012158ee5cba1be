import { useEffect, useRef } from 'react';
import type { CommandChannel } from '../../../il/example/contract.ts';
import { cellOf, type GridMap, type GridPoint } from '../maps/grid-map.ts';
import type { IaStarCommands, IaStarSnapshot, ShowcaseRequest } from '../contract.ts';

export type ShowcaseSource = IaStarSnapshot['showcase'];

/**
 * Keeps the worker's showcase map (the one the Learning panel draws c and the push of U on) on the map the user
 * asked for: the held-out validation map, or the map in the editor — sent after edits (debounced). The session
 * keeps it across rebuilds of the problem (it is one of the problem's view inputs); it is sent again only where a
 * rebuilt problem refused it and the snapshot shows another map.
 */
export function useShowcase(
  channel: CommandChannel<IaStarCommands>,
  wanted: ShowcaseSource,
  shown: ShowcaseSource | null,
  map: GridMap,
  start: GridPoint,
  goal: GridPoint,
  onError: (message: string) => void,
): void {
  const sent = useRef<{ map: GridMap; start: GridPoint; goal: GridPoint } | null>(null);
  useEffect(() => {
    if (shown === null) return;
    const sameEditorMap =
      sent.current?.map === map && sent.current.start === start && sent.current.goal === goal;
    if (wanted === shown && (wanted === 'validation' || sameEditorMap)) return;
    const timer = setTimeout(() => {
      const payload: ShowcaseRequest =
        wanted === 'editor'
          ? {
              width: map.width,
              height: map.height,
              blocked: map.blocked,
              start: cellOf(map, start),
              goal: cellOf(map, goal),
            }
          : null;
      sent.current = wanted === 'editor' ? { map, start, goal } : null;
      channel.command('setShowcase', payload).catch((e: unknown) => {
        sent.current = null;
        onError(`Could not show the learning on this map: ${e instanceof Error ? e.message : String(e)}`);
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [channel, wanted, shown, map, start, goal, onError]);
}
