import { defaultAccent } from '../config/options.js';

/**
 * The Vega config that makes a chart look like the brief's: its accent first in every colour range,
 * quiet greys for axes and grids, no background, sizes in the brief's small type. The fonts are the
 * page's own: the template's CSS sets `.chart__svg text` to the brief's sans-serif, which wins over the
 * `font` Vega writes (it is used only to measure labels).
 */
export function chartTheme(accent = defaultAccent): Record<string, unknown> {
  const ink = '#1d1d1f';
  const muted = '#5b5b60';
  const rule = '#c9c9cf';
  const categories = [accent, '#5b6b7f', '#c7a14a', '#6f8f6a', '#9b7fb0', '#b56b45', '#4f8a9a', '#8a8a8f'];
  return {
    background: null,
    font: 'Source Sans 3',
    padding: 4,
    view: { stroke: null, continuousWidth: 420, continuousHeight: 220 },
    mark: { color: accent },
    range: { category: categories, ordinal: { scheme: 'greys' }, ramp: ['#eeeef1', accent] },
    axisX: { labelAngle: 0 },
    axis: {
      labelColor: muted,
      titleColor: ink,
      domainColor: rule,
      tickColor: rule,
      gridColor: '#e6e6ea',
      labelFontSize: 9,
      titleFontSize: 9.5,
      titleFontWeight: 600,
    },
    legend: { labelColor: muted, titleColor: ink, labelFontSize: 9, titleFontSize: 9.5 },
    title: { color: ink, fontSize: 11 },
  };
}
