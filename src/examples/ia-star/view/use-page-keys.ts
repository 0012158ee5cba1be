import { useEffect } from 'react';
import type { PlaybackClock } from './playback-clock.ts';

/** Page-level keys of this view: P , . < > for the playback, Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) for undo / redo. */
export function usePageKeys(clock: PlaybackClock, undo: () => void, redo: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const tag = target?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        const k = e.key.toLowerCase();
        if (k === 'z' && !e.shiftKey) undo();
        else if ((k === 'z' && e.shiftKey) || k === 'y') redo();
        else return;
        e.preventDefault();
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'p' || e.key === 'P') clock.toggle();
      else if (e.key === ',') clock.stepBy(-1);
      else if (e.key === '.') clock.stepBy(1);
      else if (e.key === '<') clock.stepBy(-25);
      else if (e.key === '>') clock.stepBy(25);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clock, undo, redo]);
}
