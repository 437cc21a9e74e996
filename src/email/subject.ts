import type { FrontMatter } from '../markdown/remark-front-matter.js';

/** The fields a subject template may name, e.g. `{{title}} ({{date}})`. */
export const subjectFields = ['title', 'shortTitle', 'subtitle', 'date', 'series', 'number', 'organisation'] as const;

const placeholder = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The placeholders of `template` that are not {@link subjectFields}. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(placeholder)]
    .map((match) => match[1]!)
    .filter((name) => !(subjectFields as readonly string[]).includes(name));
}

/**
 * Fill in a subject template from the front matter. One pass over the template: a value goes in as plain
 * text and is never read as a template itself, so a title holding `{{…}}` stays as written. Line breaks
 * become spaces (a subject is one header line); an empty result falls back to the title.
 */
export function renderSubject(template: string, meta: FrontMatter, organisation?: string): string {
  const values: Record<string, string | undefined> = {
    title: meta.title,
    shortTitle: meta.shortTitle ?? meta.title,
    subtitle: meta.subtitle,
    date: meta.date,
    series: meta.series,
    number: meta.number,
    organisation: meta.organisation ?? organisation,
  };
  const subject = template
    .replace(placeholder, (_, name: string) => values[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return subject || meta.title.replace(/\s+/g, ' ').trim();
}
