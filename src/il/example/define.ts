import type { BenchRunner } from '../bench';
import type { ExampleMeta } from '../example-meta';
import type { Lesson } from '../lesson';
import {
  defaultsOf,
  parseParams,
  type ParamSchema,
  type ParamsOf,
  type ParsedParams,
} from '../params/schema';
import type { ExampleParams, ProblemFactory } from '../problem';
import type { CommandMap, Contract } from './contract';
import type { ToolRunner } from './tool';

/** Lazily loaded parts: an example's engine, benches and tools load only when used. */
type Lazy<T> = () => Promise<T>;

/**
 * An example as the rest of the app sees it: light data (card, presets, param schema) plus lazy loaders. The worker,
 * `npm run bench`, `npm run train` and the example tools read `src/examples/index.ts`, a list of these.
 */
export interface ExampleManifest {
  readonly id: string;
  readonly meta: ExampleMeta;
  readonly params: ParamSchema;
  readonly defaultParams: ExampleParams;
  /** Validates untrusted params with the schema; never throws. */
  parseParams(raw: ExampleParams): ParsedParams<ExampleParams>;
  /** The problem factory; params reaching `create` are parsed with the schema first. */
  loadProblem: Lazy<ProblemFactory>;
  /** The lesson panel's text (il/lesson.ts, the one lesson format). */
  loadLesson: Lazy<Lesson>;
  /** `npm run bench -- <name>`: usually one bench named like the example, sometimes more (the grid engine). */
  readonly benches: Readonly<Record<string, Lazy<BenchRunner>>>;
  /** Example commands (`npm run plan`, `npm run mtsp`, …), by command name. */
  readonly tools: Readonly<Record<string, Lazy<ToolRunner>>>;
}

/**
 * The typed manifest: the same, remembering the example's params and snapshot types so that its view is typed
 * from the manifest (ui/define-view.ts) with no cast in any registry.
 */
export interface TypedExampleManifest<
  Params extends ExampleParams,
  Snapshot,
  Commands extends CommandMap,
> extends ExampleManifest {
  readonly defaultParams: Params;
  parseParams(raw: ExampleParams): ParsedParams<Params>;
  /** Phantom: never read at run time, carries the snapshot and command types to the view. */
  readonly contract: Contract<Snapshot, Commands>;
}

export interface ExampleDefinition<S extends ParamSchema, Snapshot, Commands extends CommandMap> {
  meta: ExampleMeta;
  params: S;
  /** `contract<Snapshot, Commands>()` from the example's contract.ts. */
  contract: Contract<Snapshot, Commands>;
  problem: Lazy<Pick<ProblemFactory<ParamsOf<S>, Snapshot>, 'create'>>;
  lesson: Lazy<Lesson>;
  benches?: Record<string, Lazy<BenchRunner>>;
  tools?: Record<string, Lazy<ToolRunner>>;
}

export function defineExample<const S extends ParamSchema, Snapshot, Commands extends CommandMap>(
  definition: ExampleDefinition<S, Snapshot, Commands>,
): TypedExampleManifest<ParamsOf<S>, Snapshot, Commands> {
  const { meta, params: schema } = definition;
  const parse = (raw: ExampleParams): ParsedParams<ParamsOf<S>> => parseParams(schema, raw);
  const defaultParams = defaultsOf(schema);
  for (const preset of meta.presets) {
    const { messages } = parse(preset.params);
    if (messages.length > 0)
      throw new Error(`example ${meta.id}, preset ${preset.id}: ${messages.join('; ')}`);
  }
  return {
    id: meta.id,
    meta,
    params: schema,
    contract: definition.contract,
    defaultParams,
    parseParams: parse,
    loadProblem: async () => {
      const factory = await definition.problem();
      return {
        defaultParams,
        parseParams: (raw) => parse(raw).values,
        create: (settings, raw) => factory.create(settings, parse(raw).values),
      };
    },
    loadLesson: definition.lesson,
    benches: definition.benches ?? {},
    tools: definition.tools ?? {},
  };
}
