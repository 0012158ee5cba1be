/**
 * Lesson text as data, so the lesson panel, the README and tests can share it and no example's lesson needs React.
 * Inline math is written between `$…$` inside text; display math is its own block. Both are rendered with KaTeX.
 */
export type LessonBlock = { kind: 'text'; text: string } | { kind: 'math'; tex: string };

export interface LessonSection {
  heading: string;
  blocks: LessonBlock[];
}

export interface Lesson {
  title: string;
  sections: LessonSection[];
}

export const text = (t: string): LessonBlock => ({ kind: 'text', text: t });
export const math = (tex: string): LessonBlock => ({ kind: 'math', tex });
