/**
 * An example's contract: its Snapshot and its commands (name → payload and result types), declared once and
 * shared by the problem (which answers them) and the view (which asks). Types only at run time: `contract<…>()`
 * is an empty value that carries them into `defineExample`.
 */
export interface CommandSpec<Payload, Result> {
  payload: Payload;
  result: Result;
}

export type CommandMap = { [name: string]: CommandSpec<unknown, unknown> };
export type CommandName<C extends CommandMap> = keyof C & string;
export type PayloadOf<C extends CommandMap, K extends CommandName<C>> = C[K]['payload'];
export type ResultOf<C extends CommandMap, K extends CommandName<C>> = C[K]['result'];

/** How a view asks the worker for example-specific work, typed by the example's command map. */
export interface CommandChannel<C extends CommandMap> {
  command<K extends CommandName<C>>(name: K, payload: PayloadOf<C, K>): Promise<ResultOf<C, K>>;
}

/** The problem's side: one handler per command. */
export type CommandHandlers<C extends CommandMap> = {
  [K in CommandName<C>]: (payload: PayloadOf<C, K>) => Promise<ResultOf<C, K>>;
};

export interface Contract<Snapshot, Commands extends CommandMap> {
  /** Phantom fields: never set, they only carry the types. */
  readonly snapshot?: Snapshot;
  readonly commands?: Commands;
}

export function contract<Snapshot, Commands extends CommandMap = Record<never, never>>(): Contract<
  Snapshot,
  Commands
> {
  return {};
}

/**
 * `Problem.command(name, payload)` from typed handlers. The payload is trusted as the command's own type: it
 * comes from the same example's typed channel through the worker (one structured clone, no other writer).
 */
export function dispatchCommand<C extends CommandMap>(
  handlers: CommandHandlers<C>,
  name: string,
  payload: unknown,
): Promise<unknown> {
  if (!Object.hasOwn(handlers, name))
    return Promise.reject(
      new Error(`unknown command "${name}" (known: ${Object.keys(handlers).join(', ')})`),
    );
  const handler = handlers[name as CommandName<C>];
  return handler(payload as PayloadOf<C, CommandName<C>>);
}
