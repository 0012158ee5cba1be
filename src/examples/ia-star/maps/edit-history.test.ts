import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, commit, createHistory, redo, replacePresent, undo } from './edit-history.ts';
import { createGridMap, gridPoint, mapToRows } from './grid-map.ts';
import { paintBrush, setStart } from './map-edit.ts';

describe('undo / redo history', () => {
  it('undoes and redoes edits in order and drops the redo branch on a new edit', () => {
    let h = createHistory({ map: createGridMap(4, 1), start: gridPoint(0, 0), goal: gridPoint(3, 0) });
    expect(canUndo(h)).toBe(false);
    h = commit(h, { ...h.present, map: paintBrush(h.present.map, gridPoint(1, 0), 0, 'wall') });
    h = commit(h, { ...h.present, map: paintBrush(h.present.map, gridPoint(2, 0), 0, 'wall') });
    h = commit(h, setStart(h.present, gridPoint(3, 0)));
    expect(mapToRows(h.present.map)).toEqual(['.@@.']);
    h = undo(h);
    expect(h.present.start).toEqual(gridPoint(0, 0));
    h = undo(h);
    expect(mapToRows(h.present.map)).toEqual(['.@..']);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(mapToRows(h.present.map)).toEqual(['.@@.']);
    h = commit(h, { ...h.present, map: paintBrush(h.present.map, gridPoint(0, 0), 0, 'wall') });
    expect(canRedo(h)).toBe(false);
    expect(mapToRows(undo(h).present.map)).toEqual(['.@@.']);
  });

  it('ignores no-op commits, keeps at most `limit` steps, and does nothing past either end', () => {
    let h = createHistory(0, 3);
    expect(commit(h, 0)).toBe(h);
    for (let i = 1; i <= 6; i++) h = commit(h, i);
    expect(h.past).toEqual([3, 4, 5]);
    h = undo(undo(undo(h)));
    expect(h.present).toBe(3);
    expect(undo(h)).toBe(h);
    h = redo(redo(redo(h)));
    expect(h.present).toBe(6);
    expect(redo(h)).toBe(h);
    const dragging = replacePresent(h, 7);
    expect(dragging.past).toEqual(h.past);
    expect(undo(dragging).present).toBe(5);
  });
});
