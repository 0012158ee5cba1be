import * as d3 from 'd3';
import { WALL, type Rgb } from './palette.ts';

/**
 * Colours of the learned maps. Both scales read by lightness as well as hue and avoid red–green: the guidance c
 * is the yellow–green–blue ramp (pale = low c, where the search goes first; deep blue = high c, where it waits);
 * the push map is purple–orange diverging around white (orange: this step raises c, purple: it lowers c).
 */
const guidanceRamp = (c: number) => d3.interpolateYlGnBu(0.05 + 0.8 * Math.min(1, Math.max(0, c)));

/** v ∈ [−1, 1]: −1 purple, 0 white, +1 orange (d3's PuOr runs purple → orange). */
const pushRamp = (v: number) => d3.interpolatePuOr(0.5 + 0.44 * Math.min(1, Math.max(-1, v)));

function rgbOf(css: string): Rgb {
  const c = d3.rgb(css);
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b)];
}

export function guidanceColour(c: number): Rgb {
  return rgbOf(guidanceRamp(c));
}

/** v = −∂U/∂c divided by the map's scale (see pushScale): +1 saturated orange, −1 saturated purple. */
export function pushColour(v: number): Rgb {
  return rgbOf(pushRamp(v));
}

/**
 * The push map's colour scale: the 98th percentile of |push| over free cells, so one large value does not wash
 * out the rest (values above it saturate). 0 when nothing is pushed.
 */
export function pushScale(push: Float32Array, blocked: Uint8Array): number {
  const mags: number[] = [];
  for (let i = 0; i < push.length; i++) if (!blocked[i] && push[i] !== 0) mags.push(Math.abs(push[i]));
  if (mags.length === 0) return 0;
  mags.sort((a, b) => a - b);
  return mags[Math.min(mags.length - 1, Math.floor(0.98 * mags.length))];
}

/**
 * The push map as drawn: v / scale on a square-root scale (sign kept, clipped to [−1, 1]), because a few cells next
 * to the path take most of the gradient and a linear scale would leave the rest of the open lists white.
 */
export function pushDisplay(push: Float32Array, blocked: Uint8Array): Float32Array {
  const scale = pushScale(push, blocked);
  if (scale === 0) return new Float32Array(push.length);
  return push.map((v) => Math.sign(v) * Math.min(1, Math.sqrt(Math.abs(v) / scale)));
}

/** One RGBA pixel per cell: walls dark, free cells coloured by `colour(values[i])`. */
export function cellPixels(
  values: Float32Array,
  blocked: Uint8Array,
  colour: (v: number) => Rgb,
): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const c = blocked[i] ? WALL : colour(values[i]);
    px[i * 4] = c[0];
    px[i * 4 + 1] = c[1];
    px[i * 4 + 2] = c[2];
    px[i * 4 + 3] = 255;
  }
  return px;
}

/** CSS gradients for the legends, low → high (push: lower c → raise c). */
export const GUIDANCE_GRADIENT = `linear-gradient(90deg, ${[0, 0.25, 0.5, 0.75, 1].map(guidanceRamp).join(', ')})`;
export const PUSH_GRADIENT = `linear-gradient(90deg, ${[-1, -0.5, 0, 0.5, 1].map(pushRamp).join(', ')})`;
