import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { splineLesson } from './lesson-spline.ts';

describe('spline lesson', () => {
  it('has math that KaTeX renders without errors, inline and display', () => {
    let formulas = 0;
    for (const section of splineLesson.sections)
      for (const block of section.blocks) {
        const sources =
          block.kind === 'math' ? [block.tex] : [...block.text.matchAll(/\$([^$]+)\$/g)].map((m) => m[1]);
        for (const tex of sources) {
          expect(() =>
            katex.renderToString(tex, { throwOnError: true, displayMode: block.kind === 'math' }),
          ).not.toThrow();
          formulas++;
        }
        if (block.kind === 'text') expect((block.text.match(/\$/g) ?? []).length % 2).toBe(0);
      }
    expect(formulas).toBeGreaterThan(15);
  });

  it('states the weights the code uses by default', async () => {
    const { IPLANNER_WEIGHTS } = await import('../learning/ul-cost.ts');
    const all = JSON.stringify(splineLesson);
    expect(all).toContain(`\\\\alpha = ${IPLANNER_WEIGHTS.obstacle}`);
    expect(all).toContain(`\\\\gamma = ${IPLANNER_WEIGHTS.motion}`);
    expect(all).toContain(`\\\\delta = ${IPLANNER_WEIGHTS.goal}`);
    expect(all).toContain(`\\\\epsilon = ${IPLANNER_WEIGHTS.fear}`);
  });
});
