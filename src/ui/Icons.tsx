import type { SVGProps } from 'react';

/**
 * Icons as inline SVG: they render the same with or without an emoji or symbol font installed (an emoji with no
 * font is a box). Decorative: the button's text says what it does, so each icon is hidden from assistive tech.
 */
function Icon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      className="icon"
      width="1em"
      height="1em"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export function PlayIcon() {
  return (
    <Icon>
      <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
    </Icon>
  );
}

export function PauseIcon() {
  return (
    <Icon>
      <rect x="3.5" y="2.5" width="3" height="11" rx="0.6" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="0.6" fill="currentColor" />
    </Icon>
  );
}

export function DiceIcon() {
  return (
    <Icon>
      <rect
        x="1.5"
        y="1.5"
        width="13"
        height="13"
        rx="2.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      <circle cx="5" cy="5" r="1.25" fill="currentColor" />
      <circle cx="8" cy="8" r="1.25" fill="currentColor" />
      <circle cx="11" cy="11" r="1.25" fill="currentColor" />
    </Icon>
  );
}

export function SpinnerIcon() {
  return (
    <Icon className="icon icon-spin">
      <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeOpacity="0.3" strokeWidth="2" />
      <path d="M8 2.5a5.5 5.5 0 0 1 5.5 5.5" fill="none" stroke="currentColor" strokeWidth="2" />
    </Icon>
  );
}

export function ChevronIcon({ direction }: { direction: 'left' | 'right' }) {
  return (
    <Icon>
      <path
        d={direction === 'left' ? 'M10 3 5 8l5 5' : 'M6 3l5 5-5 5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </Icon>
  );
}

export function PresentIcon() {
  return (
    <Icon>
      <rect x="1.5" y="2" width="13" height="9" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M8 11v3M5 14.5h6" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </Icon>
  );
}
