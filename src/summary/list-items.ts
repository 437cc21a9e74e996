import type { Element } from 'hast';
import type { DigestItem, SourceSection } from './digest-types.js';
import { cutAtClause, junkReason } from './filters.js';
import { collapse, firstList, inlineText } from './hast-prose.js';
import { sentencesOf, wordCount } from './sentences.js';

/** A risk or a recommendation is its first sentence, at most this long. */
export const listItemWords = 30;

/**
 * The items of a section's first list, each its own text without its sub-list, its bold lead-in
 * ("**Trade risk:** India's imports…") made a label, cut to its first sentence (at most
 * {@link listItemWords} words, cut at a clause if longer). Items that are junk (a table row, a
 * contact line) are left out.
 */
export function listItems(section: SourceSection, lang: string, cut = true): DigestItem[] {
  const items = (firstList(section.body)?.children ?? []).filter(
    (child): child is Element => child.type === 'element' && child.tagName === 'li',
  );
  return items.flatMap((li, i): DigestItem[] => {
    const own = { ...li, children: li.children.filter((child) => !isList(child)) };
    const full = collapse(inlineText(own));
    if (!full) return [];
    const holder =
      own.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p') ?? own;
    const first = holder.children.find((child) => !(child.type === 'text' && !child.value.trim()));
    const lead =
      first?.type === 'element' && (first.tagName === 'strong' || first.tagName === 'b')
        ? collapse(inlineText(first))
        : '';
    const rest = full.slice(lead.length);
    const labelled = lead && rest.trim() && (/[:.]$/.test(lead) || /^\s*[:—–-]/.test(rest));
    const after = rest.replace(/^\s*[:—–-]?\s*/, '');
    const label = labelled ? lead.replace(/\s*[:.]$/, '') : undefined;
    let text = labelled ? after.charAt(0).toLocaleUpperCase(lang) + after.slice(1) : full;
    if (cut) {
      const sentence = sentencesOf(text, lang).next().value ?? text;
      if (junkReason(sentence) && junkReason(sentence) !== 'not a sentence') return [];
      text = wordCount(sentence, lang) > listItemWords ? (cutAtClause(sentence, lang, listItemWords) ?? '') : sentence;
      if (!text) return [];
    }
    return [
      {
        ...(label ? { label } : {}),
        text,
        drop: {
          rank: section.number * 1000 + i + 1,
          name: `“${label ?? firstWords(text)}”`,
          place: li.position?.start,
        },
      },
    ];
  });
}

function isList(node: Element['children'][number]): boolean {
  return node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol');
}

function firstWords(text: string): string {
  const words = text.split(' ');
  return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : text;
}
