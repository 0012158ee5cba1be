import { type GridPoint, gridPoint } from '../maps/grid-map.ts';

/**
 * Zoom and pan of a grid canvas. The camera is kept in map units (zoom relative to "whole map fits", and the
 * map point at the canvas centre), so resizing the canvas keeps what is in view; `layout` turns it into pixels.
 */
export interface Camera {
  zoom: number;
  cx: number;
  cy: number;
}

/** Pixels: screen = offset + cell · scale. */
export interface Layout {
  scale: number;
  ox: number;
  oy: number;
}

export const MAX_ZOOM = 64;

export function fitCamera(width: number, height: number): Camera {
  return { zoom: 1, cx: width / 2, cy: height / 2 };
}

/** The camera with zoom in [1, MAX_ZOOM] and the centre where the map still fills the canvas. */
export function clampCamera(cam: Camera, w: number, h: number, cw: number, ch: number): Camera {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, cam.zoom));
  const scale = fitScale(w, h, cw, ch) * zoom;
  const axis = (c: number, size: number, canvas: number) => {
    const half = canvas / (2 * scale);
    return size <= 2 * half ? size / 2 : Math.min(size - half, Math.max(half, c));
  };
  return { zoom, cx: axis(cam.cx, w, cw), cy: axis(cam.cy, h, ch) };
}

export function fitScale(w: number, h: number, cw: number, ch: number): number {
  return Math.max(1e-6, Math.min(cw / w, ch / h));
}

export function layout(cam: Camera, w: number, h: number, cw: number, ch: number): Layout {
  const c = clampCamera(cam, w, h, cw, ch);
  const scale = fitScale(w, h, cw, ch) * c.zoom;
  return { scale, ox: cw / 2 - c.cx * scale, oy: ch / 2 - c.cy * scale };
}

/** Zoom by `factor` keeping the map point under canvas pixel (px, py) where it is. */
export function zoomAt(
  cam: Camera,
  factor: number,
  px: number,
  py: number,
  w: number,
  h: number,
  cw: number,
  ch: number,
): Camera {
  const before = layout(cam, w, h, cw, ch);
  const mx = (px - before.ox) / before.scale;
  const my = (py - before.oy) / before.scale;
  const zoom = Math.min(MAX_ZOOM, Math.max(1, clampCamera(cam, w, h, cw, ch).zoom * factor));
  const scale = fitScale(w, h, cw, ch) * zoom;
  // Choose the centre so that (mx, my) lands on (px, py) again.
  return clampCamera({ zoom, cx: mx + (cw / 2 - px) / scale, cy: my + (ch / 2 - py) / scale }, w, h, cw, ch);
}

/** Move the view by a drag of (dx, dy) pixels. */
export function panBy(
  cam: Camera,
  dx: number,
  dy: number,
  w: number,
  h: number,
  cw: number,
  ch: number,
): Camera {
  const { scale } = layout(cam, w, h, cw, ch);
  return clampCamera({ ...cam, cx: cam.cx - dx / scale, cy: cam.cy - dy / scale }, w, h, cw, ch);
}

/** The cell under canvas pixel (px, py); may lie outside the map. */
export function cellAtPixel(l: Layout, px: number, py: number): GridPoint {
  return gridPoint(Math.floor((px - l.ox) / l.scale), Math.floor((py - l.oy) / l.scale));
}

/** Pan just enough that cell p is inside the canvas with a margin of one cell. */
export function revealCell(cam: Camera, p: GridPoint, w: number, h: number, cw: number, ch: number): Camera {
  const l = layout(cam, w, h, cw, ch);
  let { cx, cy } = clampCamera(cam, w, h, cw, ch);
  const left = l.ox + p.x * l.scale;
  const top = l.oy + p.y * l.scale;
  const margin = l.scale;
  if (left < margin) cx -= (margin - left) / l.scale;
  if (left + l.scale > cw - margin) cx += (left + l.scale - (cw - margin)) / l.scale;
  if (top < margin) cy -= (margin - top) / l.scale;
  if (top + l.scale > ch - margin) cy += (top + l.scale - (ch - margin)) / l.scale;
  return clampCamera({ zoom: cam.zoom, cx, cy }, w, h, cw, ch);
}
