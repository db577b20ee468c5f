import type { ExtractedTableRecord } from '../../schemas/document.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { esc } from './html.ts';
import { itemClasses, itemKey, itemTitle } from './marks.ts';

/** A table's amounts laid back out as the grid they were read from: rows by label, columns by header. */

const SIDE_ORDER: Record<string, number> = { '': 0, 收入: 1, 支出: 2 };

interface GridRow {
  readonly side: string;
  readonly rowIndex: number;
  readonly label: string;
  readonly code: string;
  readonly cells: Map<number, LineItem>;
}

function gridRows(items: readonly LineItem[]): GridRow[] {
  const rows = new Map<string, GridRow>();
  for (const it of items) {
    const key = `${it.side}\u241f${it.row_index}`;
    let row = rows.get(key);
    if (!row) {
      const code = it.subject_code || it.economic_code;
      row = { side: it.side, rowIndex: it.row_index, label: it.row_label, code, cells: new Map() };
      rows.set(key, row);
    }
    row.cells.set(it.column_index, it);
  }
  return [...rows.values()].sort(
    (a, b) => (SIDE_ORDER[a.side] ?? 0) - (SIDE_ORDER[b.side] ?? 0) || a.rowIndex - b.rowIndex,
  );
}

function columnsOf(items: readonly LineItem[]): [number, string][] {
  const columns = new Map<number, string>();
  for (const it of items) if (!columns.has(it.column_index)) columns.set(it.column_index, it.column_label);
  return [...columns.entries()].sort(([a], [b]) => a - b);
}

function cellHtml(item: LineItem | undefined, failed: ReadonlySet<string>): string {
  if (!item) return '<td></td>';
  const key = itemKey(item);
  return `<td id="g-${key}" data-key="${key}" class="${itemClasses(item, failed)}" title="${esc(itemTitle(item))}">${esc(item.value)}</td>`;
}

export function tableGrid(
  table: ExtractedTableRecord,
  items: readonly LineItem[],
  failed: ReadonlySet<string>,
): string {
  if (items.length === 0) return '<p class="empty">No amounts read from this table.</p>';
  const columns = columnsOf(items);
  const head = columns.map(([, label]) => `<th>${esc(label)}</th>`).join('');
  const body = gridRows(items)
    .map((row) => {
      const label = `${row.side ? `<span class="side">${esc(row.side)}</span> ` : ''}${row.code ? `<code>${esc(row.code)}</code> ` : ''}${esc(row.label)}`;
      const cells = columns.map(([c]) => cellHtml(row.cells.get(c), failed)).join('');
      return `<tr><th class="label">${label}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="grid" data-table="${table.table_index}"><thead><tr><th class="label">行</th>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
