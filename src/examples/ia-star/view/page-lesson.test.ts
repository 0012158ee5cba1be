import { describe, expect, it } from 'vitest';
import { lessonAstar } from '../lesson-astar.ts';
import { pageLesson } from './page-lesson.ts';

describe('the page lesson', () => {
  it('carries every paragraph, formula and reference of the A* lesson', () => {
    const lesson = pageLesson(lessonAstar);
    expect(lesson.title).toBe(lessonAstar.title);
    const blocks = lesson.sections.flatMap((s) => s.blocks);
    const texts = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    const formulas = blocks.flatMap((b) => (b.kind === 'math' ? [b.tex] : []));
    expect(texts).toContain(lessonAstar.summary);
    for (const s of lessonAstar.sections) {
      for (const p of s.paragraphs) expect(texts).toContain(p);
      for (const f of s.formulas) expect(formulas).toContain(f);
    }
    for (const r of lessonAstar.references) expect(texts).toContain(r);
    expect(new Set(lesson.sections.map((s) => s.heading)).size).toBe(lesson.sections.length);
  });
});
