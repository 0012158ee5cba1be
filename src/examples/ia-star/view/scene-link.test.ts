import { describe, expect, it } from 'vitest';
import type { ExampleParams } from '../../../il/problem';
import { generateMap } from '../maps/generate-map.ts';
import { createGridMap, gridPoint, mapsEqual } from '../maps/grid-map.ts';
import { paintBrush } from '../maps/map-edit.ts';
import { generatedScene, withStart } from './editor-scene.ts';
import { LINK_WALLS_MAX, linkFromScene, paramsOrigin, sceneFromLink, sceneLinkKey } from './scene-link.ts';

const params: ExampleParams = { mapKind: 'bugtrap', width: 48, height: 40, mapSeed: 7 };

/** What the URL round trip does to a patch: values written as text and read back (numbers become numbers). */
function throughUrl(patch: ExampleParams): ExampleParams {
  const out: ExampleParams = {};
  for (const [k, v] of Object.entries(patch)) {
    const s = String(v);
    const n = Number(s);
    out[k] = s.trim() !== '' && Number.isFinite(n) ? n : s;
  }
  return out;
}

describe('the editor map in the link', () => {
  it('defaults to the map the example params describe', () => {
    const { scene, problem } = sceneFromLink({}, params);
    expect(problem).toBeNull();
    const expected = generateMap('bugtrap', { width: 48, height: 40, seed: 7 });
    expect(mapsEqual(scene.map, expected.map)).toBe(true);
    expect([scene.start, scene.goal]).toEqual([expected.start, expected.goal]);
    expect(scene.origin).toEqual(paramsOrigin(params));
  });

  it('links a generated map by its generator, and moved endpoints with it', () => {
    const scene = withStart(
      generatedScene({ kind: 'rooms', width: 200, height: 120, seed: 3 }),
      gridPoint(5, 6),
    );
    const patch = linkFromScene(scene)!;
    expect(patch).toMatchObject({ kind: 'rooms', mw: 200, mh: 120, mseed: 3, walls: '', sx: 5, sy: 6 });
    const back = sceneFromLink(throughUrl(patch), params).scene;
    expect(mapsEqual(back.map, scene.map)).toBe(true);
    expect(back.start).toEqual(gridPoint(5, 6));
    expect(back.goal).toEqual(scene.goal);
  });

  it('links an edited map by its walls and reproduces it exactly', () => {
    const base = generatedScene({ kind: 'maze-wilson', width: 64, height: 64, seed: 2 });
    const edited = { ...base, map: paintBrush(base.map, gridPoint(10, 10), 3, 'wall'), origin: null };
    const patch = linkFromScene(edited)!;
    expect(typeof patch.walls).toBe('string');
    expect((patch.walls as string).length).toBeLessThanOrEqual(LINK_WALLS_MAX);
    const back = sceneFromLink(throughUrl(patch), params);
    expect(back.problem).toBeNull();
    expect(back.scene.origin).toBeNull();
    expect(mapsEqual(back.scene.map, edited.map)).toBe(true);
    expect([back.scene.start, back.scene.goal]).toEqual([edited.start, edited.goal]);
  });

  it('declines an edited map whose walls do not fit in a link', () => {
    const noisy = createGridMap(300, 300);
    for (let i = 0; i < noisy.blocked.length; i += 3) noisy.blocked[i] = 1;
    const scene = { map: noisy, start: gridPoint(1, 0), goal: gridPoint(2, 0), origin: null, name: 'x' };
    expect(linkFromScene(scene)).toBeNull();
  });

  it('falls back to the generator, with a message, on malformed walls; drops bad endpoints', () => {
    const { scene, problem } = sceneFromLink({ walls: 'rzzzz', mw: 20, mh: 20, sx: 99, sy: 1 }, params);
    expect(problem).toMatch(/could not be read for a 20×20 map/);
    expect(scene.map.width).toBe(20);
    expect(scene.origin).not.toBeNull();
    const generated = generateMap('bugtrap', { width: 20, height: 20, seed: 7 });
    expect(scene.start).toEqual(generated.start);
  });

  it('clamps absurd sizes and ignores unknown kinds instead of throwing', () => {
    const { scene, problem } = sceneFromLink({ kind: 'volcano', mw: 1e9, mh: -3 }, { mapKind: 'nope' });
    expect(problem).toBeNull();
    expect(scene.origin?.kind).toBe('random-rectangles');
    expect(scene.map.width).toBe(512);
    expect(scene.map.height).toBe(8);
  });

  it('keys change with the linked map and the params, not with unrelated view state', () => {
    const a = sceneLinkKey({ w: 2, focus: 'astar' }, params);
    expect(sceneLinkKey({ w: 3, focus: 'greedy' }, params)).toBe(a);
    expect(sceneLinkKey({ sx: 1 }, params)).not.toBe(a);
    expect(sceneLinkKey({}, { ...params, mapSeed: 8 })).not.toBe(a);
  });
});
