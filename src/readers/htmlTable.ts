import type { Cell } from '../model.ts';

/**
 * Reads `<table>` markup into grid rows. Spanned cells are expanded so that every row has one cell
 * per grid column: a `colspan` leaves blank cells to its right (the way header spans look in text
 * dumps), a `rowspan` leaves blank cells below.
 */

export interface HtmlRow {
  readonly cells: readonly Cell[];
  readonly line: number;
}

const ROW = /<tr\b[^<>]*>([\s\S]*?)(?=<tr\b|<\/table>|$)/gi;
const CELL = /<(td|th)\b([^<>]*)>([\s\S]*?)(?=<\/?t[dhr]\b|<\/table>|$)/gi;

function spanOf(attributes: string, name: 'colspan' | 'rowspan'): number {
  const match = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  const n = match ? Number(match[1]) : 1;
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : 1;
}

function lineAt(lineStarts: readonly number[], offset: number, firstLine: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return firstLine + lo;
}

/** `markup` is the text from `<table` to `</table>`, starting at source line `firstLine`. */
export function readHtmlTable(markup: string, firstLine: number): HtmlRow[] {
  const lineStarts = [0];
  for (let i = 0; i < markup.length; i++) if (markup[i] === '\n') lineStarts.push(i + 1);
  const rows: HtmlRow[] = [];
  /** pending[col] = how many more rows the cell above still covers. */
  const pending: number[] = [];
  for (const rowMatch of markup.matchAll(ROW)) {
    const line = lineAt(lineStarts, rowMatch.index ?? 0, firstLine);
    const cells: Cell[] = [];
    let col = 0;
    const take = () => {
      while ((pending[col] ?? 0) > 0) {
        pending[col] = (pending[col] ?? 0) - 1;
        cells.push({ raw: '', at: { line } });
        col++;
      }
    };
    for (const cellMatch of (rowMatch[1] ?? '').matchAll(CELL)) {
      take();
      const attributes = cellMatch[2] ?? '';
      const colspan = spanOf(attributes, 'colspan');
      const rowspan = spanOf(attributes, 'rowspan');
      const cellLine = lineAt(lineStarts, (rowMatch.index ?? 0) + (cellMatch.index ?? 0), firstLine);
      for (let k = 0; k < colspan; k++) {
        cells.push({ raw: k === 0 ? (cellMatch[3] ?? '').replace(/\s+/g, ' ') : '', at: { line: cellLine } });
        if (rowspan > 1) pending[col] = rowspan - 1;
        col++;
      }
    }
    take();
    if (cells.length > 0) rows.push({ cells, line });
  }
  return rows;
}
