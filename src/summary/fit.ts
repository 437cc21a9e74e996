/// <reference lib="dom" />
import type { PrintPage } from '../browser/print-job.js';
import { fitRailLabels } from './rail-labels.js';

/** How a summary was made to fit its one page. */
export interface FitResult {
  /** The root font size chosen, in pt, between the template's `--fit-min` and `--fit-max`. */
  fontSize: number;
  /** What was left out, in the order it was dropped: each block's `data-drop-name`, the `data-drop-group` it was in, and its `data-drop-place` in the Markdown. */
  dropped: Array<{ group?: string; name: string; place?: { line: number; column: number } }>;
  /** Whether it fits: false only when nothing more may be dropped. */
  fits: boolean;
  /** Layouts measured (print media, the page's content box as the viewport). */
  measurements: number;
}

interface PageBox {
  width: number;
  height: number;
  max: number;
  min: number;
  /** The size below `min` the type may still go to once nothing more may be left out (`--fit-floor`). */
  floor: number;
}

/**
 * Fit the loaded summary to one page, before it is printed once. The template sets the type range
 * on `:root` (`--fit-max`, `--fit-min`, in pt) and sizes everything in `rem`; the page box comes
 * from its `@page` rules. The root size starts at the maximum, so short input keeps it and leaves
 * whitespace at the bottom; long input is measured and scaled down (usually one more layout). If
 * it still overflows at the minimum, blocks marked `data-drop` go, the highest `data-drop` first; if
 * nothing more may go, the type shrinks on to `--fit-floor` (a short document's summary sets
 * `--fit-min` above it: fewer items before smaller type).
 * The page runs no script: this code is evaluated from outside, through the DevTools protocol. The
 * renderer's pages are laid out with print media (see `preparePage`), so a measure is as printed.
 */
export async function fitToOnePage(page: PrintPage): Promise<FitResult> {
  const box = await page.evaluate(readPageBox);
  await page.setViewport(Math.floor(box.width), Math.floor(box.height));
  const result = await page.evaluate(fit, box);
  await page.evaluate(fitRailLabels);
  return result;
}

// Runs in the page. Self-contained: it is sent as source text.
function readPageBox(): PageBox {
  const px: Record<string, number> = { px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6, pt: 4 / 3, pc: 16 };
  const length = (value: string) => {
    const match = /^(-?[\d.]+)([a-z]*)$/i.exec(value.trim());
    return match ? Number(match[1]) * (px[(match[2] || 'px').toLowerCase()] ?? 0) : 0;
  };
  const named: Record<string, [number, number]> = {
    a5: [148, 210],
    a4: [210, 297],
    a3: [297, 420],
    b5: [176, 250],
    b4: [250, 353],
    'jis-b5': [182, 257],
    'jis-b4': [257, 364],
    letter: [215.9, 279.4],
    legal: [215.9, 355.6],
    ledger: [279.4, 431.8],
  };
  // Chromium prints US Letter when no size is given.
  let size: [number, number] = [length('215.9mm'), length('279.4mm')];
  const margin = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSPageRule) || rule.selectorText !== '') continue;
      const words = rule.style.getPropertyValue('size').trim().toLowerCase().split(/\s+/).filter(Boolean);
      const paper = words.map((word) => named[word]).find(Boolean);
      const lengths = words.map(length).filter((value) => value > 0);
      const next: [number, number] | undefined = paper
        ? [length(`${paper[0]}mm`), length(`${paper[1]}mm`)]
        : lengths.length
          ? [lengths[0]!, lengths[1] ?? lengths[0]!]
          : undefined;
      if (next)
        size = words.includes('landscape')
          ? [Math.max(...next), Math.min(...next)]
          : words.includes('portrait')
            ? [Math.min(...next), Math.max(...next)]
            : next;
      for (const side of ['top', 'right', 'bottom', 'left'] as const) {
        const value = rule.style.getPropertyValue(`margin-${side}`);
        if (value) margin[side] = length(value);
      }
    }
  }
  const root = getComputedStyle(document.documentElement);
  const points = (name: string, fallback: number) => length(root.getPropertyValue(name) || `${fallback}pt`) * 0.75;
  return {
    width: size[0] - margin.left - margin.right,
    height: size[1] - margin.top - margin.bottom,
    max: points('--fit-max', 11),
    min: points('--fit-min', 8),
    floor: points('--fit-floor', points('--fit-min', 8)),
  };
}

// Runs in the page. Self-contained: it is sent as source text.
function fit({ height, max, min, floor }: PageBox): FitResult {
  // A pixel's slack for the difference between the measured and the printed layout.
  const limit = Math.floor(height) - 1;
  let measurements = 0;
  const setSize = (pt: number) => document.documentElement.style.setProperty('font-size', `${pt}pt`);
  const measure = () => {
    measurements++;
    return document.body.getBoundingClientRect().bottom;
  };

  let size = max;
  setSize(size);
  let used = measure();
  if (used > limit) {
    // Text height grows about with the square of the size (more lines, each taller); spacing set
    // in pt does not scale at all, so aim a little lower than the square root says.
    size = Math.max(min, max * (limit / used) ** 0.55 * 0.99);
    for (let tries = 0; tries < 4; tries++) {
      setSize(size);
      used = measure();
      if (used <= limit || size === min) break;
      size = Math.max(min, size * (limit / used) ** 0.6 * 0.99);
    }
    if (used > limit && size !== min) {
      size = min;
      setSize(size);
      used = measure();
    }
  }

  const dropped: FitResult['dropped'] = [];
  if (used > limit) {
    const blocks = Array.from(document.querySelectorAll<HTMLElement>('[data-drop]')).sort(
      (a, b) => Number(b.dataset.drop) - Number(a.dataset.drop),
    );
    for (const block of blocks) {
      const group = block.closest<HTMLElement>('[data-drop-group]');
      const parent = block.parentElement;
      block.remove();
      // A heading over a list that has lost all its items goes with them.
      if (group && parent && parent.children.length === 0) group.remove();
      const [line, column] = (block.dataset.dropPlace ?? '').split(':').map(Number);
      dropped.push({
        group: group?.dataset.dropGroup,
        name: block.dataset.dropName ?? 'a block',
        ...(line && column ? { place: { line, column } } : {}),
      });
      used = measure();
      if (used <= limit) break;
    }
  }
  // Nothing more may go (marked takeaways, a long front matter summary): smaller type, down to the floor.
  while (used > limit && size > floor) {
    size = Math.max(floor, size - 0.5);
    setSize(size);
    used = measure();
  }
  return { fontSize: Math.round(size * 100) / 100, dropped, fits: used <= limit, measurements };
}
