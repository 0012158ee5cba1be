import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import katex from 'katex';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../il/node-backend';
import { fingerprint } from '../il/backend-check/fingerprint';
import { examples } from './registry';

/**
 * Every manifest, every preset: what the app and the CLI assume of a registered example. A new example is tested
 * here by itself.
 */
const ROOT = join(__dirname, '..', '..');

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

describe('the example registry', () => {
  it('has unique ids, each its own folder', () => {
    const ids = examples.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(existsSync(join(ROOT, 'src', 'examples', id, 'manifest.ts')), id).toBe(true);
  });

  for (const manifest of examples) {
    const { id, meta } = manifest;
    describe(id, () => {
      it('has a view module, a preview image, at least three presets and parsable preset params', () => {
        expect(existsSync(join(ROOT, 'src', 'examples', id, 'view', 'index.tsx'))).toBe(true);
        expect(existsSync(join(ROOT, 'public', meta.preview)), meta.preview).toBe(true);
        expect(meta.presets.length).toBeGreaterThanOrEqual(3);
        expect(new Set(meta.presets.map((p) => p.id)).size).toBe(meta.presets.length);
        for (const preset of meta.presets) expect(manifest.parseParams(preset.params).messages).toEqual([]);
        // The schema's defaults parse to themselves.
        expect(manifest.parseParams(manifest.defaultParams).values).toEqual(manifest.defaultParams);
      });

      it('ships the pretrained weights its presets point to', () => {
        for (const preset of meta.presets) {
          const folder = meta.pretrainedWeights?.(preset.id, preset.params);
          if (folder) expect(existsSync(join(ROOT, 'public', folder, 'model.json')), folder).toBe(true);
        }
      });

      it('has a lesson whose every formula renders with KaTeX', async () => {
        const lesson = await manifest.loadLesson();
        expect(lesson.sections.length).toBeGreaterThan(0);
        const texts = [
          lesson.summary ?? '',
          ...lesson.sections.flatMap((s) => s.blocks.map((b) => (b.kind === 'text' ? b.text : ''))),
        ];
        const inline = texts.flatMap((t) => t.match(/\$[^$]+\$/g) ?? []).map((m) => m.slice(1, -1));
        const display = lesson.sections.flatMap((s) =>
          s.blocks.flatMap((b) => (b.kind === 'math' ? [b.tex] : [])),
        );
        for (const tex of inline)
          expect(() => katex.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
        for (const tex of display)
          expect(
            () => katex.renderToString(tex, { throwOnError: true, displayMode: true }),
            tex,
          ).not.toThrow();
      });

      for (const preset of meta.presets) {
        it(`preset ${preset.id}: the same seed gives the same first steps, and a run leaves no tensor behind`, async () => {
          const settings = { ...meta.defaults, ...preset.settings, batchSize: Math.min(...meta.batchSizes) };
          const factory = await manifest.loadProblem();
          const run = { steps: 2, gradientSteps: 0 };
          const before = tf.memory().numTensors;
          const a = await fingerprint(factory, settings, preset.params, run);
          expect(a.divergence).toBeUndefined();
          expect(a.steps).toHaveLength(2);
          expect(tf.memory().numTensors).toBe(before);
          const b = await fingerprint(factory, settings, preset.params, run);
          expect(b.steps).toEqual(a.steps);
          expect(a.steps.flatMap((st) => [st.upper, st.lower, st.gradNorm]).every(Number.isFinite)).toBe(
            true,
          );
        });
      }
    });
  }
});
