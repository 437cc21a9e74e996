import type { Point, Position } from 'unist';
import { VFile } from 'vfile';
import type { LabelOverrides } from '../labels/labels.js';
import { recordFailure } from '../messages.js';
import type { BriefDocument } from './document-model.js';
import { inlineImages } from './inline-images.js';
import { processor, runStages } from './processor.js';
import { readBeside } from './read-beside.js';
import type { LinkTarget } from './remark-link-targets.js';
import { renderCharts } from './render-charts.js';

/** A document to parse, as plain data: it crosses to the parsing worker. */
export interface ParseRequest {
  /** Absolute path: names the file in messages and anchors its images. */
  path: string;
  value: string;
  allowNet: boolean;
  /** The brief's accent colour: charts are drawn in it. */
  accent?: string;
  /** The config's bibliography and style, for documents whose front matter names none. */
  bibliography?: string | string[];
  csl?: string;
  /** The config file's `labels`: the words of the figures', tables' and callouts' furniture. */
  labels?: LabelOverrides;
}

/** A message of the parse, as plain data. */
export interface ParseMessage {
  reason: string;
  place?: Point | Position;
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
}

export interface ParseResult {
  /** Absent when a message is fatal. */
  document?: BriefDocument;
  messages: ParseMessage[];
  /** The links, as written (see `linkTargets`); absent when the parse failed before them. */
  linkTargets?: LinkTarget[];
}

/** Markdown → document model: the stages, the images read from the document's folder, the compiler. */
export async function parseDocument({
  path,
  value,
  allowNet,
  labels,
  accent,
  bibliography,
  csl,
}: ParseRequest): Promise<ParseResult> {
  const file = new VFile({ path, value, data: { labelOverrides: labels ?? {} } });
  // The citations stage reads the bibliography and style through this, under the images' rules.
  file.data.citationSources = { bibliography, csl, read: (name) => readBeside(path, name) };
  const failed = () => file.messages.some((message) => message.fatal);
  let document: BriefDocument | undefined;
  try {
    const tree = await runStages(file);
    if (!failed()) {
      await inlineImages(tree, file, { allowNet });
      await renderCharts(tree, file, { allowNet, accent });
      document = processor.stringify(tree, file) as unknown as BriefDocument;
    }
  } catch (error: unknown) {
    recordFailure(file, error, 'parse');
  }
  const messages = file.messages.map(({ reason, place, ruleId, source, fatal }) => ({
    reason,
    place,
    ruleId,
    source,
    fatal,
  }));
  return { document: failed() ? undefined : document, messages, linkTargets: file.data.linkTargets };
}
