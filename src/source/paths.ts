import path from 'node:path';

/** What counts as a Markdown file, by its name. */
export const markdownFile = /\.(md|markdown)$/i;

/**
 * Whether `file` lies strictly inside `folder` (both already absolute and, where it matters,
 * real paths): the one test behind every "only files of the document's folder" rule.
 */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** `decodeURIComponent`, or the text as it is when a `%` in it encodes nothing (it then stands for itself). */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
