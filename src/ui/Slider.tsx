import { useId } from 'react';

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Log-scale slider (learning rates, regularisers). */
  log?: boolean;
  format?: (v: number) => string;
  onChange: (v: number) => void;
  disabled?: boolean;
}

/** A labelled range input with its value shown; keyboard accessible by being a native input. */
export function Slider({
  label,
  value,
  min,
  max,
  step,
  log = false,
  format,
  onChange,
  disabled,
}: SliderProps) {
  const id = useId();
  const toPos = (v: number) => (log ? Math.log10(v) : v);
  const fromPos = (p: number) => (log ? 10 ** p : p);
  const shown = format ? format(value) : String(value);
  return (
    <div className="slider">
      <label htmlFor={id}>
        {label} <output>{shown}</output>
      </label>
      <input
        id={id}
        type="range"
        min={toPos(min)}
        max={toPos(max)}
        step={log ? 0.01 : (step ?? 1)}
        value={toPos(value)}
        disabled={disabled}
        aria-valuetext={shown}
        onChange={(e) => onChange(fromPos(Number(e.target.value)))}
      />
    </div>
  );
}
