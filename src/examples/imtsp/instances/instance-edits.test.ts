import { describe, expect, it } from 'vitest';
import { uniformInstance } from './generators';
import { addCity, decodeCities, deleteCity, encodeCities, moveCity, setDepot } from './instance-edits';

describe('editor instance operations', () => {
  const base = uniformInstance({ n: 6, seed: 1 });

  it('add, move, delete and set the depot without touching the other cities', () => {
    const added = addCity(base, 0.25, 0.75);
    expect(added.x.length).toBe(7);
    expect([added.x[6], added.y[6]]).toEqual([0.25, 0.75]);
    const moved = moveCity(added, 3, 0.5, 0.5);
    expect([moved.x[3], moved.y[3]]).toEqual([0.5, 0.5]);
    expect(moved.x[2]).toBe(base.x[2]);
    const removed = deleteCity(moved, 2);
    expect(Array.from(removed.x)).toEqual([
      ...Array.from(moved.x).slice(0, 2),
      ...Array.from(moved.x).slice(3),
    ]);
    const depot = setDepot(base, 4);
    expect([depot.x[0], depot.x[4]]).toEqual([base.x[4], base.x[0]]);
    expect(() =>
      deleteCity(deleteCity(deleteCity(deleteCity(deleteCity(deleteCity(base, 0), 0), 0), 0), 0), 0),
    ).toThrow('at least the depot');
  });

  it('round-trips through the link text and rejects malformed text', () => {
    const back = decodeCities(encodeCities(base))!;
    Array.from(base.x).forEach((v, i) => expect(back.x[i]).toBeCloseTo(v, 5));
    Array.from(base.y).forEach((v, i) => expect(back.y[i]).toBeCloseTo(v, 5));
    expect(decodeCities('0.1,0.2')).toBeNull();
    expect(decodeCities('0.1,0.2;0.3')).toBeNull();
    expect(decodeCities('0.1,0.2;a,0.4')).toBeNull();
    expect(decodeCities('0.1,0.2;,0.4')).toBeNull();
  });
});
