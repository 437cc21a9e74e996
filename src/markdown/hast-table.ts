// Reading a hast table's rows and cells, for the rehype stages that reshape tables.
import type { Element } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** The rows of a table, not those of a table inside one of its cells (that one is that cell's content). */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  visit(table, 'element', (node) => {
    if (node.tagName === 'tr') {
      rows.push(node);
      return SKIP;
    }
    return node !== table && node.tagName === 'table' ? SKIP : undefined;
  });
  return rows;
}

/** The `td` and `th` of a row. */
export function cellsOf(row: Element): Element[] {
  return row.children.filter(
    (cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'),
  );
}
