// A chart's text alternative, for the PDF's /Alt: the spec's own description, else one made from its encoding.

const kinds: Record<string, string> = {
  bar: 'Bar chart',
  line: 'Line chart',
  area: 'Area chart',
  point: 'Scatter plot',
  circle: 'Scatter plot',
  square: 'Scatter plot',
  tick: 'Strip plot',
  rect: 'Heat map',
  arc: 'Pie chart',
  boxplot: 'Box plot',
  errorbar: 'Error bar chart',
  rule: 'Chart',
  text: 'Table chart',
  trail: 'Line chart',
  geoshape: 'Map',
};

type Spec = Record<string, unknown>;
type Channel = { field?: unknown; title?: unknown; aggregate?: unknown } | undefined;

/** `description`, else "Bar chart of value by year, by kind" (with the caption when there is one). */
export function chartAlt(spec: Spec, caption?: string): string {
  if (typeof spec.description === 'string' && spec.description.trim()) return spec.description.trim();
  const view = firstView(spec);
  const mark = typeof view.mark === 'string' ? view.mark : (view.mark as { type?: string } | undefined)?.type;
  const kind = kinds[mark ?? ''] ?? 'Chart';
  const encoding = (view.encoding ?? {}) as Record<string, Channel>;
  const name = (channel: Channel) => {
    if (!channel) return undefined;
    const title = typeof channel.title === 'string' ? channel.title : undefined;
    const field = typeof channel.field === 'string' ? channel.field : undefined;
    return (
      title ??
      (field ? (typeof channel.aggregate === 'string' ? `${channel.aggregate} of ${field}` : field) : undefined)
    );
  };
  const measure = name(encoding.y) ?? name(encoding.theta) ?? name(encoding.size);
  const by = [name(encoding.x), name(encoding.color)].filter(Boolean);
  const what = mark === 'arc' ? name(encoding.color) : undefined;
  let alt = kind;
  if (mark === 'arc' && measure) alt += ` of ${measure}${what ? ` by ${what}` : ''}`;
  else if (measure && by.length > 0) alt += ` of ${measure} by ${by.join(', by ')}`;
  else if (measure ?? by[0]) alt += ` of ${measure ?? by[0]}`;
  return caption ? `${alt}: ${caption}` : alt;
}

/** The view whose marks say what the chart is: the spec, else its first layer or sub-view. */
function firstView(spec: Spec): Spec {
  if (spec.mark) return spec;
  for (const key of ['layer', 'hconcat', 'vconcat', 'concat']) {
    const views = spec[key];
    if (Array.isArray(views) && views[0] && typeof views[0] === 'object') return firstView(views[0] as Spec);
  }
  if (spec.spec && typeof spec.spec === 'object') return firstView(spec.spec as Spec);
  return spec;
}
