import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { cellsOf, placedCells, rowsOf } from './hast-table.js';

/**
 * Widths of the text column in points, portrait and landscape, the smaller of A4's and Letter's
 * (templates/brief/style.css: 22 mm side margins). The estimate is deliberately on the safe side:
 * a table that is still wider than it thought wraps its cells (`overflow-wrap: anywhere`), never
 * running off the page.
 */
const portrait = 465;
const landscape = 655;
/** The body's table type size, and the smallest it may be set in. */
const sizes = [9, 8, 7] as const;
/** An average character of the sans face, in ems; a cell's padding, in points. */
const charWidth = 0.55;
const padding = 7;
/**
 * How many characters a cell's text is allowed to wrap to before its column must grow: generous in
 * portrait; on a landscape page narrower, down to a few words a line, before a table is split.
 */
const wrap = { portrait: 22, landscape: 10, split: 14 };

/**
 * Wide tables lose nothing (pipe and HTML tables alike). In order: tighter type (never below 7 pt),
 * then the table on its own landscape page (`page: wide`, see templates/brief/layout.hbs), then split
 * into groups of columns that each repeat the first column and the header rows, marked as continued,
 * with a warning naming the table. Decided from the columns' text, so the same input lays out the same.
 */
export default function wideTables() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (table, index, parent) => {
      if (table.tagName !== 'table' || !parent || index === undefined) return;
      const rows = rowsOf(table);
      const texts = columnTexts(rows);
      const widths = (at: number) => texts.map(([word, text]) => Math.max(word, Math.min(text, at)));
      const need = (size: number, columns: number[]) =>
        columns.reduce((sum, chars) => sum + chars * charWidth * size + padding, 0);
      if (need(sizes[0], widths(wrap.portrait)) <= portrait) return SKIP;
      const small = sizes.find((size) => need(size, widths(wrap.portrait)) <= portrait);
      if (small) {
        addClass(table, `table--${small}pt`);
        return SKIP;
      }
      const size = sizes.find((size) => need(size, widths(wrap.landscape)) <= landscape);
      const spanned = rows.some((row) => cellsOf(row).some((cell) => Number(cell.properties.colSpan ?? 1) > 1));
      if (size || spanned || texts.length < 3) {
        // Too wide still, or spanning cells that cannot be cut apart: its cells wrap to the landscape page.
        addClass(table, `table--${size ?? 7}pt`);
        parent.children[index] = wrapper([table]);
        return SKIP;
      }
      const groups = columnGroups(widths(wrap.split), (columns) => need(7, columns) <= landscape);
      const name = nameOf(table);
      warn(
        file,
        `table ${name} has ${texts.length} columns, too many for one page: it is printed on landscape pages in ${groups.length} parts, each repeating its first column`,
        { place: table.position?.start, rule: 'wide-table' },
      );
      const parts = groups.map((group, part) => {
        const copy = structuredClone(table);
        // A cell stays in the part that holds the column it starts in, spanning only the part's columns
        // (a cell a rowspan carries down is in the rows below only where it starts).
        const kept = new Set([0, ...group]);
        const rows = rowsOf(copy);
        placedCells(rows).forEach((cells, at) => {
          rows[at]!.children = cells.flatMap(({ cell, column, span }) => {
            if (!kept.has(column)) return [];
            const across = Array.from({ length: span }, (_, step) => column + step).filter((c) => kept.has(c)).length;
            if (span > 1) cell.properties.colSpan = across;
            return [cell];
          });
        });
        const caption = copy.children.find(
          (child): child is Element => child.type === 'element' && child.tagName === 'caption',
        );
        const first = group[0]! + 1;
        const range = `${first === 2 ? '1' : `1, ${first}`}–${group.at(-1)! + 1}`;
        const note = `(columns ${range} of ${texts.length}${part > 0 ? ', continued' : ''})`;
        const text: ElementContent = { type: 'text', value: `${caption ? ' ' : ''}${note}` };
        if (caption) caption.children.push(text);
        else copy.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: [text] });
        addClass(copy, 'table--7pt');
        return copy;
      });
      parent.children[index] = wrapper(parts);
      return SKIP;
    });
  };
}

/** Each column's longest word and longest text, in characters. */
function columnTexts(rows: Element[]): Array<[word: number, text: number]> {
  const columns: Array<[number, number]> = [];
  for (const cells of placedCells(rows))
    cells.forEach(({ cell, column }) => {
      const text = toText(cell).replace(/\s+/g, ' ').trim();
      const word = Math.max(1, ...text.split(' ').map((part) => part.length));
      const [longestWord, longest] = columns[column] ?? [1, 1];
      columns[column] = [Math.max(longestWord, word), Math.max(longest, text.length)];
    });
  return Array.from(columns, (column) => column ?? [1, 1]);
}

/** Columns 1… in groups that fit beside column 0. */
function columnGroups(widths: number[], fits: (columns: number[]) => boolean): number[][] {
  const groups: number[][] = [];
  let group: number[] = [];
  for (let column = 1; column < widths.length; column++) {
    const next = [...group, column];
    if (group.length > 0 && !fits([widths[0]!, ...next.map((at) => widths[at]!)])) {
      groups.push(group);
      group = [column];
    } else group = next;
  }
  if (group.length > 0) groups.push(group);
  // As many parts, evenly filled, when they fit: not nine columns and then two.
  const size = Math.ceil((widths.length - 1) / groups.length);
  const even = groups.map((_, part) =>
    Array.from({ length: size }, (__, at) => 1 + part * size + at).filter((column) => column < widths.length),
  );
  const fitsEvenly = even.every(
    (columns) => columns.length > 0 && fits([widths[0]!, ...columns.map((at) => widths[at]!)]),
  );
  return fitsEvenly ? even : groups;
}

function nameOf(table: Element): string {
  const caption = table.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'caption',
  );
  const text = caption ? toText(caption) : toText(cellsOf(rowsOf(table)[0] ?? table)[0] ?? table);
  const short = text.replace(/\s+/g, ' ').trim().slice(0, 60);
  return short ? `“${short}”` : 'without a caption';
}

function addClass(element: Element, name: string): void {
  const current = element.properties.className;
  element.properties.className = [...(Array.isArray(current) ? current.map(String) : []), name];
}

function wrapper(children: Element[]): Element {
  return { type: 'element', tagName: 'div', properties: { className: ['table-wide'] }, children };
}
