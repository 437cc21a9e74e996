// What briefpress prints comes in part from documents and file names, which anyone opening a pull
// request chooses. A line break in them would start a line of its own, which CI reads as it reads any
// line: GitHub Actions runs `::error::…` and `##[…]` lines as workflow commands, a terminal obeys ESC.

/**
 * Characters that end a line or steer a terminal or a reader: C0 and C1 controls (tab aside) with
 * CR, LF, ESC and NEL among them, DEL, the line and paragraph separators, and the bidirectional
 * controls that reorder what a line shows.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what it finds
const unsafe = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

/** `text` with each such character written as an escape (`\n`, `\r`, `\u2028`): on one line, as it was. */
export function escapeControls(text: string): string {
  return text.replace(
    unsafe,
    (char) => named[char] ?? `\\u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/**
 * A line to print: escaped, and never one that CI reads as a command. A line may start with text of a
 * document (a file named `::error::x.md` in the working folder): the start is then escaped too.
 */
export function printable(line: string): string {
  const escaped = escapeControls(line);
  return /^\s*(::|##\[)/.test(escaped)
    ? escaped.replace(/^(\s*)([:#])/, (_, space: string, char: string) => `${space}\\u00${char === ':' ? '3A' : '23'}`)
    : escaped;
}
