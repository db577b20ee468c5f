import type { Check } from '../../schemas/check.ts';
import type { LineItem } from '../../schemas/lineItem.ts';
import { DOUBTFUL_CONFIDENCE } from '../model.ts';
import { cellKey } from './html.ts';

/** How a value is flagged for the reviewer: in a failed check, repaired by OCR repair, or doubtful. */

export function failedChecks(checks: readonly Check[]): Check[] {
  return checks.filter((c) => c.status === 'fail');
}

/** The cells of every failed check, by key. */
export function failedKeys(checks: readonly Check[]): ReadonlySet<string> {
  return new Set(
    failedChecks(checks).flatMap((c) =>
      (c.cells ?? []).map((cell) => cellKey(cell.table_index, cell.row_index, cell.column_index)),
    ),
  );
}

export function itemKey(item: LineItem): string {
  return cellKey(item.table_index, item.row_index, item.column_index);
}

export function itemClasses(item: LineItem, failed: ReadonlySet<string>): string {
  const classes = ['v'];
  if (failed.has(itemKey(item))) classes.push('fail');
  if (item.status === 'repaired') classes.push('repaired');
  if (item.confidence !== undefined && item.confidence < DOUBTFUL_CONFIDENCE) classes.push('doubtful');
  return classes.join(' ');
}

export function itemTitle(item: LineItem): string {
  const notes = [
    `${item.row_label || item.subject_code || item.economic_code} · ${item.column_label}`,
    item.page !== undefined ? `page ${item.page}${item.folio ? ` (printed ${item.folio})` : ''}` : '',
    item.line !== undefined ? `line ${item.line}` : '',
    item.status === 'repaired' ? `repaired, read as ${item.original_text}` : '',
    item.confidence !== undefined ? `OCR confidence ${item.confidence}` : '',
  ];
  return notes.filter((n) => n !== '').join('\n');
}
