import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/** KaTeX, rendered to a string once per formula; a bad formula shows its source instead of breaking the page. */
export function MathTex({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' }),
    [tex, display],
  );
  return display ? (
    <div className="math-display" tabIndex={0} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** Text with `$…$` inline math. */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/(\$[^$]+\$)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('$') && part.endsWith('$') && part.length > 1 ? (
          <MathTex key={i} tex={part.slice(1, -1)} />
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
