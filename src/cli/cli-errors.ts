/**
 * How every Node command ends on bad input: one line `<command>: <what is wrong>` on stderr and a non-zero exit
 * code, never a stack trace — unless `--debug` is on the command line, which adds the stack (and the causes).
 */

/** Exit codes shared by the commands: 1 a bad file or a failed run, 2 bad usage. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A usage mistake (bad or missing flag): exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export function hasDebugFlag(argv: readonly string[]): boolean {
  return argv.includes('--debug');
}

/** argv without `--debug`, for parsers that refuse flags they do not know. */
export function withoutDebugFlag(argv: readonly string[]): string[] {
  return argv.filter((a) => a !== '--debug');
}

/** An error's message on one line (newlines folded, at most 500 characters). */
export function oneLineMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message || e.name : String(e);
  const line = raw.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 497)}...` : line || 'failed';
}

/** Writes the one-line failure (and with --debug the stack and causes) and returns the exit code to use. */
export function reportFailure(
  command: string,
  e: unknown,
  debug: boolean,
  write: (text: string) => void = (t) => process.stderr.write(t),
): number {
  write(`${command}: ${oneLineMessage(e)}\n`);
  if (debug) {
    let cause: unknown = e;
    for (let depth = 0; cause !== undefined && depth < 5; depth++) {
      write(`${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  }
  return e instanceof CliUsageError ? EXIT_USAGE : EXIT_FAILURE;
}

/**
 * Runs a command's main and sets the exit code: main's own code, or reportFailure's for anything it throws (then
 * exiting at once). Nothing escapes as an unhandled rejection.
 */
export async function runCli(
  command: string,
  main: () => Promise<number | undefined>,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (e) {
    // Exit at once: a half-built run (a tfjs backend, a problem's timers) must not keep the process alive.
    process.exit(reportFailure(command, e, hasDebugFlag(argv)));
  }
}
