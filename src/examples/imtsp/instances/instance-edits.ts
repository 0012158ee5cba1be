import { makeInstance, type MtspInstance } from './instance';

/**
 * The editor's instance operations, pure: every edit returns a new instance and never leaves an invalid one
 * (the depot, city 0, always exists). Also the compact text form kept in the page link.
 */

export function addCity(instance: MtspInstance, x: number, y: number): MtspInstance {
  return makeInstance(instance.name, [...instance.x, x], [...instance.y, y]);
}

export function moveCity(instance: MtspInstance, index: number, x: number, y: number): MtspInstance {
  const xs = Array.from(instance.x);
  const ys = Array.from(instance.y);
  xs[index] = x;
  ys[index] = y;
  return makeInstance(instance.name, xs, ys);
}

/** Removes a city; removing the depot makes the next city the depot. Refuses to remove the last one. */
export function deleteCity(instance: MtspInstance, index: number): MtspInstance {
  if (instance.x.length <= 1) throw new RangeError('the instance needs at least the depot');
  const keep = (_: number, i: number) => i !== index;
  return makeInstance(
    instance.name,
    Array.from(instance.x).filter(keep),
    Array.from(instance.y).filter(keep),
  );
}

/** Makes city `index` the depot by swapping it with city 0. */
export function setDepot(instance: MtspInstance, index: number): MtspInstance {
  const xs = Array.from(instance.x);
  const ys = Array.from(instance.y);
  [xs[0], xs[index]] = [xs[index], xs[0]];
  [ys[0], ys[index]] = [ys[index], ys[0]];
  return makeInstance(instance.name, xs, ys);
}

/** Most cities kept in the link; bigger instances stay in the page only. */
export const MAX_CITIES_IN_LINK = 150;

/** "x,y;x,y;…" with six significant digits (the depot first). */
export function encodeCities(instance: MtspInstance): string {
  const f = (v: number) => String(Number(v.toPrecision(6)));
  return Array.from(instance.x, (x, i) => `${f(x)},${f(instance.y[i])}`).join(';');
}

/** Parses `encodeCities` output; null when the text is not a valid city list. */
export function decodeCities(text: string, name = 'edited'): MtspInstance | null {
  const pairs = text.split(';');
  const xs: number[] = [];
  const ys: number[] = [];
  for (const pair of pairs) {
    const parts = pair.split(',');
    if (parts.length !== 2) return null;
    const x = Number(parts[0]);
    const y = Number(parts[1]);
    if (parts[0].trim() === '' || parts[1].trim() === '' || !Number.isFinite(x) || !Number.isFinite(y))
      return null;
    xs.push(x);
    ys.push(y);
  }
  return xs.length >= 2 ? makeInstance(name, xs, ys) : null;
}
