import { describe, expect, it } from 'vitest';
import {
  bfsDistances,
  checkQuery,
  isReachable,
  labelComponents,
  largestComponent,
  QUERY_PROBLEM_TEXT,
} from './connectivity.ts';
import { gridPoint, mapFromRows } from './grid-map.ts';

const MAP = mapFromRows(['..@..', '..@..', '@@@..', '.@...']);

describe('connectivity', () => {
  it('labels 4-connected components (the Moving AI move set) and diagonal ones with corner cutting', () => {
    const plain = labelComponents(MAP);
    expect(plain.sizes.sort((a, b) => a - b)).toEqual([1, 4, 9]);
    expect(plain.labels[2]).toBe(-1);
    const cut = labelComponents(mapFromRows(['.@', '@.']), true);
    expect(cut.sizes).toEqual([2]);
    expect(labelComponents(mapFromRows(['.@', '@.'])).sizes).toEqual([1, 1]);
    expect(plain.sizes[largestComponent(plain)]).toBe(9);
  });

  it('measures straight-move distances', () => {
    const d = bfsDistances(MAP, gridPoint(3, 0));
    expect(d[0 * 5 + 3]).toBe(0);
    expect(d[3 * 5 + 2]).toBe(4);
    expect(d[0]).toBe(-1);
    expect(d[2]).toBe(-1);
  });

  it('tells why a query cannot be planned instead of failing', () => {
    expect(checkQuery(MAP, gridPoint(0, 0), gridPoint(1, 1))).toBe('ok');
    expect(checkQuery(MAP, gridPoint(0, 0), gridPoint(4, 3))).toBe('goal-unreachable');
    expect(checkQuery(MAP, gridPoint(2, 0), gridPoint(4, 3))).toBe('start-on-wall');
    expect(checkQuery(MAP, gridPoint(3, 0), gridPoint(2, 2))).toBe('goal-on-wall');
    expect(checkQuery(MAP, gridPoint(5, 0), gridPoint(0, 0))).toBe('start-out-of-bounds');
    expect(checkQuery(MAP, gridPoint(0, 0), gridPoint(0, 9))).toBe('goal-out-of-bounds');
    expect(QUERY_PROBLEM_TEXT['goal-unreachable']).toMatch(/no path/);
    expect(isReachable(MAP, gridPoint(3, 0), gridPoint(2, 3))).toBe(true);
  });
});
