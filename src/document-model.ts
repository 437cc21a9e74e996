import Slugger from 'github-slugger';
import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { FrontMatter } from './front-matter.js';
import { leadSentence } from './sentences.js';

/** One numbered section of the brief: a level-2 heading and what follows it. */
export interface Section {
  id: string;
  /** 1-based; references are not numbered and not in `sections`. */
  number: number;
  heading: string;
  html: string;
  /** The first sentence of its first paragraph, for derived summaries. */
  lead?: string;
}

/** A list placed under a heading such as "Risks" or "Recommendations". */
export interface KeyList {
  heading: string;
  items: string[];
}

/** What both the brief and the summary are made from. */
export interface BriefDocument {
  meta: FrontMatter;
  /** HTML before the first section heading. */
  intro: string;
  sections: Section[];
  /** The "bottom line": front matter `summary`, else the first paragraph before the first section. */
  summary?: string;
  /** The takeaways: from front matter, a `:::takeaways` block, or the lead sentences. */
  keyPoints: string[];
  /** Whether `keyPoints` were marked by the author rather than derived. */
  keyPointsMarked: boolean;
  risks?: KeyList;
  /** Each source, as HTML. */
  references: string[];
  /** GFM footnotes, as HTML (empty when there are none). */
  footnotes: string;
  wordCount: number;
}

declare module 'vfile' {
  interface DataMap {
    takeaways: string[];
  }
}

const referenceHeading = /^(references|sources|bibliography|notes|endnotes)$/i;
const keyListHeading = /\b(risks?|what could go wrong|recommendations?|next steps|policy options)\b/i;

/** A unified compiler that turns the sanitized HTML tree into a {@link BriefDocument}. */
export default function documentModel(this: Processor) {
  const compiler = (tree: Root, file: VFile): BriefDocument => {
    const slugger = new Slugger();
    const intro: RootContent[] = [];
    const groups: Array<{ heading: Element; body: RootContent[] }> = [];
    let footnotes = '';
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
        footnotes = toHtml(node);
      } else if (node.type === 'element' && node.tagName === 'h2') {
        groups.push({ heading: node, body: [] });
      } else {
        (groups.at(-1)?.body ?? intro).push(node);
      }
    }

    const sections: Section[] = [];
    const references: string[] = [];
    let risks: KeyList | undefined;
    for (const { heading, body } of groups) {
      const title = toText(heading).trim();
      const list = body.find((node): node is Element => node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol'));
      if (referenceHeading.test(title)) {
        references.push(...items(list).map((item) => toHtml(item.children)));
        continue;
      }
      if (!risks && list && keyListHeading.test(title)) {
        risks = { heading: title, items: items(list).map((item) => collapse(toText(item))) };
      }
      const paragraph = body.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
      sections.push({
        id: slugger.slug(title),
        number: sections.length + 1,
        heading: title,
        html: toHtml(body),
        lead: paragraph ? leadSentence(collapse(toText(paragraph)), file.data.frontMatter?.lang) : undefined,
      });
    }

    const opening = intro.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
    const marked = file.data.frontMatter?.takeaways ?? file.data.takeaways;
    return {
      meta: file.data.frontMatter!,
      intro: toHtml(intro),
      sections,
      summary: file.data.frontMatter?.summary ?? (opening ? collapse(toText(opening)) : undefined),
      keyPoints: marked ?? sections.flatMap((section) => (section.lead && section.heading !== risks?.heading ? [section.lead] : [])),
      keyPointsMarked: marked !== undefined,
      risks,
      references,
      footnotes,
      wordCount: countWords(toText(tree), file.data.frontMatter?.lang),
    };
  };
  this.compiler = compiler as never;
}

function items(list: Element | undefined): Element[] {
  return (list?.children ?? []).filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function countWords(text: string, lang = 'en'): number {
  let count = 0;
  for (const segment of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) if (segment.isWordLike) count++;
  return count;
}
