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

/** A cell and the columns it covers: from `column`, `span` of them (its colspan). */
export interface PlacedCell {
  cell: Element;
  column: number;
  span: number;
}

/**
 * Each row's cells with the column each starts in, as HTML lays a table out: a cell is placed in the
 * first column that no cell of a row above covers with its rowspan, and takes as many as its colspan.
 */
export function placedCells(rows: Element[]): PlacedCell[][] {
  // For each column, how many more rows a cell from above covers it.
  let covered: number[] = [];
  return rows.map((row) => {
    const placed: PlacedCell[] = [];
    let column = 0;
    const below = covered.map((left) => Math.max(0, left - 1));
    for (const cell of cellsOf(row)) {
      while ((covered[column] ?? 0) > 0) column++;
      const across = spanOf(cell.properties.colSpan);
      const down = spanOf(cell.properties.rowSpan);
      placed.push({ cell, column, span: across });
      for (let at = column; at < column + across; at++) below[at] = down - 1;
      column += across;
    }
    covered = below;
    return placed;
  });
}

/** A span attribute as HTML reads it: a positive whole number, else 1 (capped as browsers cap it). */
export function spanOf(value: unknown): number {
  const number = Number.parseInt(String(value ?? 1), 10);
  return Number.isFinite(number) && number > 0 ? Math.min(number, 1000) : 1;
}
