import { cache } from '../caches.js';
import { catalogue, english, type LabelKey, type Labels } from './catalogue.js';

export type { LabelKey, Labels } from './catalogue.js';

/** A config file's `labels`: by language tag (`fr`, `pt-BR`) or `*` for every language, entries replacing the catalogue's. */
export type LabelOverrides = Record<string, Partial<Labels>>;

export const labelKeys = Object.keys(english) as LabelKey[];

const resolved = cache<string, Labels>();

/**
 * The furniture's words for a language: the catalogue's entry for the tag (`pt-BR`), else for its
 * language (`pt`), else English; then the overrides, `*` first and the most specific tag last.
 */
export function labelsFor(lang: string, overrides: LabelOverrides = {}): Labels {
  const key = `${lang}\n${JSON.stringify(overrides)}`;
  let labels = resolved.get(key);
  if (!labels) {
    const tags = tagsOf(lang);
    labels = Object.assign(
      {},
      english,
      ...tags.map((tag) => catalogue[tag] ?? {}),
      overrides['*'] ?? {},
      ...tags.map((tag) => overrides[tag] ?? {}),
    ) as Labels;
    resolved.set(key, labels);
  }
  return labels;
}

/**
 * `pt-BR` → `['pt', 'pt-br']`: the language first, then the tag, so the tag wins. Tags compare case-blind.
 * Chinese as written in Taiwan, Hong Kong and Macau is Traditional: `zh-TW` → `['zh', 'zh-hant', 'zh-tw']`.
 */
function tagsOf(lang: string): string[] {
  const parts = lang.toLowerCase().split('-');
  // Each prefix of the tag, shortest first: `zh-hant-tw` → `zh`, `zh-hant`, `zh-hant-tw`.
  const tags = parts.map((_, at) => parts.slice(0, at + 1).join('-'));
  if (/^zh-(tw|hk|mo)(-|$)/.test(tags.at(-1)!)) tags.splice(1, 0, 'zh-hant');
  return tags;
}

/** A label with its `{name}`s filled in; a name without a value stays as written. */
export function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Languages written right to left (their primary subtag). */
const rightToLeft = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ug', 'ckb']);

/** The page's direction: the front matter's `dir`, else the language's. */
export function directionOf(lang: string, dir?: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  return dir ?? (rightToLeft.has(lang.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr');
}

/**
 * The language of a document that names none, when its letters are mostly Arabic or Hebrew script (of
 * its first 20,000 characters): a page of Arabic set left to right under English furniture is wrong in
 * every line. Undefined otherwise, so a document in a Latin script keeps the default, `en`.
 */
export function rightToLeftScript(text: string): 'ar' | 'he' | undefined {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const arabic = sample.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  const hebrew = sample.match(/\p{Script=Hebrew}/gu)?.length ?? 0;
  if (letters === 0 || (arabic + hebrew) * 2 < letters) return undefined;
  return arabic >= hebrew ? 'ar' : 'he';
}
