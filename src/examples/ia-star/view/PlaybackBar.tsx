import { useId } from 'react';
import { Slider } from '../../../ui/Slider';
import { type PlaybackState, RATE_MAX, RATE_MIN } from './playback-clock.ts';
import { ChevronIcon, PauseIcon, PlayIcon } from '../../../ui/Icons';

interface PlaybackBarProps {
  state: PlaybackState;
  onToggle: () => void;
  onStep: (delta: number) => void;
  onSeek: (step: number) => void;
  onRate: (rate: number) => void;
}

const n = (x: number) => x.toLocaleString('en');

/**
 * Play, pause, step and speed of the search playback: a replay of the recorded expansion orders, so the four
 * searches race on the same clock. Keys P , . (the training transport keeps Space, S, R, +, −, L).
 */
export function PlaybackBar({ state, onToggle, onStep, onSeek, onRate }: PlaybackBarProps) {
  const scrubId = useId();
  const shown = Number.isFinite(state.step) ? state.step : state.length;
  return (
    <div className="ia-playback" role="toolbar" aria-label="Search playback">
      <button
        type="button"
        className="primary"
        onClick={onToggle}
        disabled={state.length === 0}
        aria-keyshortcuts="P"
        data-testid="search-play"
      >
        {state.playing ? (
          <>
            <PauseIcon /> Pause search
          </>
        ) : (
          <>
            <PlayIcon /> Replay search
          </>
        )}{' '}
        <kbd>P</kbd>
      </button>
      <button
        type="button"
        onClick={() => onStep(-1)}
        disabled={state.length === 0}
        aria-keyshortcuts=","
        aria-label="Back one expansion"
        data-testid="search-back"
      >
        <ChevronIcon direction="left" /> <kbd>,</kbd>
      </button>
      <button
        type="button"
        onClick={() => onStep(1)}
        disabled={state.length === 0}
        aria-keyshortcuts="."
        aria-label="Forward one expansion"
        data-testid="search-forward"
      >
        <ChevronIcon direction="right" /> <kbd>.</kbd>
      </button>
      <div className="ia-scrub">
        <label htmlFor={scrubId}>expansion</label>
        <input
          id={scrubId}
          type="range"
          min={0}
          max={Math.max(1, state.length)}
          step={1}
          value={shown}
          aria-valuetext={`${n(shown)} of ${n(state.length)}`}
          onChange={(e) => onSeek(Number(e.target.value))}
        />
      </div>
      <Slider
        label="speed"
        value={state.rate}
        min={RATE_MIN}
        max={RATE_MAX}
        log
        format={(v) => `${n(Math.round(v))} /s`}
        onChange={onRate}
      />
      <output className="ia-step" data-testid="search-step" aria-live="off">
        step {n(shown)} / {n(state.length)}
      </output>
    </div>
  );
}
