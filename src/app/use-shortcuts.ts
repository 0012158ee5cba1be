import { useEffect } from 'react';

export type ShortcutMap = Record<string, () => void>;

/**
 * Page-wide keyboard shortcuts (Space, S, R, +, −, L …). Ignored while typing in a field so that a seed or a slider
 * never triggers training by accident.
 */
export function useShortcuts(map: ShortcutMap): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      const tag = target?.tagName;
      if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable) return;
      if (tag === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
      const key = e.key === ' ' ? 'Space' : e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const action = map[key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [map]);
}
