import Slugger from 'github-slugger';
import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { boxPoints, type Digest, digest, type SourceSection } from '../summary/digest.js';
import { leadOf } from '../summary/lead.js';
import { wordCount } from '../summary/sentences.js';
import { documentLabels } from './document-labels.js';
import { localiseNotes } from './notes-labels.js';
import type { FrontMatter } from './remark-front-matter.js';
import { markSections } from './section-marks.js';
import { cutSections, type Structure } from './sections.js';
import type { TitleSource } from './title.js';
import { resolveXrefs } from './xrefs.js';

/** One numbered section of the brief: a heading at the document's section level and what follows it. */
export interface Section {
  id: string;
  /** 1-based; references are not numbered and not in `sections`. */
  number: number;
  heading: string;
  /** The number as printed: the author's own when every heading has one ("II.", "4.2"), else `number`. */
  mark: string;
  /** The heading as printed: without the author's number that `mark` shows. */
  title: string;
  html: string;
  /** Its first sentence that stands alone, for derived summaries. */
  lead?: string;
}

/** What both the brief and the summary are made from. */
export interface BriefDocument {
  meta: FrontMatter;
  /** HTML before the first section heading. */
  intro: string;
  sections: Section[];
  /** What the one-page summary shows: bottom line, key points, risks and recommendations. */
  digest: Digest;
  /** The bottom line as one paragraph: front matter `summary`, else the digest's sentences. */
  summary?: string;
  /** The takeaways (the brief's box): from front matter, a `:::takeaways` block, or the digest's key points. */
  keyPoints: string[];
  /** Whether `keyPoints` were marked by the author rather than derived. */
  keyPointsMarked: boolean;
  /** Each source, as HTML. */
  references: string[];
  /** GFM footnotes, as HTML (empty when there are none). */
  footnotes: string;
  /** The works cited (remark-citations.ts), each entry as HTML in the style's order; empty without citations. */
  bibliography: string[];
  wordCount: number;
  /** What was inferred from the document rather than declared: said by `check` and `build --verbose`. */
  inferred: Structure & { title: TitleSource; contentsMarked: boolean };
}

declare module 'vfile' {
  interface DataMap {
    takeaways: string[];
  }
}

export const referenceHeading = /^(references|sources|bibliography|notes|endnotes)$/i;

function isFootnotes(node: RootContent): boolean {
  return node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined;
}

/** A unified compiler that turns the sanitized HTML tree into a {@link BriefDocument}. */
export default function documentModel(this: Processor) {
  const compiler = (tree: Root, file: VFile): BriefDocument => {
    const slugger = new Slugger();
    const notes = tree.children.find(isFootnotes);
    const body = tree.children.filter((node) => node !== notes);
    const { intro, groups, structure } = cutSections(body);

    const lang = file.data.frontMatter?.lang ?? 'en';
    const labels = documentLabels(file);
    const sources: SourceSection[] = [];
    const references: string[] = [];
    const kept: Array<{ heading: Element; body: RootContent[]; title: string }> = [];
    for (const { heading, body } of groups) {
      const title = toText(heading).trim();
      if (referenceHeading.test(title)) {
        const list = body.find(
          (node): node is Element => node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol'),
        );
        references.push(
          ...(list?.children ?? []).flatMap((item) =>
            item.type === 'element' && item.tagName === 'li' ? [toHtml(item.children)] : [],
          ),
        );
        continue;
      }
      kept.push({ heading, body, title });
    }
    // Numbered before any is printed: a reference may name a later section.
    const marked = markSections(
      kept.map(({ title }, i) => ({
        id: slugger.slug(title),
        number: i + 1,
        heading: title,
        mark: '',
        title,
        html: '',
      })),
    );
    resolveXrefs(
      tree.children,
      kept.map(({ heading, body }, i) => ({ mark: marked[i]!.mark, heading, body, id: marked[i]!.id })),
      file,
      labels,
    );
    const sections: Section[] = kept.map(({ heading, body }, i) => {
      const number = i + 1;
      sources.push({ number, heading: marked[i]!.heading, body, place: heading.position?.start });
      return { ...marked[i]!, html: toHtml(body), lead: leadOf(body, lang) };
    });
    if (notes?.type === 'element') localiseNotes(notes, labels);
    const footnotes = notes ? toHtml(notes) : '';

    const takeaways = file.data.frontMatter?.takeaways ?? file.data.takeaways;
    const words = wordCount(toText(tree), lang);
    const summary = digest({
      intro,
      words,
      sections: sources,
      summary: file.data.frontMatter?.summary,
      description: file.data.frontMatter?.description,
      takeaways,
      lang,
    });
    return {
      meta: file.data.frontMatter!,
      intro: toHtml(intro),
      sections,
      digest: summary,
      summary: summary.bottomLine.map((sentence) => sentence.text).join(' ') || undefined,
      keyPoints: takeaways ?? boxPoints(summary.keyPoints),
      keyPointsMarked: takeaways !== undefined,
      references,
      footnotes,
      bibliography: file.data.bibliography ?? [],
      wordCount: words,
      inferred: {
        ...structure,
        title: file.data.titleSource ?? 'front matter',
        contentsMarked: file.data.contentsMarked ?? false,
      },
    };
  };
  this.compiler = compiler as never;
}
