/** Misuse of briefpress (bad flags, bad config, no browser): the message says what to do. */
export class BriefpressError extends Error {
  override name = 'BriefpressError';
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.exitCode = options.exitCode ?? 2;
  }
}

/** No Chromium/Chrome could be found or launched. */
export class BrowserNotFoundError extends BriefpressError {
  override name = 'BrowserNotFoundError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, exitCode: 1 });
  }
}

/** Turn anything thrown into a one-line message. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
