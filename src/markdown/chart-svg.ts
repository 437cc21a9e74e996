import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { type Schema, sanitize } from 'hast-util-sanitize';
import { visit } from 'unist-util-visit';

// Vega's SVG holds the data's text (labels, titles): it is read into a tree and cut down to drawing
// elements and presentation attributes — no script, no foreignObject, no image, no link, no style.
const drawing = ['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan'];
const shapes = ['defs', 'clipPath', 'linearGradient', 'radialGradient', 'stop'];
const presentation = [
  'transform',
  'd',
  'x',
  'y',
  'dx',
  'dy',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'width',
  'height',
  'points',
  'viewBox',
  'fill',
  'fillOpacity',
  'fillRule',
  'stroke',
  'strokeWidth',
  'strokeOpacity',
  'strokeDasharray',
  'strokeDashoffset',
  'strokeLinecap',
  'strokeLinejoin',
  'strokeMiterlimit',
  'opacity',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'textAnchor',
  'dominantBaseline',
  'clipPath',
  'id',
  'offset',
  'stopColor',
  'stopOpacity',
  'gradientUnits',
  'display',
];

const schema: Schema = {
  tagNames: [...drawing, ...shapes],
  attributes: { '*': presentation },
  // Ids are the chart's own (made unique below), referenced by `clip-path="url(#…)"`.
  clobber: [],
  strip: ['script', 'style', 'foreignObject', 'title', 'desc', 'image', 'a'],
  protocols: {},
};

/**
 * Vega's SVG → a sanitized `<svg>` element for the page: described by `alt` (role `img`, its name),
 * its ids prefixed with `prefix` so that two charts never share one.
 */
export function chartSvg(svg: string, alt: string, prefix: string): Element {
  const tree = sanitize(fromHtml(svg, { fragment: true, space: 'svg' }), schema) as Root;
  const root = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'svg');
  if (!root) throw new Error('the chart was not drawn');
  visit(root, 'element', (node) => {
    if (typeof node.properties.id === 'string') node.properties.id = `${prefix}${node.properties.id}`;
    const clip = node.properties.clipPath;
    if (typeof clip === 'string') node.properties.clipPath = clip.replace(/url\(#([^)]+)\)/, `url(#${prefix}$1)`);
    for (const key of ['fill', 'stroke'])
      if (typeof node.properties[key] === 'string' && /url\(/.test(node.properties[key]))
        node.properties[key] = (node.properties[key] as string).replace(/url\(#([^)]+)\)/, `url(#${prefix}$1)`);
  });
  root.properties = { ...root.properties, role: 'img', ariaLabel: alt, className: ['chart__svg'] };
  return root;
}
