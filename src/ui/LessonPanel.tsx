import type { ReactNode } from 'react';
import type { Lesson } from '../il/lesson';
import { MathTex, RichText } from './Math';

/** The lesson: U, L, ψ, φ and the gradient path in the notation of the papers, with rendered formulas. */
export function LessonPanel({ lesson, children }: { lesson: Lesson; children?: ReactNode }) {
  return (
    <section className="panel lesson" aria-labelledby="lesson-title">
      <h2 id="lesson-title">{lesson.title}</h2>
      {lesson.summary && (
        <p className="lesson-summary">
          <RichText text={lesson.summary} />
        </p>
      )}
      {lesson.sections.map((section) => (
        <details key={section.heading} id={section.id && `lesson-${section.id}`} open>
          <summary>{section.heading}</summary>
          {section.blocks.map((block, i) =>
            block.kind === 'math' ? (
              <MathTex key={i} tex={block.tex} display />
            ) : (
              <p key={i}>
                <RichText text={block.text} />
              </p>
            ),
          )}
        </details>
      ))}
      {lesson.references && lesson.references.length > 0 && (
        <details open>
          <summary>References</summary>
          <ul className="lesson-references">
            {lesson.references.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      )}
      {children}
    </section>
  );
}
