import type { GridMap, GridPoint } from '../maps/grid-map.ts';
import type { PlanResult } from '../search/search.ts';
import { CSS } from './palette.ts';
import { SearchRaster } from './search-raster.ts';
import type { Layout } from './viewport.ts';

/**
 * Keeps a map's search raster and its cell-per-pixel canvas in step with (map, plan, step): a new map or plan
 * rebuilds the raster; a new step replays only what changed; the pixels are uploaded only when they changed.
 */
export class SearchLayer {
  readonly image: HTMLCanvasElement = document.createElement('canvas');
  raster: SearchRaster | null = null;
  private map: GridMap | null = null;
  private plan: PlanResult | null = null;
  private uploaded = -1;

  update(map: GridMap, plan: PlanResult | null, step: number): SearchRaster {
    if (!this.raster || map !== this.map || plan !== this.plan) {
      this.raster = new SearchRaster(map, plan);
      this.map = map;
      this.plan = plan;
      this.uploaded = -1;
      this.image.width = map.width;
      this.image.height = map.height;
    }
    const r = this.raster;
    r.seek(step);
    if (r.version !== this.uploaded) {
      // A CPU-side canvas: putImageData is then a copy, not a texture upload (slow on software GPUs).
      this.image
        .getContext('2d', { willReadFrequently: true })
        ?.putImageData(new ImageData(r.pixels, r.width, r.height), 0, 0);
      this.uploaded = r.version;
    }
    return r;
  }
}

export interface GridOverlay {
  path: Int32Array | null;
  /** The node being expanded (map cell), or −1. */
  current: number;
  start: GridPoint;
  goal: GridPoint;
  /** Cells outlined as the keyboard cursor / brush footprint. */
  cursor?: { x: number; y: number; radius: number } | null;
  hover?: { x: number; y: number; radius: number } | null;
  /** Smallest start / goal marker radius in css px (they may cover several cells on a small canvas). */
  markerMin?: number;
  /** Cells marked with a small dot under the path (the learned maps' expanded cells). */
  marks?: Int32Array | null;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Draw a map image with its overlays into a canvas of css size (cw, ch) at device pixel ratio dpr. */
export function drawGrid(
  canvas: HTMLCanvasElement,
  dpr: number,
  cw: number,
  ch: number,
  l: Layout,
  image: HTMLCanvasElement,
  map: GridMap,
  o: GridOverlay,
): void {
  const px = Math.max(1, Math.round(cw * dpr));
  const py = Math.max(1, Math.round(ch * dpr));
  if (canvas.width !== px) canvas.width = px;
  if (canvas.height !== py) canvas.height = py;
  // CPU-side as well: scaling a CPU image into a GPU canvas would upload it every frame.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = CSS.background;
  ctx.fillRect(0, 0, cw, ch);
  ctx.imageSmoothingEnabled = false;
  const s = l.scale;
  ctx.drawImage(image, l.ox, l.oy, map.width * s, map.height * s);

  if (s >= 10) drawGridLines(ctx, l, map, cw, ch);
  const centre = (cell: number): [number, number] => {
    const y = Math.floor(cell / map.width);
    return [l.ox + (cell - y * map.width + 0.5) * s, l.oy + (y + 0.5) * s];
  };

  if (o.marks && o.marks.length > 0) drawMarks(ctx, o.marks, centre, s);

  if (o.path && o.path.length > 1) {
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    const width = clamp(s * 0.35, 2, 7);
    ctx.beginPath();
    for (let i = 0; i < o.path.length; i++) {
      const [x, y] = centre(o.path[i]);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.strokeStyle = CSS.pathCasing;
    ctx.lineWidth = width + 3;
    ctx.stroke();
    ctx.strokeStyle = CSS.path;
    ctx.lineWidth = width;
    ctx.stroke();
  }

  if (o.current >= 0) {
    const [x, y] = centre(o.current);
    const r = Math.max(s * 0.75, 5);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.strokeStyle = CSS.current;
    ctx.lineWidth = 2.5;
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(x, y, r - 2.2, 0, 2 * Math.PI);
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.2;
    ctx.stroke();
  }

  const marker = clamp(s * 0.55, o.markerMin ?? 7, 13);
  drawEndpoint(ctx, centre(o.goal.y * map.width + o.goal.x), marker, 'goal');
  drawEndpoint(ctx, centre(o.start.y * map.width + o.start.x), marker, 'start');

  for (const [box, dashed] of [
    [o.hover, false],
    [o.cursor, true],
  ] as const) {
    if (!box) continue;
    const r = box.radius;
    ctx.setLineDash(dashed ? [4, 3] : []);
    ctx.strokeStyle = CSS.cursor;
    ctx.lineWidth = 2;
    ctx.strokeRect(l.ox + (box.x - r) * s, l.oy + (box.y - r) * s, (2 * r + 1) * s, (2 * r + 1) * s);
    ctx.setLineDash([]);
  }
}

/** Dark dots with a light rim: visible on pale and on saturated cell colours alike. */
function drawMarks(
  ctx: CanvasRenderingContext2D,
  cells: Int32Array,
  centre: (cell: number) => [number, number],
  s: number,
): void {
  const r = clamp(s * 0.17, 0.8, 3.5);
  ctx.beginPath();
  for (const cell of cells) {
    const [x, y] = centre(cell);
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  if (r >= 1.5) {
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  ctx.fillStyle = CSS.current;
  ctx.fill();
}

function drawGridLines(ctx: CanvasRenderingContext2D, l: Layout, map: GridMap, cw: number, ch: number): void {
  const s = l.scale;
  const x0 = Math.max(0, Math.floor(-l.ox / s));
  const x1 = Math.min(map.width, Math.ceil((cw - l.ox) / s));
  const y0 = Math.max(0, Math.floor(-l.oy / s));
  const y1 = Math.min(map.height, Math.ceil((ch - l.oy) / s));
  ctx.beginPath();
  for (let x = x0; x <= x1; x++) {
    const px = Math.round(l.ox + x * s) + 0.5;
    ctx.moveTo(px, l.oy + y0 * s);
    ctx.lineTo(px, l.oy + y1 * s);
  }
  for (let y = y0; y <= y1; y++) {
    const py = Math.round(l.oy + y * s) + 0.5;
    ctx.moveTo(l.ox + x0 * s, py);
    ctx.lineTo(l.ox + x1 * s, py);
  }
  ctx.strokeStyle = CSS.gridLine;
  ctx.lineWidth = 1;
  ctx.stroke();
}

/** Start: a green disc with S; goal: a vermilion square with G (shape and letter, not colour alone). */
function drawEndpoint(
  ctx: CanvasRenderingContext2D,
  [x, y]: [number, number],
  r: number,
  which: 'start' | 'goal',
): void {
  ctx.beginPath();
  if (which === 'start') ctx.arc(x, y, r, 0, 2 * Math.PI);
  else ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  ctx.fillStyle = which === 'start' ? CSS.start : CSS.goal;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#000000';
  ctx.stroke();
  if (r >= 7) {
    ctx.fillStyle = '#ffffff';
    ctx.font = `700 ${Math.round(r * 1.15)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(which === 'start' ? 'S' : 'G', x, y + 0.5);
  }
}
