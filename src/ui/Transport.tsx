import type { SessionState, Speed } from '../il/session';

export const SPEEDS: { label: string; value: Speed }[] = [
  { label: '1 step/s', value: 1 },
  { label: '5 steps/s', value: 5 },
  { label: '20 steps/s', value: 20 },
  { label: 'max', value: null },
];

interface TransportProps {
  state: SessionState;
  step: number;
  speed: Speed;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  onSpeed: (speed: Speed) => void;
}

/** Play / pause / step / reset / speed, each with its keyboard shortcut beside it. */
export function Transport({ state, step, speed, onPlay, onPause, onStep, onReset, onSpeed }: TransportProps) {
  const running = state === 'running';
  const blocked = state === 'loading' || state === 'error';
  return (
    <div className="transport" role="toolbar" aria-label="Training controls">
      {running ? (
        <button
          type="button"
          className="primary"
          onClick={onPause}
          aria-keyshortcuts="Space"
          data-testid="pause"
        >
          ❚❚ Pause <kbd>Space</kbd>
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          onClick={onPlay}
          disabled={blocked || state === 'diverged'}
          aria-keyshortcuts="Space"
          data-testid="play"
        >
          ▶ Train <kbd>Space</kbd>
        </button>
      )}
      <button
        type="button"
        onClick={onStep}
        disabled={running || blocked || state === 'diverged'}
        aria-keyshortcuts="S"
        data-testid="step"
      >
        Step <kbd>S</kbd>
      </button>
      <button
        type="button"
        onClick={onReset}
        disabled={state === 'loading'}
        aria-keyshortcuts="R"
        data-testid="reset"
      >
        Reset <kbd>R</kbd>
      </button>
      <label className="speed">
        Speed
        <select
          value={speed === null ? 'max' : String(speed)}
          onChange={(e) => onSpeed(e.target.value === 'max' ? null : Number(e.target.value))}
          aria-keyshortcuts="+ -"
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
      </span>
    </div>
  );
}
