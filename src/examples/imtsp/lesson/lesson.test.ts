import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { imtspLesson } from './lesson';

describe('iMTSP lesson', () => {
  it('renders every formula with KaTeX and names U, L, ψ, φ and both estimators', () => {
    let formulas = 0;
    for (const section of imtspLesson.sections) {
      for (const block of section.blocks) {
        const sources =
          block.kind === 'math' ? [block.tex] : [...block.text.matchAll(/\$([^$]+)\$/g)].map((m) => m[1]);
        if (block.kind === 'text') expect(block.text.split('$').length % 2).toBe(1);
        for (const tex of sources) {
          expect(() => katex.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
          formulas++;
        }
      }
    }
    expect(formulas).toBeGreaterThan(20);
    const all = JSON.stringify(imtspLesson);
    for (const word of ['REINFORCE', 'surrogate', 'unbiased', 'variance', 'longest tour'])
      expect(all).toContain(word);
  });
});
