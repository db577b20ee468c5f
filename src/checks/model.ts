import type { Check } from '../../schemas/check.ts';
import type { ExtractedTableRecord } from '../../schemas/document.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { labelKey } from '../normalize/cellText.ts';
import { type Decimal, toDecimal } from '../normalize/decimal.ts';
import { readSubjectCode } from '../normalize/subjectCode.ts';
import { amountInWan } from '../normalize/unit.ts';

/**
 * What the checks see of a document: its tables as rows of amounts keyed by column label, built
 * from the line items alone (so the checks work the same for text, PDF and OCR inputs).
 */

export interface CheckInput {
  readonly documentId: string;
  readonly year: string;
  readonly tables: readonly ExtractedTableRecord[];
  readonly lineItems: readonly LineItem[];
  /** Narrative lines of the document (text outside tables), for prose-vs-table checks. */
  readonly prose: readonly { readonly text: string; readonly line?: number; readonly page?: number }[];
}

export interface AmountRow {
  readonly table: ExtractedTableRecord;
  readonly side: LineItem['side'];
  readonly rowIndex: number;
  readonly label: string;
  readonly subjectCode: string;
  readonly economicCode: string;
  readonly isTotal: boolean;
  /** column label (side removed) → the item */
  readonly cells: ReadonlyMap<string, LineItem>;
}

export function withoutSide(item: LineItem): string {
  return item.side === '' ? item.column_label : item.column_label.split(' / ').slice(1).join(' / ');
}

export function amountOf(item: LineItem): Decimal {
  return toDecimal(item.value);
}

/** Rows of one table, per side, in printed order. */
/** The items of each table, computed once per item list: every check asks for the rows of every table. */
const itemsByTableOf = new WeakMap<readonly LineItem[], Map<number, LineItem[]>>();

function itemsOfTable(items: readonly LineItem[], tableIndex: number): readonly LineItem[] {
  let byTable = itemsByTableOf.get(items);
  if (!byTable) {
    byTable = new Map();
    for (const it of items) {
      const list = byTable.get(it.table_index);
      if (list) list.push(it);
      else byTable.set(it.table_index, [it]);
    }
    itemsByTableOf.set(items, byTable);
  }
  return byTable.get(tableIndex) ?? [];
}

/** The rows of a table, built once per table and item list: several checks ask for them. */
const rowsOfTable = new WeakMap<
  ExtractedTableRecord,
  { items: readonly LineItem[]; rows: readonly AmountRow[] }
>();

export function rowsOf(table: ExtractedTableRecord, items: readonly LineItem[]): readonly AmountRow[] {
  const known = rowsOfTable.get(table);
  if (known?.items === items) return known.rows;
  const rows = buildRows(table, items);
  rowsOfTable.set(table, { items, rows });
  return rows;
}

function buildRows(table: ExtractedTableRecord, items: readonly LineItem[]): AmountRow[] {
  const byRow = new Map<string, LineItem[]>();
  for (const it of itemsOfTable(items, table.table_index)) {
    // Label too: a header printed twice side by side (Xiamen 十) puts two rows on one printed line.
    const key = `${it.side}\u241f${it.row_index}\u241f${it.row_label}`;
    const list = byRow.get(key) ?? [];
    list.push(it);
    byRow.set(key, list);
  }
  const rows: AmountRow[] = [];
  for (const list of byRow.values()) {
    const first = list[0]!;
    rows.push({
      table,
      side: first.side,
      rowIndex: first.row_index,
      label: first.row_label,
      subjectCode: first.subject_code,
      economicCode: first.economic_code,
      isTotal: first.is_total,
      cells: new Map(list.map((it) => [withoutSide(it), it])),
    });
  }
  return rows.sort((a, b) => (a.side === b.side ? a.rowIndex - b.rowIndex : a.side < b.side ? -1 : 1));
}

export function tableName(table: ExtractedTableRecord): string {
  return `${table.table_number ? `${table.table_number} ` : ''}${table.table_title || table.table_kind}`;
}

export function rowName(row: AmountRow): string {
  const code = row.subjectCode || row.economicCode;
  return `${row.side ? `${row.side} / ` : ''}${code ? `${code} ` : ''}${row.label || '(unlabelled row)'}`;
}

/** A label without its printed ordinal (`一、`, `(一)`, `1.`) and whitespace, for matching. */
export function bareLabel(label: string): string {
  return labelKey(label).replace(
    /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、)]|\(\d+\))/u,
    '',
  );
}

export type CheckName = Check['check'];

export function placeOf(item: LineItem | undefined): Pick<Check, 'line' | 'page' | 'table_index'> {
  if (!item) return {};
  return {
    table_index: item.table_index,
    ...(item.line !== undefined ? { line: item.line } : {}),
    ...(item.page !== undefined ? { page: item.page } : {}),
  };
}

/**
 * An item restated in 万元 (a table in 元 beside text or tables in 万元: the point moves four places,
 * exactly); as it is when already in 万元; undefined in any other unit.
 */
export function itemInWan(item: LineItem): LineItem | undefined {
  if (item.unit === '万元') return item;
  const wan = amountInWan(item.value, item.unit);
  return wan === undefined ? undefined : { ...item, value: wan, unit: '万元' };
}

/** The level of a row's printed function or economic code (类 1, 款 2, 项 3), if it has one. */
export function codeLevel(row: AmountRow): number | undefined {
  return readSubjectCode(row.subjectCode || row.economicCode)?.level;
}
