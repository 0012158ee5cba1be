import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { tspLesson } from './lesson-tsp';

describe('TSP lesson', () => {
  it('renders every formula and every inline $…$ with KaTeX without errors', () => {
    let formulas = 0;
    for (const section of tspLesson.sections) {
      expect(section.blocks.length).toBeGreaterThan(0);
      for (const block of section.blocks) {
        const sources =
          block.kind === 'math' ? [block.tex] : [...block.text.matchAll(/\$([^$]+)\$/g)].map((m) => m[1]);
        if (block.kind === 'text') expect(block.text.split('$').length % 2).toBe(1); // balanced delimiters
        for (const tex of sources) {
          expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
          formulas++;
        }
      }
    }
    expect(formulas).toBeGreaterThan(8);
  });
});
