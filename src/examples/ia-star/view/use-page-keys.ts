import { useMemo } from 'react';
import { useKeyActions, type KeyAction } from '../../../ui/actions';
import type { PlaybackClock } from './playback-clock.ts';

/** This view's own keys: the search playback and the editor's undo / redo. */
export const IA_STAR_KEYS = {
  playback: { keys: ['p'], display: 'P', label: 'play / pause the search', scope: 'editor' },
  back: { keys: [','], display: ',', label: 'one expansion back', scope: 'editor' },
  forward: { keys: ['.'], display: '.', label: 'one expansion on', scope: 'editor' },
  back25: { keys: ['<'], display: '<', label: '25 back', scope: 'editor' },
  forward25: { keys: ['>'], display: '>', label: '25 on', scope: 'editor' },
  undo: { keys: ['z'], display: 'Z', label: 'undo', scope: 'editor', ctrl: true, shift: false },
  redo: { keys: ['z', 'y'], display: 'Shift+Z', label: 'redo', scope: 'editor', ctrl: true },
} as const satisfies Record<string, KeyAction>;

export function usePageKeys(clock: PlaybackClock, undo: () => void, redo: () => void): void {
  const handlers = useMemo(
    () => ({
      playback: () => clock.toggle(),
      back: () => clock.stepBy(-1),
      forward: () => clock.stepBy(1),
      back25: () => clock.stepBy(-25),
      forward25: () => clock.stepBy(25),
      undo,
      redo,
    }),
    [clock, undo, redo],
  );
  useKeyActions(IA_STAR_KEYS, handlers);
}
