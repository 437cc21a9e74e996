import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { cellsOf, rowsOf, spanOf } from './hast-table.js';

/**
 * Every row of a table gets every cell, and every cell something Chromium tags. Chromium writes no
 * TD structure element for a cell with nothing to paint, so a row with empty cells (`| India | | |`)
 * or one shorter than its header would be tagged with fewer cells than the header has columns, which
 * PDF/UA-1 forbids (veraPDF rule 7.2-43). A short row is filled with empty cells (as remark-rehype
 * does for a pipe table, but raw HTML tables are left as written), and an empty cell holds a no-break
 * space: it is tagged, and its class `cell--empty` (line-height 0 in the templates) keeps a row of
 * empty cells as low as before.
 */
export default function tableCells() {
  return (tree: Root) => {
    visit(tree, 'element', (table) => {
      if (table.tagName !== 'table') return;
      const rows = rowsOf(table);
      const widths = rowWidths(rows);
      const columns = Math.max(0, ...widths);
      rows.forEach((row, at) => {
        const tag = at === 0 && cellsOf(row).every((cell) => cell.tagName === 'th') ? 'th' : 'td';
        for (let missing = columns - widths[at]!; missing > 0; missing--)
          row.children.push({ type: 'element', tagName: tag, properties: {}, children: [] });
        for (const cell of cellsOf(row))
          if (isEmpty(cell)) {
            cell.children.push({ type: 'text', value: '\u00a0' });
            cell.properties.className = [...classesOf(cell), 'cell--empty'];
          }
      });
    });
  };
}

/** How many columns each row covers: its cells' spans, and the cells of rows above that span into it. */
function rowWidths(rows: Element[]): number[] {
  let carried: number[] = [];
  return rows.map((row) => {
    const width = carried.length + cellsOf(row).reduce((sum, cell) => sum + spanOf(cell.properties.colSpan), 0);
    const below = carried.map((left) => left - 1);
    for (const cell of cellsOf(row)) {
      const down = spanOf(cell.properties.rowSpan);
      for (let column = 0; column < spanOf(cell.properties.colSpan); column++) if (down > 1) below.push(down - 1);
    }
    carried = below.filter((left) => left > 0);
    return width;
  });
}

function classesOf(cell: Element): string[] {
  const value = cell.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return value == null || value === false ? [] : String(value).split(/\s+/);
}

/** A cell with no text and no image: nothing Chromium would paint, so nothing it would tag. */
function isEmpty(cell: Element): boolean {
  let empty = true;
  visit(cell, (node) => {
    if ((node.type === 'text' && /\S/.test(node.value)) || (node.type === 'element' && node.tagName === 'img'))
      empty = false;
  });
  return empty;
}
