import Papa from 'papaparse';

/**
 * RFC 4180 CSV with `\n` line ends and a header row; optional UTF-8 BOM for spreadsheet users.
 * The header and the rows can be written separately, so a corpus dump streams one document's
 * rows at a time and is byte-identical to writing all rows at once.
 */

export type CsvValue = string | number | boolean | undefined | null;

function cell(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

export function csvHeader(columns: readonly string[], bom = false): string {
  return `${bom ? '\ufeff' : ''}${Papa.unparse([[...columns]], { newline: '\n', quotes: false })}\n`;
}

/** The rows as CSV lines, each ending in `\n`; empty when there are no rows. */
export function csvLines(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
): string {
  if (rows.length === 0) return '';
  const data = rows.map((row) => columns.map((c) => cell(row[c] as CsvValue)));
  return `${Papa.unparse(data, { newline: '\n', quotes: false, header: false })}\n`;
}

export function toCsv(
  columns: readonly string[],
  rows: readonly Readonly<Record<string, unknown>>[],
  bom = false,
): string {
  return csvHeader(columns, bom) + csvLines(columns, rows);
}
