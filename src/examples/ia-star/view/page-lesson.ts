import { math, text, type Lesson } from '../../../il/lesson';
import type { Lesson as GridLesson } from '../lesson-astar.ts';

/** The engine's lesson data (paragraphs and formulas per section) in the page's lesson format. */
export function pageLesson(source: GridLesson): Lesson {
  return {
    title: source.title,
    sections: [
      { heading: 'In one sentence', blocks: [text(source.summary)] },
      ...source.sections.map((s) => ({
        heading: s.heading,
        blocks: [...s.paragraphs.map(text), ...s.formulas.map(math)],
      })),
      { heading: 'References', blocks: source.references.map(text) },
    ],
  };
}
