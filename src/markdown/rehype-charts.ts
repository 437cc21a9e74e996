import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { fail } from '../messages.js';
import { labels } from '../render/labels.js';
import { chartAlt } from './chart-alt.js';

/** A chart to draw: its Vega-Lite spec, where it is written, and its description. */
export interface ChartRequest {
  spec: Record<string, unknown>;
  place?: Position;
  alt: string;
}

declare module 'vfile' {
  interface DataMap {
    /** The charts of the document, by the `data-chart` index of their figure (see render-charts.ts). */
    charts: ChartRequest[];
  }
}

const captionLine = /^\s*(Figure|Source):\s*/i;

/**
 * A ```` ```vega-lite ```` block (a JSON or YAML spec) becomes a figure to draw: a `<figure>` whose
 * caption is the spec's `title` (or a `Figure:` line after the block) and a `Source:` line after the
 * block, numbered with the images by rehype-captions.ts. The drawing is render-charts.ts's, after the
 * stages (it may read data files); the spec waits in `file.data.charts`. A spec that is not valid JSON
 * or YAML, or not an object, fails the document at the block.
 */
export default function charts() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'code',
      );
      const classes = code?.properties.className;
      if (!code || !Array.isArray(classes) || !classes.includes('language-vega-lite')) return;
      // As written: toText would fold the code's line breaks, which YAML needs.
      const written = code.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      const spec = readSpec(written, file, node.position);
      if (!spec) return SKIP;
      const title = titleOf(spec);
      const { lines: following, count } = captionLines(parent.children, index + 1);
      const caption = following.find((line) => line.kind === 'figure')?.text ?? title;
      const source = following.find((line) => line.kind === 'source');
      file.data.charts ??= [];
      const charts = file.data.charts;
      charts.push({ spec, place: node.position, alt: chartAlt(spec, caption) });
      const captionContent: ElementContent[] = [
        ...(caption ? [{ type: 'text', value: caption } as const] : []),
        ...(source
          ? [
              ...(caption ? [{ type: 'text', value: ' ' } as const] : []),
              element('span', { className: ['chart__source'] }, [
                { type: 'text', value: `${labels.source}: ` },
                ...source.children,
              ]),
            ]
          : []),
      ];
      const figure = element(
        'figure',
        { className: ['figure', 'chart'], role: 'group', dataChart: charts.length - 1 },
        [element('div', { className: ['chart__plot'] }, []), element('figcaption', {}, captionContent)],
      );
      parent.children.splice(index, 1 + count, figure);
      return [SKIP, index + 1];
    });
  };
}

function readSpec(text: string, file: VFile, place: Position | undefined): Record<string, unknown> | undefined {
  let spec: unknown;
  try {
    spec = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { schema: 'core', maxAliasCount: 50 });
  } catch (error: unknown) {
    const reason = (error as Error).message.split('\n')[0];
    fail(file, `vega-lite chart: the spec is not valid JSON or YAML (${reason})`, { place, rule: 'chart' });
    return undefined;
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
    fail(file, 'vega-lite chart: the spec must be an object (`mark`, `encoding`, `data`…)', { place, rule: 'chart' });
    return undefined;
  }
  return spec as Record<string, unknown>;
}

/** The spec's title as text, taken out of the spec: the caption says it, the drawing need not. */
function titleOf(spec: Record<string, unknown>): string | undefined {
  const title = spec.title;
  delete spec.title;
  const text = typeof title === 'object' && title !== null ? (title as { text?: unknown }).text : title;
  return Array.isArray(text) ? text.join(' ') : typeof text === 'string' && text.trim() ? text.trim() : undefined;
}

interface CaptionLine {
  kind: 'figure' | 'source';
  text: string;
  children: ElementContent[];
}

/** The `Figure:` and `Source:` paragraphs right after the block (blank text between them counts for nothing). */
function captionLines(
  siblings: Root['children'] | ElementContent[],
  from: number,
): { lines: CaptionLine[]; count: number } {
  const lines: CaptionLine[] = [];
  let at = from;
  for (;;) {
    while (siblings[at]?.type === 'text' && !(siblings[at] as { value: string }).value.trim()) at++;
    const candidate = siblings[at];
    if (candidate?.type !== 'element' || candidate.tagName !== 'p') break;
    const match = captionLine.exec(toText(candidate));
    if (!match || lines.length >= 2) break;
    const children = [...candidate.children];
    const first = children[0];
    if (first?.type === 'text') children[0] = { ...first, value: first.value.replace(captionLine, '') };
    lines.push({
      kind: match[1]!.toLowerCase() as CaptionLine['kind'],
      text: toText(candidate).replace(captionLine, ''),
      children,
    });
    at++;
  }
  return { lines, count: lines.length > 0 ? at - from : 0 };
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
