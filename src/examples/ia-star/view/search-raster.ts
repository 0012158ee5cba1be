import type { GridMap } from '../maps/grid-map.ts';
import type { PlanResult } from '../search/search.ts';
import { FREE, heatTable, OPEN, type Rgb, WALL } from './palette.ts';

const HEAT = heatTable();

/**
 * One RGBA pixel per cell: walls, free cells, and a search replayed up to step t (closed cells coloured by
 * when they were expanded, open cells yellow). Moving forward paints only the cells that changed since the last
 * step shown, so a 100k-expansion search animates at any speed; moving back repaints from the start (O(t)).
 * Steps follow PlanResult: after t expansions the closed cells are expansionOrder[0..t) and the open list is
 * every cell with openedStep ≤ t that is not closed.
 */
export class SearchRaster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
  private readonly map: GridMap;
  private readonly plan: PlanResult | null;
  private step = 0;
  /** How many entries of plan.openedOrder are painted. */
  private opened = 0;
  /** False until the first seek: step 0 still has the start to paint as open. */
  private primed = false;
  /** Bumped on every repaint, so a canvas knows when to upload the pixels again. */
  version = 0;

  constructor(map: GridMap, plan: PlanResult | null) {
    this.map = map;
    this.plan = plan;
    this.width = map.width;
    this.height = map.height;
    this.pixels = new Uint8ClampedArray(map.width * map.height * 4);
    this.paintBase();
  }

  /** Expansions in the whole recorded search (0 without a plan). */
  get total(): number {
    return this.plan ? this.plan.expansionOrder.length : 0;
  }

  /** The step shown. */
  get shown(): number {
    return this.step;
  }

  /** Cells on the open list at the step shown. */
  get openCount(): number {
    return this.opened - this.step;
  }

  /** The node expanded last (the "current" node), or −1 before the first expansion. */
  get current(): number {
    return this.step > 0 && this.plan ? this.plan.expansionOrder[this.step - 1] : -1;
  }

  /** Show the search after t expansions (clamped to the recorded search; Infinity shows all of it). */
  seek(t: number): void {
    const plan = this.plan;
    if (!plan) return;
    const target = Math.max(0, Math.min(this.total, Math.floor(t)));
    if (this.primed && target === this.step) return;
    if (target < this.step) {
      this.paintBase();
      this.step = 0;
      this.opened = 0;
    }
    this.primed = true;
    const { openedOrder, openedStep, expansionOrder } = plan;
    // Cells opened by step `target` first, then those closed by it: a closed cell was opened before it closed.
    let o = this.opened;
    while (o < openedOrder.length && openedStep[o] <= target) this.paint(openedOrder[o++], OPEN);
    this.opened = o;
    const scale = this.total > 1 ? 255 / (this.total - 1) : 0;
    for (let i = this.step; i < target; i++) {
      const k = Math.round(i * scale) * 3;
      const p = expansionOrder[i] * 4;
      this.pixels[p] = HEAT[k];
      this.pixels[p + 1] = HEAT[k + 1];
      this.pixels[p + 2] = HEAT[k + 2];
    }
    this.step = target;
    this.version++;
  }

  private paint(cell: number, c: Rgb): void {
    const p = cell * 4;
    this.pixels[p] = c[0];
    this.pixels[p + 1] = c[1];
    this.pixels[p + 2] = c[2];
  }

  private paintBase(): void {
    const px = this.pixels;
    const blocked = this.map.blocked;
    for (let i = 0; i < blocked.length; i++) {
      const c = blocked[i] ? WALL : FREE;
      const p = i * 4;
      px[p] = c[0];
      px[p + 1] = c[1];
      px[p + 2] = c[2];
      px[p + 3] = 255;
    }
    this.version++;
  }
}

/** Cells on the open list after t expansions (openedStep is non-decreasing, so a binary search finds them). */
export function openCountAt(plan: PlanResult, t: number): number {
  const shown = Math.max(0, Math.min(plan.expansionOrder.length, Math.floor(t)));
  const steps = plan.openedStep;
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid] <= shown) lo = mid + 1;
    else hi = mid;
  }
  return lo - shown;
}
