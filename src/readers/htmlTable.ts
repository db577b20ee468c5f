import type { Cell } from '../model.ts';
import { type ChildNode, type Element, inlineMarkup, isElement, isUnseen, parseHtml } from './htmlDom.ts';

/**
 * Reads a `<table>` element into grid rows. Spanned cells are expanded so that every row has one
 * cell per grid column: a `colspan` leaves blank cells to its right (the way header spans look in
 * text dumps), a `rowspan` leaves blank cells below.
 */

export interface HtmlRow {
  readonly cells: readonly Cell[];
  readonly line: number;
}

function spanOf(el: Element, name: 'colspan' | 'rowspan'): number {
  const n = Number.parseInt(el.attribs[name] ?? '1', 10);
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : 1;
}

function childElements(el: Element): Element[] {
  return el.children.filter((c): c is Element => isElement(c) && !isUnseen(c));
}

/** The rows of this table, not of a table nested in one of its cells. */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot')
      rows.push(...rowsOf(child));
  }
  return rows;
}

export function cellsOf(row: Element): Element[] {
  return childElements(row).filter((c) => c.name === 'td' || c.name === 'th');
}

function containsTable(nodes: readonly ChildNode[]): boolean {
  return nodes.some((n) => isElement(n) && (n.name === 'table' || containsTable(n.children)));
}

/** A table used to lay a page out (a table inside one of its cells) rather than a table of data. */
export function isLayoutTable(table: Element): boolean {
  return rowsOf(table).some((row) => cellsOf(row).some((cell) => containsTable(cell.children)));
}

export function readTableElement(table: Element, lineAt: (offset: number | null) => number): HtmlRow[] {
  const rows: HtmlRow[] = [];
  /** pending[col] = how many more rows the cell above still covers. */
  const pending: number[] = [];
  for (const tr of rowsOf(table)) {
    const line = lineAt(tr.startIndex);
    const cells: Cell[] = [];
    let col = 0;
    const take = () => {
      while ((pending[col] ?? 0) > 0) {
        pending[col] = (pending[col] ?? 0) - 1;
        cells.push({ raw: '', at: { line } });
        col++;
      }
    };
    for (const td of cellsOf(tr)) {
      take();
      const colspan = spanOf(td, 'colspan');
      const rowspan = spanOf(td, 'rowspan');
      const at = { line: lineAt(td.startIndex) };
      const raw = inlineMarkup(td.children).trim();
      for (let k = 0; k < colspan; k++) {
        cells.push({ raw: k === 0 ? raw : '', at });
        if (rowspan > 1) pending[col] = rowspan - 1;
        col++;
      }
    }
    take();
    if (cells.length > 0) rows.push({ cells, line });
  }
  return rows;
}

/** `markup` is the text from `<table` to `</table>`, starting at source line `firstLine`. */
export function readHtmlTable(markup: string, firstLine: number): HtmlRow[] {
  const { nodes, lineAt } = parseHtml(markup, firstLine);
  const table = nodes.find((n): n is Element => isElement(n) && n.name === 'table');
  return table ? readTableElement(table, lineAt) : [];
}
