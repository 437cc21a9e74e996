// A sentence's end in its own script: a summary that adds a missing stop must not add a Latin one
// after "。" or "؟" (a front matter description "…保驾护航。" became "…保驾护航。."), nor a Latin
// one after Chinese or Japanese text that has none.

/**
 * Closers that may follow a stop: quotes and brackets, Latin and CJK ("…です。」", "(… ends here.)").
 */
const closers = `"”’»)\\]」』）》〉】`;
/**
 * A stop in any script (Unicode's Sentence_Terminal: . ! ? 。 ！ ？ ｡ ؟ ۔ । ։ ။ ። …) or an ellipsis,
 * perhaps inside closers.
 */
const terminal = new RegExp(`[\\p{Sentence_Terminal}…][${closers}]*$`, 'u');

/** Whether `text` ends as a sentence does, in whatever script it is written. */
export function endsSentence(text: string): boolean {
  return terminal.test(text.trimEnd());
}

/** Whether `text` ends on a question mark, in whatever script ("?", "？", "؟", "¿…?"). */
export function asksQuestion(text: string): boolean {
  return new RegExp(`[?？؟⁇‽][${closers}]*$`, 'u').test(text.trimEnd());
}

/** Stops by the script of the last letter: a script not named here takes a full stop. */
const scriptStops: Array<[RegExp, string]> = [
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u, '。'],
  [/[\p{Script=Devanagari}\p{Script=Bengali}]/u, '।'],
  [/\p{Script=Armenian}/u, '։'],
  [/\p{Script=Ethiopic}/u, '።'],
  [/\p{Script=Myanmar}/u, '။'],
];

/**
 * `text` ending as a sentence: as it is when it has a stop, else with the stop of its last letter's
 * script (Urdu, written in Arabic letters, by its language: "۔").
 */
export function withStop(text: string, lang = 'en'): string {
  const trimmed = text.trimEnd();
  if (!trimmed || endsSentence(trimmed)) return trimmed;
  const letter = [...trimmed].reverse().find((char) => /\p{L}/u.test(char));
  const found = letter && scriptStops.find(([script]) => script.test(letter));
  if (found) return trimmed + found[1];
  return trimmed + (/^ur\b/i.test(lang) && letter && /\p{Script=Arabic}/u.test(letter) ? '۔' : '.');
}
