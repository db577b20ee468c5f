import type { CheckCell } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';

/**
 * The figures a check compared, placed (table, row, column, page, box), so a reviewer of a failed
 * check sees which printed numbers disagree instead of `its 2 parts sum to 5`.
 */

export function checkCell(item: LineItem, role: CheckCell['role']): CheckCell {
  const hasBox =
    item.x0 !== undefined && item.y0 !== undefined && item.x1 !== undefined && item.y1 !== undefined;
  return {
    role,
    table_index: item.table_index,
    row_index: item.row_index,
    column_index: item.column_index,
    row_label: item.row_label || item.subject_code || item.economic_code,
    column_label: item.column_label,
    value: item.value,
    ...(item.page !== undefined ? { page: item.page } : {}),
    ...(item.line !== undefined ? { line: item.line } : {}),
    ...(hasBox ? { bbox: [item.x0!, item.y0!, item.x1!, item.y1!] as [number, number, number, number] } : {}),
  };
}

function place(cell: CheckCell): string {
  const where = [
    cell.page !== undefined ? `p. ${cell.page}` : cell.line !== undefined ? `line ${cell.line}` : '',
    cell.bbox ? `[${cell.bbox.join(' ')}]` : '',
  ].filter((s) => s !== '');
  return where.length > 0 ? ` (${where.join(' ')})` : '';
}

/** The compact form of the cells for one CSV column: `total 合计 · 金额 = 10 (p. 3 [..]); part …`. */
export function partsText(cells: readonly CheckCell[]): string {
  return cells
    .map(
      (c) =>
        `${c.role} ${[c.row_label, c.column_label].filter((s) => s !== '').join(' · ')} = ${c.value}${place(c)}`,
    )
    .join('; ');
}

/** The `cells` and `parts` fields of a check, given the figures it compared. */
export function comparedFigures(total: LineItem, others: readonly LineItem[], role: CheckCell['role']) {
  const cells = [checkCell(total, 'total'), ...others.map((o) => checkCell(o, role))];
  return { parts: partsText(cells), cells };
}
