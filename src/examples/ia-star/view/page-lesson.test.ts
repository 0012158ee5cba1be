import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { lessonAstar } from '../lesson-astar.ts';
import { lessonIaStar } from '../lesson-ia-star.ts';
import { pageLesson } from './page-lesson.ts';

describe('the page lesson', () => {
  it('carries every paragraph, formula and reference of the A* and the iA* lessons, in order', () => {
    const lesson = pageLesson([lessonAstar, lessonIaStar], 'A* and iA*');
    const blocks = lesson.sections.flatMap((s) => s.blocks);
    const texts = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    const formulas = blocks.flatMap((b) => (b.kind === 'math' ? [b.tex] : []));
    for (const source of [lessonAstar, lessonIaStar]) {
      expect(texts).toContain(source.summary);
      for (const s of source.sections) {
        for (const p of s.paragraphs) expect(texts).toContain(p);
        for (const f of s.formulas) expect(formulas).toContain(f);
      }
      for (const r of source.references) expect(texts).toContain(r);
    }
    // The A* lesson comes first, the iA* lesson after it; shared references appear once.
    expect(texts.indexOf(lessonAstar.summary)).toBeLessThan(texts.indexOf(lessonIaStar.summary));
    const refs = lesson.sections.find((s) => s.heading === 'References')!.blocks;
    expect(new Set(refs.map((b) => JSON.stringify(b))).size).toBe(refs.length);
    expect(new Set(lesson.sections.map((s) => s.heading)).size).toBe(lesson.sections.length);
    expect(lesson.title).toBe('A* and iA*');
  });

  it('keeps a single lesson under its own title', () => {
    const lesson = pageLesson([lessonAstar]);
    expect(lesson.title).toBe(lessonAstar.title);
    expect(lesson.sections[0].heading).toBe('In one sentence');
  });

  it('states what the iA* lesson must teach: U, L, ψ, φ, the guided f and the straight-through gradient', () => {
    const all = JSON.stringify(lessonIaStar);
    for (const must of [
      'ψ = θ',
      'one-hot argmin',
      'softmax',
      'detached',
      'G(m) - \\\\sum_{n \\\\in O_t} y_t(n)',
      'q(c)',
      'checkerboard',
      'larger g',
    ])
      expect(all).toContain(must);
  });

  it('renders every formula and every inline $…$ of the iA* lesson with KaTeX', () => {
    const render = (tex: string, displayMode: boolean) =>
      katex.renderToString(tex, { throwOnError: true, displayMode });
    for (const s of lessonIaStar.sections) {
      for (const f of s.formulas) expect(() => render(f, true)).not.toThrow();
      for (const p of s.paragraphs)
        for (const m of p.matchAll(/\$([^$]+)\$/g)) expect(() => render(m[1], false)).not.toThrow();
    }
  });
});
