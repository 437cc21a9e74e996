import { randomUUID } from 'node:crypto';
import type { VFile } from 'vfile';
import { type PrintJob, type PrintPage, printMeasuring, type Renderer } from '../browser/print-job.js';
import { readHeadings } from '../browser/read-headings.js';
import { readLinks } from '../browser/read-links.js';
import { readPagesAtLeast } from '../browser/read-pages.js';
import type { OutputKind, ResolvedOptions } from '../config/options.js';
import { type FontSet, fontOrigin, inlineFonts } from '../fonts/font-set.js';
import { hasMath } from '../fonts/math-fonts.js';
import { fontFacesFor } from '../fonts/subsets.js';
import { labelsFor } from '../labels/labels.js';
import type { BriefDocument } from '../markdown/document-model.js';
import { fail, warn } from '../messages.js';
import { paper } from '../paper.js';
import { buildDate, finalizePdf } from '../pdf/finalize.js';
import { countPages, estimateMargin, overLimit } from '../pdf/page-limit.js';
import { destinationPages } from '../pdf/toc-pages.js';
import type { Templates } from '../render/templates.js';
import { tocEntries, withPages } from '../render/toc.js';
import { type FitResult, fitToOnePage } from '../summary/fit.js';
import { judgeFit, judgePages } from '../summary/judge.js';
import { generator } from '../version.js';

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
    pageSize: paper[settings.format].css,
    briefFile: `${name}.brief.pdf`,
    generator,
    allowNet: settings.allowNet,
    fontOrigin,
    labels: labelsFor(document.meta.lang, settings.labels),
    dir: document.meta.dir ?? 'ltr',
  };
  const toc = kind === 'brief' ? tocEntries(document) : undefined;
  // Rendered once with a slot for the fonts: the page's characters then choose the faces that fill it.
  const rendered = templates.render(kind, { ...data, toc, fontCss: fontSlot });
  const faces = fontFacesFor(fonts.css, rendered, fonts.files) + (hasMath(rendered) ? fonts.mathCss : '');
  let html = rendered.replace(fontSlot, () => faces);
  // The page limit is checked twice: on the laid-out page before the first print, which stops a
  // document far over it without printing, and on each PDF printed, before anything more is done.
  const limit = settings.maxPages;
  const withinLimit = async (pdf: Uint8Array) => {
    const pages = await countPages(pdf);
    if (pages > limit) throw fail(file, overLimit(kind, pages, limit), { rule: 'max-pages' });
  };
  // With contents, this first print only measures and lays out, painting nothing: its pages go into the
  // contents of a second.
  const stage = toc ? `laying out the ${kind} to number its contents` : `printing the ${kind}`;
  const first = await printMeasuring(await renderer, { html, layoutOnly: Boolean(toc), stage, ...guard }, (page) =>
    measure(page, { kind, settings, file }),
  );
  let { pdf } = first;
  const { fit, fitted, headings, links } = first.measured;
  await withinLimit(pdf);
  if (toc) {
    // A second print, now with the page numbers the first one found (see src/pdf/toc-pages.ts).
    const paged = withPages(toc, await destinationPages(pdf));
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

/** What the first print reads from its laid-out page, before it prints. */
interface Measured {
  /** For the summary: how it was fitted to one page, and (with `html`) its HTML as printed. */
  fit?: FitResult;
  fitted?: string;
  /** The headings' and the links' words, for the outline and the links' descriptions. */
  headings: string[];
  links: Array<[string, string]>;
}

async function measure(
  page: PrintPage,
  { kind, settings, file }: { kind: OutputKind; settings: ResolvedOptions; file: VFile },
): Promise<Measured> {
  const atLeast = await readPagesAtLeast(page, paper[settings.format].height);
  if (atLeast > settings.maxPages * estimateMargin)
    throw fail(file, overLimit(kind, atLeast, settings.maxPages, true), { rule: 'max-pages' });
  const fit = kind === 'summary' ? await fitToOnePage(page) : undefined;
  // The HTML as printed: its type size set and any dropped blocks gone.
  const fitted = fit && settings.html ? await page.content() : undefined;
  // The contents' page numbers come in the second print; a link's target and words don't change.
  return { fit, fitted, headings: await readHeadings(page), links: await readLinks(page) };
}
