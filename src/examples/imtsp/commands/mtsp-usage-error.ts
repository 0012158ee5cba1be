/** A usage mistake in the mtsp tool's arguments (exit code 2). Its own module: the methods and the tool both throw it. */
export class MtspUsageError extends Error {
  override name = 'MtspUsageError';
}
