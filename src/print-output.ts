import { randomUUID } from 'node:crypto';
import type { VFile } from 'vfile';
import { readHeadings } from './browser/read-headings.js';
import { readLinks } from './browser/read-links.js';
import type { PrintJob, PrintPage, Renderer } from './browser/renderer.js';
import type { OutputKind, ResolvedOptions } from './config/options.js';
import { type FontSet, fontOrigin, inlineFonts } from './fonts/font-set.js';
import { hasMath } from './fonts/math-fonts.js';
import { fontFacesFor } from './fonts/subsets.js';
import type { BriefDocument } from './markdown/document-model.js';
import { fail, warn } from './messages.js';
import { buildDate, finalizePdf } from './pdf/finalize.js';
import { countPages, estimateMargin, overLimit, pagesAtLeast } from './pdf/page-limit.js';
import { withPages } from './pdf/toc-pages.js';
import type { Templates } from './render/templates.js';
import { tocEntries } from './render/toc.js';
import { type FitResult, fitToOnePage } from './summary/fit.js';
import { judgeFit, judgePages } from './summary/judge.js';
import { generator } from './version.js';

export interface Output {
  kind: OutputKind;
  /** `NAME.brief.pdf` or `NAME.summary.pdf`. */
  fileName: string;
  pdf: Uint8Array;
  pages: number;
  /** The final HTML, when `html` was asked for. */
  html?: string;
  /** For the summary: the type size it was fitted to one page at, and what it left out. */
  fit?: FitResult;
}

/** One output of a parsed document, with what printing it takes. */
export interface OutputJob {
  kind: OutputKind;
  document: BriefDocument;
  /** The document's settings (front matter applied). */
  settings: ResolvedOptions;
  /** The document's name, which its files take: `NAME.brief.pdf`. */
  name: string;
  templates: Templates;
  /** The fonts on offer: the page gets the `@font-face` rules its text needs. */
  fonts: FontSet;
  logo?: string;
  renderer: Promise<Renderer>;
  /** What the page may load, who is told of a refusal, and the document's clock and deadline. */
  guard: Pick<PrintJob, 'policy' | 'onRefused' | 'clock' | 'signal'>;
  /** The document's file, for the warnings of the summary's fit and of the contents. */
  file: VFile;
}

/**
 * Render an output's HTML, print it (twice for a brief with a table of contents), check the
 * summary's fit, and give the PDF its metadata, outline titles and reproducible bytes.
 */
export async function printOutput({
  kind,
  document,
  settings,
  name,
  templates,
  fonts,
  logo,
  renderer,
  guard,
  file,
}: OutputJob): Promise<Output> {
  const data = {
    doc: document,
    organisation: settings.organisation,
    accent: settings.accent,
    logo,
    pageSize: settings.format === 'letter' ? 'letter' : 'A4',
    briefFile: `${name}.brief.pdf`,
    generator,
    allowNet: settings.allowNet,
    fontOrigin,
  };
  const toc = kind === 'brief' ? tocEntries(document) : undefined;
  // Rendered once with a slot for the fonts: the page's characters then choose the faces that fill it.
  const rendered = templates.render(kind, { ...data, toc, fontCss: fontSlot });
  const faces = fontFacesFor(fonts.css, rendered) + (hasMath(rendered) ? fonts.mathCss : '');
  let html = rendered.replace(fontSlot, () => faces);
  let fit: FitResult | undefined;
  let fitted: string | undefined;
  let headings: string[] = [];
  // The page limit is checked twice: on the laid-out page before the first print, which stops a
  // document far over it without printing, and on each PDF printed, before anything more is done.
  const limit = settings.maxPages;
  const withinLimit = async (pdf: Uint8Array) => {
    const pages = await countPages(pdf);
    if (pages > limit) throw fail(file, overLimit(kind, pages, limit), { rule: 'max-pages' });
  };
  let links: Array<[string, string]> = [];
  const prepare = async (page: PrintPage) => {
    const atLeast = await pagesAtLeast(page, settings.format);
    if (atLeast > limit * estimateMargin)
      throw fail(file, overLimit(kind, atLeast, limit, true), { rule: 'max-pages' });
    if (kind === 'summary') {
      fit = await fitToOnePage(page);
      // The HTML as printed: its type size set and any dropped blocks gone.
      if (settings.html) fitted = await page.content();
    }
    headings = await readHeadings(page);
    // The contents' page numbers come in the second print; a link's target and words don't change.
    links = await readLinks(page);
  };
  // With contents, this first print only measures: its pages go into the contents of a second.
  const stage = toc ? `laying out the ${kind} to number its contents` : `printing the ${kind}`;
  let pdf = await (await renderer).print({ html, prepare, tagged: !toc, stage, ...guard });
  await withinLimit(pdf);
  if (toc) {
    // A second print, now with the page numbers the first one found (see src/pdf/toc-pages.ts).
    const paged = await withPages(toc, pdf);
    const lost = paged.filter(({ page }) => !page).map(({ mark }) => mark);
    // A custom contents partial without the links to the sections leaves their pages blank.
    if (lost.length)
      warn(
        file,
        `the contents have no page for section ${lost.join(', ')}: each of their lines must link to its section (<a href="#{{id}}">)`,
        { rule: 'toc-pages' },
      );
    html = templates.render(kind, { ...data, toc: paged, fontCss: faces });
    pdf = await (await renderer).print({ html, stage: `printing the ${kind}`, ...guard });
    await withinLimit(pdf);
  }
  if (fit) judgeFit(fit, file, settings.strict);
  const { bytes, pages } = await finalizePdf(pdf, {
    title: document.meta.title,
    author: settings.organisation || undefined,
    subject: document.meta.subtitle ?? document.meta.description,
    keywords: document.meta.keywords,
    lang: document.meta.lang,
    creator: generator,
    date: buildDate(document.meta.date),
    headings,
    links,
  });
  if (kind === 'summary') judgePages(pages, file);
  return {
    kind,
    fileName: `${name}.${kind}.pdf`,
    pdf: bytes,
    pages,
    ...(settings.html ? { html: inlineFonts(fitted ?? html, fonts.files) } : {}),
    ...(fit ? { fit } : {}),
  };
}

/** Where the `@font-face` rules go in a rendered page: a CSS comment no document can contain, as it is made at random. */
const fontSlot = `/* briefpress font faces ${randomUUID()} */`;
