import Handlebars, { type HelperOptions } from 'handlebars';
import { cache } from '../caches.js';
import { defaultAccent } from '../config/options.js';
import { english } from '../labels/catalogue.js';
import { fill, type Labels } from '../labels/labels.js';
import { withStop } from '../summary/stops.js';

/**
 * A Handlebars environment with the helpers every template may use (they are listed in the README):
 * dates in the document's language, safe CSS strings and colours, the series line, reading time.
 */
export function createEnvironment(): typeof Handlebars {
  const env = Handlebars.create();
  /** `{{date meta.date meta.lang}}` → "4 December 2025". */
  env.registerHelper('date', (value: unknown, lang: unknown) =>
    typeof value === 'string' ? dateFormat(String(lang || 'en'), 'long').format(new Date(value)) : '',
  );
  /** `{{monthYear meta.date meta.lang}}` → "December 2025". */
  env.registerHelper('monthYear', (value: unknown, lang: unknown) =>
    typeof value === 'string' ? dateFormat(String(lang || 'en'), 'month').format(new Date(value)) : '',
  );
  /** `{{{cssString text}}}`: text as a quoted CSS string, safe inside `<style>` (for margin boxes). */
  env.registerHelper('cssString', cssString);
  /** `{{{cssColor accent}}}`: a colour from the options, or the default if it could break out of CSS. */
  env.registerHelper('cssColor', (value: unknown) =>
    /^[#\w(),.%\s-]+$/.test(String(value)) ? String(value) : defaultAccent,
  );
  /** `{{seriesLine doc.meta}}` → "Policy Brief No. 2025/01". */
  env.registerHelper('seriesLine', (meta: { series?: string; number?: string }, options: HelperOptions) =>
    [meta.series, meta.number && `${labelsOf(options).number} ${meta.number}`].filter(Boolean).join(' '),
  );
  /** `{{t "page" page=2}}`: the furniture's words in the document's language (`labels`), `{name}`s filled from the hash. */
  env.registerHelper('t', (key: unknown, options: HelperOptions) => {
    const labels: Record<string, string> = labelsOf(options);
    return fill(labels[String(key)] ?? String(key), options.hash as Record<string, string>);
  });
  /** `{{{pageCounter}}}`: "Page X of Y" as CSS `content`, for a margin box. */
  env.registerHelper('pageCounter', (options: HelperOptions) =>
    labelsOf(options)
      .page.split(/(\{page\}|\{pages\})/)
      .filter(Boolean)
      .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
      .join(' '),
  );
  env.registerHelper('lower', (value: unknown) => String(value ?? '').toLowerCase());
  env.registerHelper('year', (value: unknown) => (typeof value === 'string' ? value.slice(0, 4) : ''));
  env.registerHelper('join', (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(String(separator)) : '',
  );
  env.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find(Boolean));
  env.registerHelper('one', (value: unknown) => value === 1);
  env.registerHelper('rtl', (value: unknown) => value === 'rtl');
  /** `{{stop label}}` → "Costs." or "費用。": the stop of the text's script, none after one it has ("Why?"). */
  env.registerHelper('stop', (value: unknown, options: HelperOptions) =>
    withStop(String(value ?? ''), (options.data?.root as { doc?: { meta?: { lang?: string } } })?.doc?.meta?.lang),
  );
  /** `{{readingMinutes doc.wordCount}}` → 6, at 230 words a minute. */
  env.registerHelper('readingMinutes', (words: unknown) => Math.max(1, Math.round(Number(words) / 230)));
  return env;
}

/**
 * Text as a quoted CSS string, safe inside `<style>`. A margin box wraps only at spaces (Chromium
 * ignores `overflow-wrap` there), so a long unbroken word (a URL, an identifier) gets a zero-width
 * space between its characters: it wraps inside its box instead of running over the other box and off
 * the page.
 */
function cssString(value: unknown): string {
  return `"${String(value ?? '')
    .replace(/\S{24,}/g, (word) => [...word].join('\u200b'))
    .replace(/[\\"<>\n\r\f\u200b]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}

/** The template data's `labels`; English for a caller that gives none. */
function labelsOf(options: HelperOptions): Labels {
  return (options.data?.root as { labels?: Labels } | undefined)?.labels ?? english;
}

/** Formats are made once per language and style: making an `Intl.DateTimeFormat` costs a millisecond or two. */
const dateFormats = cache<string, Intl.DateTimeFormat>();

function dateFormat(lang: string, style: 'long' | 'month'): Intl.DateTimeFormat {
  const key = `${lang} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, {
      ...(style === 'long' ? { dateStyle: 'long' } : { month: 'long', year: 'numeric' }),
      timeZone: 'UTC',
    });
    dateFormats.set(key, format);
  }
  return format;
}
