import { describe, expect, it } from 'vitest';
import { cellPixels, guidanceColour, pushColour, pushDisplay, pushScale } from './guidance-colours.ts';
import { WALL } from './palette.ts';

const lightness = ([r, g, b]: readonly number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

describe('colours of the learned maps', () => {
  it('guidance: lightness falls monotonically from low c to high c', () => {
    const ls = [0, 0.2, 0.4, 0.6, 0.8, 1].map((c) => lightness(guidanceColour(c)));
    for (let i = 1; i < ls.length; i++) expect(ls[i]).toBeLessThan(ls[i - 1]);
    expect(guidanceColour(-1)).toEqual(guidanceColour(0));
  });

  it('push: white at 0, orange for raise, purple for lower, symmetric in lightness', () => {
    const zero = pushColour(0);
    expect(Math.min(...zero)).toBeGreaterThan(225);
    const [r1, , b1] = pushColour(1);
    const [r2, , b2] = pushColour(-1);
    expect(r1).toBeGreaterThan(b1); // orange: red over blue
    expect(b2).toBeGreaterThan(r2 - 20); // purple: blue at least as strong as red
    expect(Math.abs(lightness(pushColour(0.5)) - lightness(pushColour(-0.5)))).toBeLessThan(40);
    expect(pushColour(5)).toEqual(pushColour(1));
  });

  it('push scale: the 98th percentile of |push| on free cells, 0 when nothing is pushed', () => {
    const push = new Float32Array(101);
    const blocked = new Uint8Array(101);
    for (let i = 0; i < 100; i++) push[i] = (i + 1) * (i % 2 ? 1 : -1);
    push[100] = 1e6;
    blocked[100] = 1;
    expect(pushScale(push, blocked)).toBe(99);
    expect(pushScale(new Float32Array(4), new Uint8Array(4))).toBe(0);
  });

  it('pixels: walls dark, free cells by value, opaque', () => {
    const px = cellPixels(Float32Array.from([0, 1]), Uint8Array.from([1, 0]), guidanceColour);
    expect(Array.from(px.slice(0, 4))).toEqual([...WALL, 255]);
    expect(Array.from(px.slice(4, 8))).toEqual([...guidanceColour(1), 255]);
  });

  it('push as drawn: sign kept, square-root scaled to the 98th percentile, clipped', () => {
    const push = Float32Array.from([0, 25, -25, 100, -400]);
    const shown = pushDisplay(push, new Uint8Array(5));
    // The 98th percentile of |push| over the 4 pushed cells is the largest, 400.
    expect(Array.from(shown)).toEqual([0, 0.25, -0.25, 0.5, -1]);
    expect(Array.from(pushDisplay(new Float32Array(3), new Uint8Array(3)))).toEqual([0, 0, 0]);
  });
});
