import path from 'node:path';

/** What counts as a Markdown file, by its name. */
export const markdownFile = /\.(md|markdown)$/i;

/**
 * Whether `file` lies strictly inside `folder` (both already absolute and, where it matters,
 * real paths): the one test behind every "only files of the document's folder" rule.
 */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  // `..md` and `..logo.png` are names inside the folder: only a first step `..` leaves it.
  const [first] = relative.split(path.sep);
  return relative !== '' && first !== '..' && !path.isAbsolute(relative);
}

/** `decodeURIComponent`, or the text as it is when a `%` in it encodes nothing (it then stands for itself). */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
