import { math, text, type Lesson, type LessonSection } from '../../../il/lesson';
import type { Lesson as GridLesson } from '../lesson-astar.ts';

function sectionsOf(source: GridLesson, summaryHeading: string): LessonSection[] {
  return [
    { heading: summaryHeading, blocks: [text(source.summary)] },
    ...source.sections.map((s) => ({
      heading: s.heading,
      blocks: [...s.paragraphs.map(text), ...s.formulas.map(math)],
    })),
  ];
}

/**
 * The engine's lesson data (paragraphs and formulas per section) in the page's lesson format. Several lessons are
 * read one after the other (each opens with its summary under its own title) and share one list of references.
 */
export function pageLesson(sources: readonly GridLesson[], title = sources[0].title): Lesson {
  const single = sources.length === 1;
  const references = [...new Set(sources.flatMap((s) => s.references))];
  return {
    title,
    sections: [
      ...sources.flatMap((s) => sectionsOf(s, single ? 'In one sentence' : s.title)),
      { heading: 'References', blocks: references.map(text) },
    ],
  };
}
