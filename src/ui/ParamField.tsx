import type { ChoiceSpec, NumberSpec } from '../il/params/schema';
import { Slider } from './Slider';

/**
 * Form fields bound to an example's param schema: label, range, step and choice names come from the schema, so a
 * form can never disagree with the parser.
 */
export function ParamSlider({
  spec,
  value,
  onChange,
  label,
  disabled,
}: {
  spec: NumberSpec;
  value: number;
  onChange: (v: number) => void;
  /** Overrides the schema's label (e.g. a live sensor slider bound to a training param's range). */
  label?: string;
  disabled?: boolean;
}) {
  const text = label ?? spec.label;
  return (
    <Slider
      label={spec.unit ? `${text} (${spec.unit})` : text}
      value={value}
      min={spec.min}
      max={spec.max}
      step={spec.step}
      onChange={(v) => onChange(spec.integer ? Math.round(v) : v)}
      disabled={disabled}
    />
  );
}

export function ParamSelect<T extends string>({
  spec,
  value,
  onChange,
  testId,
  disabled,
}: {
  spec: ChoiceSpec<T>;
  value: T;
  onChange: (v: T) => void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <label className="field">
      {spec.label}
      <select
        value={value}
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          const choice = spec.choices.find((c) => c === e.target.value);
          if (choice !== undefined) onChange(choice);
        }}
      >
        {spec.choices.map((c) => (
          <option key={c} value={c}>
            {spec.choiceLabels?.[c] ?? c}
          </option>
        ))}
      </select>
    </label>
  );
}
