import { describe, expect, it } from 'vitest';
import { generateMap } from '../maps/generate-map.ts';
import { planOnce } from '../search/search.ts';
import { FREE, OPEN, WALL } from './palette.ts';
import { SearchRaster } from './search-raster.ts';

const scene = generateMap('rooms', { width: 40, height: 30, seed: 5 });
const plan = planOnce(scene.map, scene.start, scene.goal, { planner: 'dijkstra', recordCellSteps: true });
const cells = scene.map.width * scene.map.height;

function colourAt(r: SearchRaster, cell: number): number[] {
  return Array.from(r.pixels.subarray(cell * 4, cell * 4 + 3));
}

/** What step t must show, from the per-cell steps (the definition in PlanResult). */
function expectedKind(cell: number, t: number): 'wall' | 'free' | 'open' | 'closed' {
  if (scene.map.blocked[cell]) return 'wall';
  const closed = plan.closedAt![cell];
  if (closed !== -1 && closed <= t) return 'closed';
  const opened = plan.openedAt![cell];
  return opened !== -1 && opened <= t ? 'open' : 'free';
}

function check(r: SearchRaster, t: number): void {
  let open = 0;
  for (let c = 0; c < cells; c++) {
    const kind = expectedKind(c, t);
    const rgb = colourAt(r, c);
    if (kind === 'wall') expect(rgb).toEqual([...WALL]);
    else if (kind === 'free') expect(rgb).toEqual([...FREE]);
    else if (kind === 'open') {
      expect(rgb).toEqual([...OPEN]);
      open++;
    } else {
      expect(rgb).not.toEqual([...OPEN]);
      expect(rgb).not.toEqual([...FREE]);
    }
  }
  expect(r.openCount).toBe(open);
  expect(r.current).toBe(t > 0 ? plan.expansionOrder[t - 1] : -1);
}

describe('search raster', () => {
  it('shows exactly the open and closed cells of every step, forwards in jumps and backwards', () => {
    expect(plan.success).toBe(true);
    const r = new SearchRaster(scene.map, plan);
    const total = plan.expansionOrder.length;
    expect(r.total).toBe(total);
    for (const t of [0, 1, 2, 17, 18, 300, total - 1, total, 5, 0, 250]) {
      r.seek(t);
      expect(r.shown).toBe(t);
      check(r, t);
    }
    r.seek(Number.POSITIVE_INFINITY);
    expect(r.shown).toBe(total);
    check(r, total);
  });

  it('colours expansions from pale (early) to deep (late)', () => {
    const r = new SearchRaster(scene.map, plan);
    r.seek(Number.POSITIVE_INFINITY);
    const lightness = (c: number) => colourAt(r, c).reduce((a, b) => a + b, 0);
    const first = plan.expansionOrder[0];
    const last = plan.expansionOrder[plan.expansionOrder.length - 1];
    expect(lightness(first)).toBeGreaterThan(lightness(last) + 200);
  });

  it('draws just the map without a plan', () => {
    const r = new SearchRaster(scene.map, null);
    r.seek(10);
    expect(r.openCount).toBe(0);
    expect(r.current).toBe(-1);
    for (let c = 0; c < cells; c++)
      expect(colourAt(r, c)).toEqual(scene.map.blocked[c] ? [...WALL] : [...FREE]);
  });
});
