import type { VFile } from 'vfile';
import { type LabelOverrides, type Labels, labelsFor } from '../labels/labels.js';

declare module 'vfile' {
  interface DataMap {
    /** The config file's `labels`, given with the parse request. */
    labelOverrides: LabelOverrides;
  }
}

/** The furniture's words in the document's language, the config's overrides applied. */
export function documentLabels(file: VFile): Labels {
  return labelsFor(file.data.frontMatter?.lang ?? 'en', file.data.labelOverrides);
}
