import { useEffect } from 'react';

/**
 * Keyboard actions, declared once: the key(s), where they act, and a label. The page frame's handlers, the
 * transport's key hints, aria-keyshortcuts and the landing page's key list all read these.
 */
export interface KeyAction {
  /** KeyboardEvent.key values that trigger it (letters lower case; ' ' is written 'Space'). */
  keys: readonly string[];
  /** How the key is shown (<kbd>). */
  display: string;
  label: string;
  /** 'page': anywhere on the page; 'editor': an example's own editor keys. */
  scope: 'page' | 'editor';
  /** Needs Ctrl (or ⌘); otherwise it only fires without modifiers. */
  ctrl?: boolean;
  shift?: boolean;
}

export const PAGE_ACTIONS = {
  trainPause: { keys: ['Space'], display: 'Space', label: 'train / pause', scope: 'page' },
  step: { keys: ['s'], display: 'S', label: 'one step', scope: 'page' },
  reset: { keys: ['r'], display: 'R', label: 'reset', scope: 'page' },
  faster: { keys: ['+', '='], display: '+', label: 'faster', scope: 'page' },
  slower: { keys: ['-'], display: '−', label: 'slower', scope: 'page' },
  logScale: { keys: ['l'], display: 'L', label: 'log scale', scope: 'page' },
  present: { keys: ['f'], display: 'F', label: 'presenter mode', scope: 'page' },
  nextPreset: {
    keys: ['ArrowRight', 'PageDown'],
    display: '→',
    label: 'next preset (presenter mode)',
    scope: 'page',
  },
  previousPreset: {
    keys: ['ArrowLeft', 'PageUp'],
    display: '←',
    label: 'previous preset (presenter mode)',
    scope: 'page',
  },
} as const satisfies Record<string, KeyAction>;

export type PageActionId = keyof typeof PAGE_ACTIONS;

/** True while the user types in a field (or presses Space/Enter on a focused button): keys are theirs then. */
export function isTypingTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target.isContentEditable) return true;
  return tag === 'BUTTON' && (key === ' ' || key === 'Enter');
}

function keyName(e: KeyboardEvent): string {
  return e.key === ' ' ? 'Space' : e.key.length === 1 ? e.key.toLowerCase() : e.key;
}

function matches(action: KeyAction, e: KeyboardEvent): boolean {
  const ctrl = e.ctrlKey || e.metaKey;
  if (e.altKey || ctrl !== Boolean(action.ctrl)) return false;
  if (action.shift !== undefined && e.shiftKey !== action.shift) return false;
  return action.keys.includes(keyName(e));
}

/** Binds handlers to actions on the window for as long as the component lives; typing in a field is never caught. */
export function useKeyActions<A extends Record<string, KeyAction>>(
  actions: A,
  handlers: Partial<Record<keyof A, () => void>>,
): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target, e.key)) return;
      for (const id of Object.keys(actions) as (keyof A)[]) {
        const handler = handlers[id];
        if (handler && matches(actions[id], e)) {
          e.preventDefault();
          handler();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, handlers]);
}

/** aria-keyshortcuts for an action ("Space", "+ =", "Control+Z"). */
export function ariaKeys(action: KeyAction): string {
  const prefix = action.ctrl ? 'Control+' : '';
  return action.keys.map((k) => `${prefix}${k.length === 1 ? k.toUpperCase() : k}`).join(' ');
}
