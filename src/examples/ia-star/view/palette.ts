/**
 * Colours of the grid views. Colour-blind safe: the expansion heat map is one blue ramp (it reads by lightness
 * alone), the open list is yellow (the blue–yellow axis survives every common colour-vision deficiency), and
 * start, goal and path differ by shape and letter as well as by colour (Okabe–Ito hues).
 */
export type Rgb = readonly [number, number, number];

export const FREE: Rgb = [255, 255, 255];
export const WALL: Rgb = [35, 39, 46];
export const OPEN: Rgb = [240, 228, 66];

/** Heat ramp of the expanded cells, early (pale) → late (deep blue). */
const HEAT_STOPS: readonly Rgb[] = [
  [189, 215, 238],
  [123, 176, 223],
  [66, 128, 199],
  [39, 75, 158],
];

export const CSS = {
  free: '#ffffff',
  wall: '#23272e',
  open: '#f0e442',
  path: '#d55e00',
  pathCasing: '#ffffff',
  start: '#009e73',
  goal: '#d55e00',
  current: '#000000',
  cursor: '#cc79a7',
  background: '#e8edf3',
  gridLine: 'rgba(35, 39, 46, 0.12)',
} as const;

/** 256 RGB triples of the heat ramp, for painting pixel buffers without per-cell colour maths. */
export function heatTable(): Uint8Array {
  const out = new Uint8Array(256 * 3);
  const segments = HEAT_STOPS.length - 1;
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * segments;
    const k = Math.min(segments - 1, Math.floor(t));
    const u = t - k;
    for (let c = 0; c < 3; c++) {
      out[i * 3 + c] = Math.round(HEAT_STOPS[k][c] * (1 - u) + HEAT_STOPS[k + 1][c] * u);
    }
  }
  return out;
}

/** CSS gradient of the heat ramp, for the legend. */
export const HEAT_GRADIENT = `linear-gradient(90deg, ${HEAT_STOPS.map((c) => `rgb(${c.join(',')})`).join(', ')})`;
