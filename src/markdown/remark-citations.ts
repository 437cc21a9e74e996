import type { FootnoteDefinition, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { fail, warn } from '../messages.js';
import { citationHtml, citationPhrasing, citationText } from './citation-html.js';
import { type CitationMatch, findCitations } from './citation-syntax.js';
import {
  BibliographyError,
  type Citation,
  type CslItem,
  defaultStyle,
  readBibliography,
  renderCitations,
  shippedStyle,
  shippedStyles,
} from './csl-engine.js';
import { verbatim } from './front-matter-citations.js';
import type { Beside } from './read-beside.js';

/** What the parse gives this stage: the config's defaults and the one way it may read a file. */
export interface CitationSources {
  /** The config file's `bibliography` and `csl`, when front matter names none. */
  bibliography?: string | string[];
  csl?: string;
  /** Reads a file of the document's folder (read-beside.ts): the stage itself does no I/O. */
  read: (name: string) => Promise<Beside>;
}

declare module 'vfile' {
  interface DataMap {
    citationSources: CitationSources;
    /** The bibliography's entries as safe HTML, in the style's order: the brief's "References". */
    bibliography: string[];
  }
}

interface Found {
  match: CitationMatch;
  node: Text;
  parent: { children: PhrasingContent[] };
  citation?: number;
}

/**
 * Pandoc citations (`[@key, p. 4]`, `[@a; @b]`, `[-@key]`, `@key`) rendered with a CSL style from
 * the bibliography that front matter (or the config) names. An author-date style prints them in the
 * text; a note style makes each one an endnote, numbered with the footnotes and link notes. The
 * bibliography's entries go to `file.data.bibliography`. A key not in the bibliography is a warning at
 * the citation, left as written; a bibliography or style that cannot be read fails the document.
 */
export default function citations() {
  return async (tree: Root, file: VFile) => {
    const meta = file.data.frontMatter;
    const sources = file.data.citationSources;
    const names = meta?.bibliography ?? sources?.bibliography;
    if (!meta || !sources || !names) return;
    const at = file.data.frontMatterPlace?.('bibliography');
    const items: CslItem[] = [];
    for (const name of [names].flat()) {
      const read = await sources.read(name);
      if (!read.ok) throw fail(file, `bibliography \`${name}\` ${read.reason}`, { place: at, rule: 'citation' });
      try {
        items.push(...readBibliography(read.text, name));
      } catch (error: unknown) {
        if (!(error instanceof BibliographyError)) throw error;
        const where = error.line ? `${name}:${error.line}:${error.column ?? 1}` : name;
        throw fail(file, `bibliography ${where}: ${error.message}: fix the entry there`, {
          place: at,
          rule: 'citation',
        });
      }
    }
    const style = await styleOf(file, meta.csl ?? sources.csl);
    const known = new Set(items.map((item) => item.id));
    const found = collect(tree, file, known);
    const extra = verbatim(meta, known);
    const clusters: Citation[] = [];
    const notes = /<style\b[^>]*\bclass="note"/.test(style);
    let noteIndex = 0;
    for (const entry of found) {
      if (entry.citation === -1) {
        noteIndex++;
        continue;
      }
      if (notes) noteIndex++;
      entry.citation = clusters.length;
      if (entry.match.inText) clusters.push({ items: entry.match.items, noteIndex, authorOnly: true });
      const items = entry.match.inText ? [{ ...entry.match.items[0]!, 'suppress-author': true }] : entry.match.items;
      clusters.push({ items, noteIndex });
    }
    const firstExtra = clusters.length;
    for (const { items } of extra) clusters.push({ items, noteIndex: 0 });
    let rendered: ReturnType<typeof renderCitations>;
    try {
      rendered = renderCitations(items, style, meta.lang, clusters);
    } catch (error: unknown) {
      throw fail(file, `the citation style could not be used: ${(error as Error).message}`, {
        place: file.data.frontMatterPlace?.('csl') ?? at,
        rule: 'citation',
      });
    }
    let note = 0;
    for (const { match, node, parent, citation } of found.reverse()) {
      if (citation === undefined || citation === -1) continue;
      const html = rendered.citations[match.inText ? citation + 1 : citation]!;
      // A note's mark sits against the word it follows: `sanctions [@a].` prints `sanctions¹.`
      const head = node.value.slice(0, match.start);
      const before: Text = { type: 'text', value: notes && !match.inText ? head.trimEnd() : head };
      const after: Text = { type: 'text', value: node.value.slice(match.end) };
      const author = match.inText ? [...citationPhrasing(rendered.citations[citation]!)] : [];
      let cite: PhrasingContent[];
      if (notes) {
        const identifier = `cite-${found.length - note++}`;
        tree.children.push({
          type: 'footnoteDefinition',
          identifier,
          label: identifier,
          children: [{ type: 'paragraph', children: citationPhrasing(html) }],
        } satisfies FootnoteDefinition);
        // As Chicago (and Pandoc) set a note: after the punctuation that follows it, `neutrality.³`.
        const punctuation = /^[.,;:!?]+/.exec(after.value)?.[0] ?? '';
        after.value = after.value.slice(punctuation.length);
        cite = [
          ...author,
          ...(punctuation ? [{ type: 'text', value: punctuation } as const] : []),
          { type: 'footnoteReference', identifier, label: identifier },
        ];
      } else
        cite = match.inText
          ? [...author, { type: 'text', value: ' ' }, ...citationPhrasing(html)]
          : citationPhrasing(html);
      const index = parent.children.indexOf(node);
      parent.children.splice(index, 1, before, ...cite, after);
      // The text before may hold earlier citations of the same node: they are replaced next, in it.
      for (const other of found) if (other.node === node) other.node = before;
    }
    for (const [index, entry] of extra.entries())
      entry.replace(notes ? '' : citationText(rendered.citations[firstExtra + index]!));
    file.data.bibliography = rendered.entries.map(citationHtml);
  };
}

/** The style: a shipped one by name (default Chicago author-date), else a `.csl` file of the document's folder. */
async function styleOf(file: VFile, name: string | undefined): Promise<string> {
  if (!name || shippedStyles[name]) return shippedStyle(name ?? defaultStyle);
  const read = await file.data.citationSources!.read(name);
  const place = file.data.frontMatterPlace?.('csl');
  if (!read.ok) throw fail(file, `citation style \`${name}\` ${read.reason}`, { place, rule: 'citation' });
  if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(read.text))
    throw fail(
      file,
      `citation style \`${name}\` is not a CSL style (no <style xmlns="http://purl.org/net/xbiblio/csl">)`,
      {
        place,
        rule: 'citation',
      },
    );
  return read.text;
}

/** Every citation of the text, in reading order; unknown keys warned about (a citation all unknown: -1). */
function collect(tree: Root, file: VFile, known: Set<string>): Found[] {
  const found: Found[] = [];
  const place = location(file);
  const seenNotes = new Set<string>();
  visit(tree, (node, _index, parent) => {
    if (node.type === 'link' || node.type === 'linkReference') return SKIP;
    if (node.type === 'footnoteReference' && !seenNotes.has(node.identifier)) {
      seenNotes.add(node.identifier);
      found.push({ match: undefined as never, node: undefined as never, parent: undefined as never, citation: -1 });
    }
    if (node.type !== 'text' || !parent) return;
    for (const match of findCitations(node.value)) {
      const start = node.position?.start.offset;
      const point = start === undefined ? node.position?.start : place.toPoint(start + match.start);
      const unknown = match.items.filter((item) => !known.has(item.id));
      if (match.inText && unknown.length > 0) continue;
      for (const item of unknown)
        warn(file, `citation key \`@${item.id}\` is not in the bibliography: it is printed as written`, {
          place: point,
          rule: 'citation-key',
        });
      if (unknown.length > 0) continue;
      found.push({ match, node, parent: parent as Found['parent'] });
    }
  });
  return found;
}
