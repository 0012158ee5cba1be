import { describe, expect, it } from 'vitest';
import { createGridMap, gridPoint, mapFromRows, mapToRows } from './grid-map.ts';
import {
  brushCells,
  clearMap,
  invertMap,
  paintBrush,
  paintStroke,
  resizeMap,
  resizeScene,
  segmentPoints,
  setGoal,
  setStart,
} from './map-edit.ts';

describe('map edits (pure)', () => {
  it('paints a round brush and erases with it, leaving the input untouched', () => {
    const map = createGridMap(7, 7);
    const painted = paintBrush(map, gridPoint(3, 3), 1, 'wall');
    expect(mapToRows(map)).toEqual(Array(7).fill('.......'));
    expect(mapToRows(painted)).toEqual([
      '.......',
      '.......',
      '..@@@..',
      '..@@@..',
      '..@@@..',
      '.......',
      '.......',
    ]);
    expect(brushCells(map, gridPoint(3, 3), 0)).toEqual([24]);
    expect(brushCells(map, gridPoint(3, 3), 2)).toHaveLength(21);
    expect(brushCells(map, gridPoint(0, 0), 2)).toHaveLength(8); // clipped at the corner
    const erased = paintBrush(painted, gridPoint(3, 3), 0, 'erase');
    expect(erased.blocked[24]).toBe(0);
    expect(erased.blocked[23]).toBe(1);
    expect(erased.blocked[16]).toBe(1);
  });

  it('returns the same map when nothing changes, and keeps protected cells', () => {
    const map = createGridMap(5, 5);
    expect(paintBrush(map, gridPoint(2, 2), 1, 'erase')).toBe(map);
    const kept = paintBrush(map, gridPoint(2, 2), 1, 'wall', [gridPoint(2, 2)]);
    expect(kept.blocked[12]).toBe(0);
    expect(kept.blocked[7]).toBe(1);
  });

  it('paints a whole stroke without gaps', () => {
    expect(segmentPoints(gridPoint(0, 0), gridPoint(4, 2)).map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 2],
    ]);
    const stroke = paintStroke(createGridMap(6, 3), gridPoint(0, 0), gridPoint(5, 2), 0, 'wall');
    expect(mapToRows(stroke)).toEqual(['@@....', '..@@..', '....@@']);
  });

  it('clears, inverts (keeping start and goal free) and resizes to any shape', () => {
    const map = mapFromRows(['.@.', '@..']);
    expect(mapToRows(clearMap(map))).toEqual(['...', '...']);
    const empty = createGridMap(3, 3);
    expect(clearMap(empty)).toBe(empty);
    expect(mapToRows(invertMap(map))).toEqual(['@.@', '.@@']);
    expect(mapToRows(invertMap(map, [gridPoint(0, 0)]))).toEqual(['..@', '.@@']);
    expect(mapToRows(resizeMap(map, 5, 1))).toEqual(['.@...']);
    expect(mapToRows(resizeMap(map, 2, 3))).toEqual(['.@', '@.', '..']);
    expect(resizeMap(map, 3, 2)).toBe(map);
  });

  it('moves start and goal (clamped into the map) and clamps them on resize', () => {
    const scene = { map: createGridMap(10, 10), start: gridPoint(1, 1), goal: gridPoint(8, 8) };
    expect(setStart(scene, gridPoint(3, 4)).start).toEqual(gridPoint(3, 4));
    expect(setGoal(scene, gridPoint(20, -3)).goal).toEqual(gridPoint(9, 0));
    expect(setStart(scene, gridPoint(1, 1))).toBe(scene);
    const small = resizeScene(scene, 5, 4);
    expect([small.map.width, small.map.height]).toEqual([5, 4]);
    expect(small.goal).toEqual(gridPoint(4, 3));
    expect(small.start).toEqual(gridPoint(1, 1));
  });
});
