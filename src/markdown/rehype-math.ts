import type { Element, ElementContent, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';

/**
 * Typeset math at build time with KaTeX: `<code class="language-math">` (inline math, from `$…$`) and
 * `<pre><code class="language-math">` (display math, from `$$…$$`, ```` ```math ```` and MyST's `{math}`)
 * become KaTeX's HTML, drawn in KaTeX's fonts (served by the fonts stage), each formula an image whose
 * alternative text is its TeX. It runs after the sanitizer: KaTeX's output needs its inline styles, and it is
 * made from the TeX alone, with KaTeX's `trust` off (no `\href`, `\url`, `\includegraphics`, no HTML
 * attributes), its macro expansion bounded and no size over 10em. No script reaches the page.
 * TeX KaTeX cannot read is a warning at its place, and prints as the TeX it is, in code type.
 */
export default function rehypeMath() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'element', (element, parents) => {
      if (!classes(element).includes('language-math')) return;
      let parent = parents.at(-1);
      let scope: Element = element;
      let display = false;
      // `pre > code.language-math` is display math: the `pre` goes.
      if (element.tagName === 'code' && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents.at(-2);
        display = true;
      }
      if (!parent) return;
      const tex = toText(scope, { whitespace: 'pre' }).trim();
      const rendered = typeset(tex, display, file, scope);
      const index = parent.children.indexOf(scope);
      parent.children.splice(index, 1, ...rendered);
      return SKIP;
    });
  };
}

function typeset(tex: string, display: boolean, file: VFile, scope: Element): ElementContent[] {
  const id = typeof scope.properties.id === 'string' ? scope.properties.id : undefined;
  let html: string;
  try {
    html = render(tex, display);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
    warn(file, `math KaTeX cannot typeset (${reason}): it prints as TeX; fix the TeX`, {
      place: scope.position,
      rule: 'math',
    });
    const code: Element = { type: 'element', tagName: 'code', properties: { className: ['math-error'] }, children: [] };
    code.children.push({ type: 'text', value: tex });
    return [display ? { type: 'element', tagName: 'pre', properties: { id }, children: [code] } : code];
  }
  // KaTeX puts a zero-width space in each `vlist-s` cell; Chromium prints it as a marked span outside the
  // structure tree, which PDF/UA-1 refuses (7.1). The empty cell lays out the same.
  const nodes = fromHtmlIsomorphic(html.replaceAll('\u200b', ''), { fragment: true }).children as ElementContent[];
  labelled(nodes, tex);
  if (display) {
    // One block per equation, with the label's id, so that `{eq}` references and the PDF's links find it.
    return [{ type: 'element', tagName: 'div', properties: { className: ['equation'], id }, children: nodes }];
  }
  return nodes;
}

/**
 * Each formula is one image to assistive technology, its TeX the alternative text: Chromium then tags it
 * as a `Figure` with that `/Alt` in the PDF (MathML, or KaTeX's HTML left as it is, is tagged as nothing,
 * or as artifacts: invisible to a screen reader).
 */
function labelled(nodes: ElementContent[], tex: string): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    // Display math is `.katex-display > .katex`.
    if (!classes(node).includes('katex')) {
      labelled(node.children, tex);
      continue;
    }
    node.properties.role = 'img';
    node.properties.ariaLabel = tex.replace(/\n\\tag\{\d+\}$/, '');
    for (const child of node.children) if (child.type === 'element') delete child.properties.ariaHidden;
  }
}

/**
 * KaTeX's HTML for `tex`. Display math with `&` or `\\` outside an environment is a set of aligned lines,
 * as MyST and Sphinx wrap it (`split`): tried as `aligned` when KaTeX cannot read it alone.
 */
function render(tex: string, display: boolean): string {
  try {
    return katex.renderToString(tex, { ...options, displayMode: display });
  } catch (error: unknown) {
    if (!display || !/&|\\\\/.test(tex) || /\\begin\{/.test(tex)) throw error;
    const tag = /\n(\\tag\{\d+\})$/.exec(tex);
    const body = tag ? tex.slice(0, tag.index) : tex;
    try {
      return katex.renderToString(`\\begin{aligned}${body}\\end{aligned}${tag?.[1] ?? ''}`, {
        ...options,
        displayMode: true,
      });
    } catch {
      throw error;
    }
  }
}

const options: katex.KatexOptions = {
  // KaTeX's MathML would sit unread inside an image, and print nothing: its HTML is what prints.
  output: 'html',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxSize: 10,
  maxExpand: 1000,
};

function classes(element: Element): unknown[] {
  const className = element.properties.className;
  return Array.isArray(className) ? className : [];
}
