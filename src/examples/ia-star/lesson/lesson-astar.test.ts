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
      expect(section.blocks.some((b) => b.kind === 'text')).toBe(true);
      for (const block of section.blocks)
        if (block.kind === 'math')
          expect(() => katex.renderToString(block.tex, { throwOnError: true })).not.toThrow();
    }
  });
});
