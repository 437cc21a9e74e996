/// <reference lib="dom" />

/**
 * Fit each label of the summary's left rail (`.row > h2`: "Recommendations", "Handlungsempfehlungen")
 * to the rail's width, word by word: a word too long for it is set tighter, then smaller (to three
 * quarters of its size at least), rather than broken letters from its end ("RECOMMENDATIO NS").
 * Only a word that fits at no size is broken. Runs in the page after the type size is fitted: a
 * smaller label is never taller, so the page still fits. Self-contained: sent as source text.
 */
export function fitRailLabels(): number {
  let changed = 0;
  for (const label of document.querySelectorAll<HTMLElement>('.row > h2')) {
    label.style.overflowWrap = 'normal';
    const overflows = () => label.scrollWidth > label.clientWidth + 0.5;
    if (!overflows()) {
      label.style.removeProperty('overflow-wrap');
      continue;
    }
    changed++;
    const size = Number.parseFloat(getComputedStyle(label).fontSize);
    label.style.letterSpacing = '0.02em';
    for (let scale = 0.95; overflows() && scale >= 0.75; scale -= 0.05) label.style.fontSize = `${size * scale}px`;
    if (overflows()) label.style.overflowWrap = 'anywhere';
  }
  return changed;
}
