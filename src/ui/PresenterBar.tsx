import { ariaKeys, PAGE_ACTIONS } from './actions';
import { ChevronIcon, PresentIcon } from './Icons';
import { Kbd } from './Kbd';

/** The URL flag that opens a page in presenter mode: `?present=1` (beside `?backend=`, outside the hash state). */
export const PRESENT_PARAM = 'present';

export function presentingFromUrl(search: string = window.location.search): boolean {
  const v = new URLSearchParams(search).get(PRESENT_PARAM);
  return v === '1' || v === 'true';
}

/** Writes the flag into the address bar (keeping the hash), so the link opens the page the way it is shown. */
export function writePresentingToUrl(on: boolean): void {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set(PRESENT_PARAM, '1');
  else url.searchParams.delete(PRESENT_PARAM);
  window.history.replaceState(window.history.state, '', url.toString());
}

interface PresenterBarProps {
  presenting: boolean;
  onToggle: () => void;
  presets: readonly { id: string; label: string }[];
  presetId: string;
  onStep: (delta: 1 | -1) => void;
}

/**
 * The top bar's presenter controls: a toggle (F) and, while presenting, the preset with previous / next (← →).
 * The layout itself changes through the `presenting` class on the page root (styles.css).
 */
export function PresenterBar({ presenting, onToggle, presets, presetId, onStep }: PresenterBarProps) {
  const index = presets.findIndex((p) => p.id === presetId);
  return (
    <div className="presenter-bar">
      {presenting && presets.length > 1 && (
        <div className="presenter-presets" role="group" aria-label="Presets">
          <button
            type="button"
            onClick={() => onStep(-1)}
            aria-label="Previous preset"
            aria-keyshortcuts={ariaKeys(PAGE_ACTIONS.previousPreset)}
            data-testid="preset-previous"
          >
            <ChevronIcon direction="left" />
          </button>
          <span className="presenter-preset" aria-live="polite" data-testid="presenter-preset">
            {index + 1}/{presets.length} · {presets[index]?.label ?? presetId}
          </span>
          <button
            type="button"
            onClick={() => onStep(1)}
            aria-label="Next preset"
            aria-keyshortcuts={ariaKeys(PAGE_ACTIONS.nextPreset)}
            data-testid="preset-next"
          >
            <ChevronIcon direction="right" />
          </button>
        </div>
      )}
      <button
        type="button"
        onClick={onToggle}
        aria-pressed={presenting}
        aria-keyshortcuts={ariaKeys(PAGE_ACTIONS.present)}
        data-testid="present-toggle"
      >
        <PresentIcon /> {presenting ? 'Exit presenter' : 'Present'} <Kbd action={PAGE_ACTIONS.present} />
      </button>
    </div>
  );
}
