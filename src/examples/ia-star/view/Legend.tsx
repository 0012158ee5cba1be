import { CSS, HEAT_GRADIENT } from './palette.ts';

function Swatch({ color, border }: { color: string; border?: boolean }) {
  return (
    <span
      className="ia-swatch"
      style={{ background: color, borderColor: border ? '#9ca3af' : color }}
      aria-hidden="true"
    />
  );
}

/** What the colours and marks on the maps mean (shapes and letters too, so colour is never the only cue). */
export function Legend() {
  return (
    <ul className="ia-legend" aria-label="Legend">
      <li>
        <Swatch color={CSS.free} border /> free
      </li>
      <li>
        <Swatch color={CSS.wall} /> wall
      </li>
      <li>
        <span className="ia-swatch ia-swatch-wide" style={{ background: HEAT_GRADIENT }} aria-hidden="true" />{' '}
        expanded: early → late
      </li>
      <li>
        <Swatch color={CSS.open} border /> open list
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="6" fill="none" stroke={CSS.current} strokeWidth="2.5" />
        </svg>{' '}
        current node
      </li>
      <li>
        <svg width="22" height="12" aria-hidden="true">
          <line x1="2" y1="6" x2="20" y2="6" stroke={CSS.path} strokeWidth="4" strokeLinecap="round" />
        </svg>{' '}
        path
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="7" fill={CSS.start} />
          <text x="8" y="12" fontSize="10" fontWeight="700" fill="#fff" textAnchor="middle">
            S
          </text>
        </svg>{' '}
        start
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <rect x="1.5" y="1.5" width="13" height="13" fill={CSS.goal} />
          <text x="8" y="12" fontSize="10" fontWeight="700" fill="#fff" textAnchor="middle">
            G
          </text>
        </svg>{' '}
        goal
      </li>
    </ul>
  );
}
