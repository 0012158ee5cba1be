import type { ExampleParams, ParamValue } from '../problem';

/**
 * One declarative schema per example's params: it alone drives parsing (URL hash, presets, CLI flags), the
 * defaults, and the generic params form, so a form's range can never disagree with the parser.
 */
export interface NumberSpec {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** Slider step; integers round to whole numbers. */
  step: number;
  integer: boolean;
  label: string;
  help?: string;
  unit?: string;
}

export interface ChoiceSpec<C extends string = string> {
  kind: 'choice';
  default: C;
  choices: readonly C[];
  /** Display names of the choices (default: the choice itself). */
  choiceLabels?: Partial<Record<C, string>>;
  label: string;
  help?: string;
}

export interface BooleanSpec {
  kind: 'boolean';
  default: boolean;
  label: string;
  help?: string;
}

export type ParamSpec = NumberSpec | ChoiceSpec | BooleanSpec;
export type ParamSchema = Readonly<Record<string, ParamSpec>>;

/** The params object a schema describes. */
export type ParamsOf<S extends ParamSchema> = {
  -readonly [K in keyof S]: S[K] extends ChoiceSpec<infer C>
    ? C
    : S[K] extends NumberSpec
      ? number
      : S[K] extends BooleanSpec
        ? boolean
        : never;
};

type SpecOptions = { label: string; help?: string; unit?: string };

export function numberSpec(
  defaultValue: number,
  min: number,
  max: number,
  options: SpecOptions & { step?: number; integer?: boolean },
): NumberSpec {
  const integer = options.integer ?? false;
  return {
    kind: 'number',
    default: defaultValue,
    min,
    max,
    step: options.step ?? (integer ? 1 : (max - min) / 100),
    integer,
    label: options.label,
    ...(options.help !== undefined && { help: options.help }),
    ...(options.unit !== undefined && { unit: options.unit }),
  };
}

export const integerSpec = (
  defaultValue: number,
  min: number,
  max: number,
  options: SpecOptions & { step?: number },
): NumberSpec => numberSpec(defaultValue, min, max, { ...options, integer: true });

export function choiceSpec<const C extends string>(
  choices: readonly C[],
  defaultValue: NoInfer<C>,
  options: SpecOptions & { choiceLabels?: Partial<Record<C, string>> },
): ChoiceSpec<C> {
  return {
    kind: 'choice',
    default: defaultValue,
    choices,
    label: options.label,
    ...(options.choiceLabels && { choiceLabels: options.choiceLabels }),
    ...(options.help !== undefined && { help: options.help }),
  };
}

export function booleanSpec(defaultValue: boolean, options: SpecOptions): BooleanSpec {
  return {
    kind: 'boolean',
    default: defaultValue,
    label: options.label,
    ...(options.help !== undefined && { help: options.help }),
  };
}

export function defaultsOf<S extends ParamSchema>(schema: S): ParamsOf<S> {
  const out: Record<string, ParamValue> = {};
  for (const [key, spec] of Object.entries(schema)) out[key] = spec.default;
  return out as ParamsOf<S>;
}

export interface ParsedParams<P> {
  values: P;
  /** One line per value that was malformed, out of range or unknown, saying what was used instead. */
  messages: string[];
}

/**
 * Validates and completes untrusted params (a URL hash, a preset, CLI flags). Never throws: a malformed value
 * falls back to the default and an out-of-range number is clamped, each with a message.
 */
export function parseParams<S extends ParamSchema>(schema: S, raw: ExampleParams): ParsedParams<ParamsOf<S>> {
  const values: Record<string, ParamValue> = {};
  const messages: string[] = [];
  for (const [key, spec] of Object.entries(schema)) {
    const { value, message } = parseOne(spec, raw[key]);
    values[key] = value;
    if (message) messages.push(`${spec.label} (${key}): ${message}`);
  }
  for (const key of Object.keys(raw)) if (!(key in schema)) messages.push(`unknown setting "${key}" ignored`);
  return { values: values as ParamsOf<S>, messages };
}

function parseOne(spec: ParamSpec, v: ParamValue | undefined): { value: ParamValue; message?: string } {
  if (v === undefined) return { value: spec.default };
  switch (spec.kind) {
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n))
        return { value: spec.default, message: `"${v}" is not a number; using ${spec.default}` };
      const clamped = Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(n) : n));
      if (clamped !== (spec.integer ? Math.round(n) : n))
        return { value: clamped, message: `${n} is outside ${spec.min}–${spec.max}; using ${clamped}` };
      return { value: clamped };
    }
    case 'choice':
      if (typeof v === 'string' && (spec.choices as readonly string[]).includes(v)) return { value: v };
      return {
        value: spec.default,
        message: `"${String(v)}" is not one of ${spec.choices.join(', ')}; using ${spec.default}`,
      };
    case 'boolean':
      if (typeof v === 'boolean') return { value: v };
      if (v === 'true' || v === '1') return { value: true };
      if (v === 'false' || v === '0') return { value: false };
      return { value: spec.default, message: `"${String(v)}" is not true or false; using ${spec.default}` };
  }
}

/** `--name value` lines for a CLI's help, from the schema. */
export function describeFlags(schema: ParamSchema): string[] {
  return Object.entries(schema).map(([key, spec]) => {
    const range =
      spec.kind === 'number'
        ? `${spec.min}–${spec.max}${spec.integer ? ' (integer)' : ''}`
        : spec.kind === 'choice'
          ? spec.choices.join(' | ')
          : 'true | false';
    return `  --${key} <${range}>  ${spec.label} (default ${String(spec.default)})`;
  });
}
