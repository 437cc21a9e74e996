import path from 'node:path';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { errorMessage } from './errors.js';

/**
 * A document's problems are vfile messages with a place: this is their one channel. A warning is a
 * message; a failed document is one whose file holds a fatal message.
 */
export interface Note {
  place?: Point | Position | undefined;
  /** What kind of problem (`summary-fit`, `request`, …): the `rule` of the JSON report. */
  rule: string;
  cause?: unknown;
}

/** Add a warning to `file`. */
export function warn(file: VFile, reason: string, { place, rule, cause }: Note): VFileMessage {
  return file.message(reason, {
    place,
    ruleId: rule,
    source: 'briefpress',
    cause: cause instanceof Error ? cause : undefined,
  });
}

/** Add an error to `file`: the document fails. Returns the message, to throw when the work must stop. */
export function fail(file: VFile, reason: string, note: Note): VFileMessage {
  const message = warn(file, reason, note);
  message.fatal = true;
  return message;
}

/**
 * Make sure what stopped a document is an error in its file: a message the stage put there already is
 * left as it is; anything else thrown becomes one, on one line.
 */
export function recordFailure(file: VFile, caught: unknown, rule: string): void {
  if (caught instanceof VFileMessage) {
    caught.fatal = true;
    if (!file.messages.includes(caught)) file.messages.push(caught);
    return;
  }
  // Recorded already by the stage it stopped (the time limit stops the parse, then the build): said once.
  if (file.messages.some((message) => message.fatal && message.cause === caught)) return;
  fail(file, errorMessage(caught), { rule, cause: caught });
}

/** The first error of `file`, if any. */
export function firstError(file: VFile): VFileMessage | undefined {
  return file.messages.find((message) => message.fatal);
}

/** `content/a.md:3:7`: where a message points, relative to the working folder. */
export function placeOf(file: VFile, message?: { line?: number | undefined; column?: number | undefined }): string {
  const where = path.relative(process.cwd(), file.path) || file.path;
  return `${where}${message?.line ? `:${message.line}:${message.column ?? 1}` : ''}`;
}

/** Why the document failed, on one line (`content/a.md:3:7: reason`); undefined when it did not. */
export function failureOf(file: VFile): string | undefined {
  const error = firstError(file);
  return error && `${placeOf(file, error)}: ${error.reason}`;
}
