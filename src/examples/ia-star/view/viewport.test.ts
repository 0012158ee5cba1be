import { describe, expect, it } from 'vitest';
import { gridPoint } from '../maps/grid-map.ts';
import { cellAtPixel, clampCamera, fitCamera, layout, panBy, revealCell, zoomAt } from './viewport.ts';

const W = 64;
const H = 32;
const CW = 640;
const CH = 480;

describe('editor viewport', () => {
  it('fits the whole map, centred, at zoom 1', () => {
    const l = layout(fitCamera(W, H), W, H, CW, CH);
    expect(l.scale).toBe(10);
    expect(l.ox).toBe(0);
    expect(l.oy).toBe((CH - H * 10) / 2);
    expect(cellAtPixel(l, 5, l.oy + 5)).toEqual(gridPoint(0, 0));
    expect(cellAtPixel(l, CW - 1, l.oy + H * 10 - 1)).toEqual(gridPoint(W - 1, H - 1));
  });

  it('zooms about the pointer: the cell under it stays under it', () => {
    const cam = fitCamera(W, H);
    const px = 200;
    const py = 250;
    const before = cellAtPixel(layout(cam, W, H, CW, CH), px, py);
    const zoomed = zoomAt(cam, 4, px, py, W, H, CW, CH);
    const l = layout(zoomed, W, H, CW, CH);
    expect(l.scale).toBe(40);
    expect(cellAtPixel(l, px, py)).toEqual(before);
  });

  it('never pans the map out of view and never zooms out past the fit', () => {
    const cam = zoomAt(fitCamera(W, H), 2, 320, 240, W, H, CW, CH);
    const far = panBy(cam, 1e6, -1e6, W, H, CW, CH);
    const l = layout(far, W, H, CW, CH);
    expect(l.ox).toBeCloseTo(0);
    expect(l.oy + H * l.scale).toBeCloseTo(CH);
    expect(clampCamera({ zoom: 0.1, cx: -5, cy: 99 }, W, H, CW, CH)).toEqual(fitCamera(W, H));
  });

  it('reveals a cell by panning just enough', () => {
    const cam = zoomAt(fitCamera(W, H), 8, 0, 0, W, H, CW, CH);
    const target = gridPoint(50, 20);
    const l = layout(revealCell(cam, target, W, H, CW, CH), W, H, CW, CH);
    const x = l.ox + target.x * l.scale;
    const y = l.oy + target.y * l.scale;
    expect(x).toBeGreaterThanOrEqual(l.scale - 1e-9);
    expect(x + l.scale).toBeLessThanOrEqual(CW - l.scale + 1e-9);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y + l.scale).toBeLessThanOrEqual(CH + 1e-9);
  });
});
