/**
 * The one lesson format: lesson text as data, so the lesson panel, the README and tests share it and no example's
 * lesson needs React. Inline math is written between `$…$` inside text; display math is its own block. Both are
 * rendered with KaTeX.
 */
export type LessonBlock = { kind: 'text'; text: string } | { kind: 'math'; tex: string };

export interface LessonSection {
  /** A stable anchor where the page links into the lesson. */
  id?: string;
  heading: string;
  blocks: LessonBlock[];
}

export interface Lesson {
  title: string;
  /** One or two sentences shown first. */
  summary?: string;
  sections: LessonSection[];
  references?: string[];
}

export const text = (t: string): LessonBlock => ({ kind: 'text', text: t });
export const math = (tex: string): LessonBlock => ({ kind: 'math', tex });

/**
 * Several lessons read one after the other as one: each opens with its summary under its own title, and the
 * references are listed once.
 */
export function combineLessons(lessons: readonly Lesson[], title: string): Lesson {
  return {
    title,
    sections: lessons.flatMap((l) => [
      ...(l.summary ? [{ heading: l.title, blocks: [text(l.summary)] }] : []),
      ...l.sections,
    ]),
    references: [...new Set(lessons.flatMap((l) => l.references ?? []))],
  };
}
