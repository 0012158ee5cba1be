import { describe, expect, it } from 'vitest';
import { iaStarMeta, PRESET_LEARNING, shippedWeightsFolder } from '../meta.ts';
import { DEFAULT_IA_STAR_PARAMS, parseIaStarParams } from '../params.ts';

describe("the iA* page's presets and shipped weights", () => {
  it("start from params.ts's learning defaults (meta.ts repeats them to stay light)", () => {
    // The schema's defaults also hold the editor's generated map (mapKind, width, height, mapSeed).
    const learningDefaults = Object.fromEntries(
      Object.keys(PRESET_LEARNING).map((k) => [
        k,
        DEFAULT_IA_STAR_PARAMS[k as keyof typeof DEFAULT_IA_STAR_PARAMS],
      ]),
    );
    expect({ ...PRESET_LEARNING }).toEqual(learningDefaults);
  });

  it('keep the editor presets, add a Neural A* preset, and keep the first one cheap', () => {
    const ids = iaStarMeta.presets.map((p) => p.id);
    for (const id of ['rectangles-32', 'maze-64', 'bugtrap-64', 'rooms-128', 'neural-astar-32'])
      expect(ids).toContain(id);
    expect(ids[0]).toBe('rectangles-32');
    const modes = iaStarMeta.presets.map((p) => parseIaStarParams(p.params).mode);
    expect(modes).toContain('neural-astar');
    expect(modes[0]).toBe('ia-star');
    expect(parseIaStarParams(iaStarMeta.presets[0].params).trainSize).toBe(32);
    expect(Math.min(...iaStarMeta.batchSizes)).toBe(1);
    // The editor's map params travel alongside the learning params.
    for (const p of iaStarMeta.presets) expect(p.params.mapKind).toBeDefined();
  });

  it('point at the shipped weights of the mode only where the training settings are the defaults', () => {
    const pretrained = iaStarMeta.pretrainedWeights!;
    const preset = (id: string) => iaStarMeta.presets.find((p) => p.id === id)!.params;
    expect(pretrained('rectangles-32', preset('rectangles-32'))).toBe('weights/ia-star/ia-star');
    expect(pretrained('neural-astar-32', preset('neural-astar-32'))).toBe('weights/ia-star/neural-astar');
    expect(pretrained('maze-64', preset('maze-64'))).toBe('weights/ia-star/ia-star');
    expect(pretrained('rectangles-32', { ...preset('rectangles-32'), guidanceScale: 8 })).toBeNull();
    expect(pretrained('rectangles-32', { ...preset('rectangles-32'), trainSize: 64 })).toBeNull();
    expect(pretrained('rectangles-32', { ...preset('rectangles-32'), trainKind: 'rooms' })).toBeNull();
    // The shipped weights steer f as an offset: under the h-scale form they would mean something else.
    expect(pretrained('rectangles-32', { ...preset('rectangles-32'), guidanceForm: 'h-scale' })).toBeNull();
    // Other learning params (the pool size, λ, τ) only tune training: the weights still fit.
    expect(shippedWeightsFolder({ ...preset('rectangles-32'), pathWeight: 3 })).toBe(
      'weights/ia-star/ia-star',
    );
    expect(shippedWeightsFolder({})).toBe('weights/ia-star/ia-star');
  });
});
