/**
 * Undo / redo as immutable snapshots: pure functions over a value that is never mutated. Scenes share
 * their map array when only start or goal moved, so a snapshot costs a map copy only when walls changed;
 * `limit` caps memory (a 512×512 map is 256 KiB).
 */
export interface EditHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  readonly limit: number;
}

export function createHistory<T>(present: T, limit = 100): EditHistory<T> {
  return { past: [], present, future: [], limit: Math.max(1, limit) };
}

/** Record a new present; committing the present itself changes nothing. */
export function commit<T>(h: EditHistory<T>, next: T): EditHistory<T> {
  if (Object.is(next, h.present)) return h;
  const past = [...h.past, h.present];
  return {
    ...h,
    past: past.length > h.limit ? past.slice(past.length - h.limit) : past,
    present: next,
    future: [],
  };
}

/** Replace the present without an undo step (e.g. while a drag is still going on). */
export function replacePresent<T>(h: EditHistory<T>, next: T): EditHistory<T> {
  return Object.is(next, h.present) ? h : { ...h, present: next };
}

export function canUndo<T>(h: EditHistory<T>): boolean {
  return h.past.length > 0;
}

export function canRedo<T>(h: EditHistory<T>): boolean {
  return h.future.length > 0;
}

export function undo<T>(h: EditHistory<T>): EditHistory<T> {
  if (h.past.length === 0) return h;
  return {
    ...h,
    past: h.past.slice(0, -1),
    present: h.past[h.past.length - 1],
    future: [h.present, ...h.future],
  };
}

export function redo<T>(h: EditHistory<T>): EditHistory<T> {
  if (h.future.length === 0) return h;
  return { ...h, past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
