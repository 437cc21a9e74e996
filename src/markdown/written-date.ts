import catalogue from '../labels/catalogue.json' with { type: 'json' };

/**
 * A date as people write it in front matter (JOSS and Pandoc papers: `date: 29 January 2021`,
 * `January 29, 2021`, `29 janvier 2021`, `29. Januar 2021`, `29 de enero de 2021`), as YYYY-MM-DD; or
 * undefined for anything else (`June 2019`, `Q3 2025`, `2021`), which has no day to print. A month is
 * named in the document's language or in English, in full or shortened (`Jan.`, `janv.`).
 */
export function writtenDate(text: string, lang = 'en'): string | undefined {
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .split(/[\s,./]+/)
    .filter((word) => word && !connectors.has(word));
  if (words.length !== 3) return undefined;
  const numbers = words.filter((word) => /^\d+$/.test(word));
  const named = words.filter((word) => !/^\d+$/.test(word));
  if (numbers.length !== 2 || named.length !== 1) return undefined;
  const month = monthOf(named[0]!, lang);
  const year = numbers.find((word) => word.length === 4);
  const day = numbers.find((word) => word.length <= 2);
  if (month === undefined || !year || !day) return undefined;
  const iso = `${year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  // 31 February is no day: Date rolls it over into March, which the check below sees.
  const date = new Date(`${iso}T00:00:00Z`);
  return date.getUTCDate() === Number(day) && date.getUTCMonth() === month ? iso : undefined;
}

/** Words between the parts of a date: `29 de enero de 2021`, `le 29 janvier 2021`, `the 29th of January`. */
const connectors = new Set(['de', 'del', 'of', 'the', 'le', 'den', 'der', 'el', 'il', 'van']);

/** The month (0–11) a word names in `lang` or English: its full name, or three letters or more of it. */
function monthOf(word: string, lang: string): number | undefined {
  for (const language of new Set([lang.split('-')[0]!, 'en'])) {
    const names = monthNames(language);
    const found = names.findIndex((name) => name === word || (word.length >= 3 && name.startsWith(word)));
    if (found >= 0) return found;
  }
  return undefined;
}

const namesByLanguage = new Map<string, string[]>();

/** The twelve month names of a language, as the date stands alone in a sentence (`janvier`, `enero`). */
function monthNames(language: string): string[] {
  let names = namesByLanguage.get(language);
  if (!names) {
    const known = language in catalogue ? language : 'en';
    const format = new Intl.DateTimeFormat(known, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, month) =>
      (format.formatToParts(new Date(Date.UTC(2021, month, 15))).find((part) => part.type === 'month')?.value ?? '')
        .toLowerCase()
        .normalize('NFC'),
    );
    namesByLanguage.set(language, names);
  }
  return names;
}
