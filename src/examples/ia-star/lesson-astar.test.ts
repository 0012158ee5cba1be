import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { lessonAstar } from './lesson-astar.ts';

describe('A* lesson', () => {
  it('covers the topics the view links to, and every formula renders with KaTeX', () => {
    expect(lessonAstar.sections.map((s) => s.id)).toEqual([
      'movement',
      'f-g-h',
      'octile',
      'admissible',
      'weighted',
      'ties',
      'learning',
    ]);
    for (const section of lessonAstar.sections) {
      expect(section.paragraphs.length).toBeGreaterThan(0);
      for (const formula of section.formulas)
        expect(() => katex.renderToString(formula, { throwOnError: true })).not.toThrow();
    }
  });
});
