import type { SessionState, Speed } from '../il/session';
import { ariaKeys, PAGE_ACTIONS } from './actions';
import { Kbd } from './Kbd';
import { PauseIcon, PlayIcon, SpinnerIcon } from './Icons';

export const SPEEDS: { label: string; value: Speed }[] = [
  { label: '1 step/s', value: 1 },
  { label: '5 steps/s', value: 5 },
  { label: '20 steps/s', value: 20 },
  { label: 'max', value: null },
];

interface TransportProps {
  state: SessionState;
  step: number;
  /** Pause was pressed; the worker finishes its current step before it says it stopped. */
  pausing?: boolean;
  speed: Speed;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  onSpeed: (speed: Speed) => void;
}

/** Play / pause / step / reset / speed, each with its keyboard shortcut beside it. */
export function Transport({
  state,
  step,
  pausing = false,
  speed,
  onPlay,
  onPause,
  onStep,
  onReset,
  onSpeed,
}: TransportProps) {
  const running = state === 'running';
  const blocked = state === 'loading' || state === 'error';
  return (
    <div className="transport" role="toolbar" aria-label="Training controls">
      {running && pausing ? (
        // Answers at once; the button turns back into Train when the worker's idle status arrives.
        <button type="button" className="primary" disabled aria-busy="true" data-testid="pausing">
          <SpinnerIcon /> Pausing…
        </button>
      ) : running ? (
        <button
          type="button"
          className="primary"
          onClick={onPause}
          aria-keyshortcuts={ariaKeys(PAGE_ACTIONS.trainPause)}
          data-testid="pause"
        >
          <PauseIcon /> Pause <Kbd action={PAGE_ACTIONS.trainPause} />
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          onClick={onPlay}
          disabled={blocked || state === 'diverged'}
          aria-keyshortcuts={ariaKeys(PAGE_ACTIONS.trainPause)}
          data-testid="play"
        >
          <PlayIcon /> Train <Kbd action={PAGE_ACTIONS.trainPause} />
        </button>
      )}
      <button
        type="button"
        onClick={onStep}
        disabled={running || blocked || state === 'diverged'}
        aria-keyshortcuts={ariaKeys(PAGE_ACTIONS.step)}
        data-testid="step"
      >
        Step <Kbd action={PAGE_ACTIONS.step} />
      </button>
      <button
        type="button"
        onClick={onReset}
        disabled={state === 'loading'}
        aria-keyshortcuts={ariaKeys(PAGE_ACTIONS.reset)}
        data-testid="reset"
      >
        Reset <Kbd action={PAGE_ACTIONS.reset} />
      </button>
      <label className="speed">
        Speed
        <select
          value={speed === null ? 'max' : String(speed)}
          onChange={(e) => onSpeed(e.target.value === 'max' ? null : Number(e.target.value))}
          aria-keyshortcuts={`${ariaKeys(PAGE_ACTIONS.faster)} ${ariaKeys(PAGE_ACTIONS.slower)}`}
        >
          {SPEEDS.map((s) => (
            <option key={s.label} value={s.value === null ? 'max' : String(s.value)}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <span className="step-count" aria-live="polite" data-testid="step-count">
        step {step}
        {state === 'loading' && ' · loading…'}
        {running && pausing && ' · pausing…'}
      </span>
    </div>
  );
}
