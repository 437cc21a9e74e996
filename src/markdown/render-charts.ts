import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fail } from '../messages.js';
import { chartSvg } from './chart-svg.js';
import { chartTheme } from './chart-theme.js';
import { readBeside } from './read-beside.js';
import type { ChartRequest } from './rehype-charts.js';

export interface ChartOptions {
  /** Let a spec load data from `http(s)` URLs. @default false */
  allowNet?: boolean;
  /** The brief's accent colour (a CSS colour). */
  accent?: string;
}

/**
 * Draw the charts that rehype-charts.ts left as figures: Vega-Lite → Vega → SVG, in Node, with no
 * canvas and no page script. A spec's data files are read from the document's folder (read-beside.ts);
 * a URL is refused unless `allowNet`, and Vega's own loader refuses everything else it would fetch.
 * Vega is loaded here, on the first chart: a document without one never loads it.
 * This is the pipeline's I/O step for charts; a spec Vega cannot draw fails the document at its block.
 */
export async function renderCharts(tree: Root, file: VFile, options: ChartOptions = {}): Promise<void> {
  const requests = file.data.charts;
  if (!requests?.length) return;
  const figures: Element[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName === 'figure' && node.properties.dataChart !== undefined) {
      figures.push(node);
      return SKIP;
    }
  });
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  for (const figure of figures) {
    const index = Number(figure.properties.dataChart);
    delete figure.properties.dataChart;
    const request = requests[index]!;
    const problem = (reason: string) =>
      fail(file, `vega-lite chart: ${reason}`, { place: request.place, rule: 'chart' });
    const errors: string[] = [];
    try {
      await inlineData(request, file, options, problem);
      // A single view fills the column's width (about 160 mm), unless the spec says otherwise.
      if (request.spec.mark && request.spec.width === undefined) request.spec.width = 440;
      const { spec } = vegaLite.compile(request.spec as never, { config: chartTheme(options.accent) as never });
      // Vega logs what goes wrong rather than throwing, and a failed load only as a warning (the chart
      // then draws empty): both fail the document; other warnings are not the reader's business.
      const logger = vega.logger(vega.Warn);
      const said = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
      logger.error = (...args: unknown[]) => {
        errors.push(said(args));
        return logger;
      };
      logger.warn = (...args: unknown[]) => {
        if (/^Loading failed/.test(said(args))) errors.push(said(args));
        return logger;
      };
      const view = new vega.View(vega.parse(spec), { renderer: 'none', loader: loaderFor(vega, options), logger });
      const svg = await view.toSVG();
      view.finalize();
      if (errors.length > 0) throw new Error(errors[0]);
      const plot = figure.children.find((child): child is Element => child.type === 'element');
      plot?.children.push(chartSvg(svg, request.alt, `chart${index + 1}-`));
    } catch (error: unknown) {
      if (error === stop) return;
      problem(`${(error as Error).message.split('\n')[0]}: fix the spec`);
      return;
    }
  }
}

const stop = Symbol('stop');

/** Each `data: {url}` of the spec (at any depth: layers, lookups) replaced by the file's text, read beside the document. */
async function inlineData(
  request: ChartRequest,
  file: VFile,
  options: ChartOptions,
  problem: (reason: string) => void,
): Promise<void> {
  const sources: Array<Record<string, unknown>> = [];
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    const record = value as Record<string, unknown>;
    if (typeof record.url === 'string' && !('values' in record)) sources.push(record);
    for (const child of Object.values(record)) walk(child);
  };
  walk(request.spec);
  for (const source of sources) {
    const url = source.url as string;
    if (/^(?:https?:)?\/\//i.test(url)) {
      if (options.allowNet) continue;
      problem(`data \`${url}\` is on the network and was not fetched (allow the network with --allow-net)`);
      throw stop;
    }
    const read = await readBeside(file.path, url);
    if (!read.ok) {
      problem(`data \`${url}\` ${read.reason}`);
      throw stop;
    }
    const format = (source.format ?? {}) as Record<string, unknown>;
    const type = format.type ?? (/\.tsv$/i.test(url) ? 'tsv' : /\.json$/i.test(url) ? 'json' : 'csv');
    delete source.url;
    source.values = read.text;
    source.format = { ...format, type };
  }
}

/** Vega's loader: nothing at all offline; `http(s)` only, never a file, when the network is allowed. */
function loaderFor(vega: typeof import('vega'), options: ChartOptions) {
  if (options.allowNet) return vega.loader({ mode: 'http' });
  const refuse = async (uri: unknown) => {
    throw new Error(
      `\`${String(typeof uri === 'string' ? uri : (uri as { url?: string })?.url)}\` was not loaded (no network)`,
    );
  };
  return { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse } as never;
}
