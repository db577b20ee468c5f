import type { LineItem } from '../../../schemas/lineItem.ts';

/**
 * Amounts read from a 栏次 / 行次 row or column: the numbers a form prints under its header to
 * name its columns (`1 2 3 4 5`) or beside its rows, which are not money. Any such amount in the
 * output is an extraction error.
 */

const NUMBERING_LABEL = /栏次|行次/;

/** `1, 2, 3 … n`: whole numbers counting up by one from 1. */
function countsFromOne(values: readonly string[]): boolean {
  return values.every((v, i) => v === String(i + 1));
}

/**
 * A row is a numbering row when its amounts, in column order, count 1, 2, 3 … (at least three of
 * them) — on each side of a two-sided table separately, where each side restarts at 1.
 */
function isNumberingRow(items: readonly LineItem[]): boolean {
  if (items.length < 3) return false;
  const byColumn = [...items].sort((a, b) => a.column_index - b.column_index);
  if (countsFromOne(byColumn.map((it) => it.value))) return true;
  const sides = new Map<string, string[]>();
  for (const it of byColumn) sides.set(it.side, [...(sides.get(it.side) ?? []), it.value]);
  return sides.size > 1 && [...sides.values()].every((values) => values.length >= 2 && countsFromOne(values));
}

export function lineNumberAmounts(items: readonly LineItem[]): LineItem[] {
  const rows = new Map<string, LineItem[]>();
  for (const it of items) {
    const key = `${it.table_index}\u241f${it.row_index}`;
    const list = rows.get(key);
    if (list) list.push(it);
    else rows.set(key, [it]);
  }
  const out: LineItem[] = [];
  for (const row of rows.values()) {
    if (isNumberingRow(row)) {
      out.push(...row);
      continue;
    }
    out.push(
      ...row.filter((it) => NUMBERING_LABEL.test(it.row_label) || NUMBERING_LABEL.test(it.column_label)),
    );
  }
  return out;
}
