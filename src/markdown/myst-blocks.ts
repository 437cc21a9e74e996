import type { List, ListItem, Nodes, RootContent, Table, TableCell, TableRow } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';

/** MyST admonitions, and Quarto's callouts, by the callout they print as. */
export const callouts: Record<string, string> = {
  note: 'note',
  admonition: 'note',
  seealso: 'note',
  hint: 'tip',
  tip: 'tip',
  important: 'important',
  attention: 'important',
  warning: 'warning',
  caution: 'caution',
  danger: 'caution',
  error: 'caution',
};

/** A MyST directive's body split into its options (`:name: x` lines, or a `---` YAML block) and the rest. */
export function directiveOptions(body: string): { options: Record<string, string>; rest: string; skipped: number } {
  const lines = body.split('\n');
  const options: Record<string, string> = {};
  let at = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      for (const line of lines.slice(1, end)) {
        const match = /^\s*([\w-]+)\s*:\s*(.*)$/.exec(line);
        if (match) options[match[1]!] = match[2]!.replace(/^["']|["']$/g, '');
      }
      at = end + 1;
    }
  } else {
    while (at < lines.length) {
      const match = /^\s*:([\w-]+):\s*(.*)$/.exec(lines[at]!);
      if (!match) break;
      options[match[1]!] = match[2]!.trim();
      at++;
    }
  }
  return { options, rest: lines.slice(at).join('\n'), skipped: at };
}

/** A MyST `{list-table}`'s body (a list of rows, each a list of cells) as a GFM table; none if it is not one. */
export function listTable(children: RootContent[]): Table | undefined {
  const rows = children.find((node): node is List => node.type === 'list');
  if (!rows) return undefined;
  const tableRows = rows.children.map((row: ListItem): TableRow => {
    const cells = row.children.find((node): node is List => node.type === 'list');
    return {
      type: 'tableRow',
      children: (cells?.children ?? []).map(
        (cell): TableCell => ({
          type: 'tableCell',
          // A cell holds phrasing content: its paragraphs run on.
          children: cell.children.flatMap((block) =>
            'children' in block && block.type === 'paragraph' ? block.children : [],
          ),
        }),
      ),
    };
  });
  if (tableRows.length === 0 || tableRows.every((row) => row.children.length === 0)) return undefined;
  const width = Math.max(...tableRows.map((row) => row.children.length));
  for (const row of tableRows)
    while (row.children.length < width) row.children.push({ type: 'tableCell', children: [] });
  return { type: 'table', children: tableRows };
}

/** Move the positions of a tree parsed from a directive's body to where that body is in the file. */
export function shiftPositions(tree: Nodes, start: Point & { offset: number }): void {
  visit(tree, (node) => {
    for (const point of [node.position?.start, node.position?.end]) {
      if (!point) continue;
      if (point.line === 1) point.column += start.column - 1;
      point.line += start.line - 1;
      if (point.offset !== undefined) point.offset += start.offset;
    }
  });
}

/** The plain text of nodes, for an image's caption. */
export function plainText(nodes: RootContent[]): string {
  return nodes
    .map((node) => textOf(node))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A MyST or Quarto label as Pandoc-crossref writes it: `fig-x` → `fig:x`; a bare name is a section's. */
export function crossrefLabel(label: string, kind?: string): string {
  const match = /^(fig|tbl|tab|sec|eq)[-:](.+)$/i.exec(label);
  if (match) return `${match[1]!.toLowerCase() === 'tab' ? 'tbl' : match[1]!.toLowerCase()}:${match[2]}`;
  return `${kind ?? 'sec'}:${label}`;
}
